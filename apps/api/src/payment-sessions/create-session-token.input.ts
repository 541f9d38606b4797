import { Field, ID, InputType, Int } from 'type-graphql';
import { IsBoolean, IsInt, IsIP, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { MAX_MINOR_AMOUNT, type CurrencyCode } from '@prism-sessions/domain-types';
import { Int64Scalar } from '../graphql/scalars/int64.scalar';
import { ConnectorEnum, CurrencyCodeEnum } from '../graphql/types/enums';

const UINT32_MAX = 4_294_967_295;

/** Positive integer minor units within upstream's int64. */
function IsPositiveMinorAmount() {
  return ValidateBy({
    name: 'isPositiveMinorAmount',
    validator: {
      validate: (value: unknown) => typeof value === 'bigint' && value > 0n && value <= MAX_MINOR_AMOUNT,
      defaultMessage: () => 'minorAmount must be a positive integer no larger than 2^63-1',
    },
  });
}

/** Non-negative int64 (seconds). */
function IsNonNegativeInt64() {
  return ValidateBy({
    name: 'isNonNegativeInt64',
    validator: {
      validate: (value: unknown) => typeof value === 'bigint' && value >= 0n,
      defaultMessage: () => 'expiresInSeconds must not be negative',
    },
  });
}

@InputType('MoneyInput', { description: 'An amount in integer minor units (1000 USD = $10.00).' })
export class MoneyInput {
  @Field(() => Int64Scalar, { description: 'Minor units: a JSON number up to 2^53, or a decimal string up to 2^63-1.' })
  @IsPositiveMinorAmount()
  minorAmount!: bigint;

  @Field(() => CurrencyCodeEnum)
  currency!: CurrencyCode;
}

@InputType({ description: 'Upstream AccessToken.' })
export class AccessTokenInput {
  @Field(() => String)
  @Length(1, 4096)
  token!: string;

  @Field(() => Int64Scalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeInt64()
  expiresInSeconds?: bigint;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  tokenType?: string;
}

@InputType({ description: 'Upstream ConnectorState: stored (encrypted) for the merchant and connector; not sent by this flow.' })
export class ConnectorStateInput {
  @Field(() => AccessTokenInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  accessToken?: AccessTokenInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 255)
  connectorCustomerId?: string;
}

@InputType({ description: 'Upstream BrowserInformation (all optional).' })
export class BrowserInformationInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(UINT32_MAX) colorDepth?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(UINT32_MAX) screenHeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(UINT32_MAX) screenWidth?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() javaEnabled?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() javaScriptEnabled?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) language?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(-840) @Max(840) timeZoneOffsetMinutes?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1024) acceptHeader?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1024) userAgent?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(256) acceptLanguage?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2048) referer?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIP() ipAddress?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) osType?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) osVersion?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(128) deviceModel?: string;
}

@InputType({ description: 'Mirrors upstream MerchantAuthenticationServiceCreateSessionTokenRequest.' })
export class CreateSessionTokenInput {
  @Field(() => ConnectorEnum, { nullable: true, description: 'The gateway. May instead come from the x-connector header, or from the account named by connectorAccountId.' })
  @IsOptional()
  connector?: ConnectorEnum;

  @Field(() => ID, {
    nullable: true,
    description: 'A stored connector account to take the credentials from when there is no x-connector-config header. Without either, the merchant’s default enabled account for the connector and testMode is used.',
  })
  @IsOptional()
  connectorAccountId?: string;

  @Field(() => String, { description: '1-50 characters: letters, digits, "-" and "_" (the strictest gateway reference rule, applied to every connector).' })
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'merchantSessionId must be 1-50 characters of letters, digits, "-" or "_"' })
  merchantSessionId!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'Opaque merchant data; stored encrypted, not sent by this flow.' })
  @IsOptional()
  @MaxLength(8192)
  metadata?: string;

  @Field(() => String, { nullable: true, description: 'Opaque connector data; stored encrypted.' })
  @IsOptional()
  @MaxLength(8192)
  connectorFeatureData?: string;

  @Field(() => ConnectorStateInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  state?: ConnectorStateInput;

  @Field(() => BrowserInformationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  browserInfo?: BrowserInformationInput;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Sandbox (true, default) or live.' })
  @IsOptional()
  @IsBoolean()
  testMode?: boolean;

  @Field(() => String, { nullable: true, description: 'Same key + same parameters returns the stored result; same key + other parameters is a conflict.' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,255}$/, { message: 'idempotencyKey must be 1-255 printable ASCII characters' })
  idempotencyKey?: string;
}
