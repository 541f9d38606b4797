import { Field, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GOOGLE_PAY_AUTH_METHODS, GOOGLE_PAY_CARD_NETWORKS } from './wallet-config';

export const GooglePayAuthMethodEnum = Object.fromEntries(GOOGLE_PAY_AUTH_METHODS.map((v) => [v, v])) as { readonly [K in (typeof GOOGLE_PAY_AUTH_METHODS)[number]]: K };
export type GooglePayAuthMethodEnum = (typeof GOOGLE_PAY_AUTH_METHODS)[number];
registerEnumType(GooglePayAuthMethodEnum, { name: 'GooglePayAuthMethod', description: 'Google Pay card auth method (allowedAuthMethods).' });
export const GooglePayCardNetworkEnum = Object.fromEntries(GOOGLE_PAY_CARD_NETWORKS.map((v) => [v, v])) as { readonly [K in (typeof GOOGLE_PAY_CARD_NETWORKS)[number]]: K };
export type GooglePayCardNetworkEnum = (typeof GOOGLE_PAY_CARD_NETWORKS)[number];
registerEnumType(GooglePayCardNetworkEnum, { name: 'GooglePayCardNetwork', description: 'Google Pay card network (allowedCardNetworks).' });

const NAME = /^(?=.*\S)\P{Cc}{1,100}$/u;
const TOKEN_ID = /^[\x21-\x7e]{1,100}$/;
const MERCHANT_IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,254}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/;
const COUNTRY = /^[A-Z]{2}$/;
/** Largest PEM accepted (a certificate chain or key is a few KB). */
export const MAX_PEM_LENGTH = 16_384;

@InputType({ description: 'Google Pay configuration (upstream metadata.google_pay). Not secret; returned as is.' })
export class GooglePayConfigInput {
  @Field(() => String, { description: 'Shown in the Google Pay sheet.' })
  @Matches(NAME, { message: 'merchantName must be 1-100 characters, not only spaces, without control characters' })
  merchantName!: string;

  @Field(() => String, { nullable: true, description: 'Google’s merchant id (omitted from the token when absent).' })
  @IsOptional()
  @Matches(TOKEN_ID, { message: 'merchantId must be 1-100 printable ASCII characters without spaces' })
  merchantId?: string;

  @Field(() => String, { description: 'The gateway’s merchant id for Google Pay (Nuvei sandbox: googletest).' })
  @Matches(TOKEN_ID, { message: 'gatewayMerchantId must be 1-100 printable ASCII characters without spaces' })
  gatewayMerchantId!: string;

  @Field(() => [GooglePayAuthMethodEnum], { nullable: true, description: 'Default: PAN_ONLY, CRYPTOGRAM_3DS.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'allowedAuthMethods must not be empty' })
  @ArrayUnique({ message: 'allowedAuthMethods must not repeat a value' })
  allowedAuthMethods?: GooglePayAuthMethodEnum[];

  @Field(() => [GooglePayCardNetworkEnum], { nullable: true, description: 'Default: every network.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'allowedCardNetworks must not be empty' })
  @ArrayUnique({ message: 'allowedCardNetworks must not repeat a value' })
  allowedCardNetworks?: GooglePayCardNetworkEnum[];
}

@InputType({ description: 'Apple Pay configuration (manual flow). The certificate and key are sealed like credentials and never returned.' })
export class ApplePayConfigInput {
  @Field(() => String, { description: 'Apple merchant identifier, e.g. merchant.com.example.' })
  @Matches(MERCHANT_IDENTIFIER, { message: 'merchantIdentifier must be 1-255 letters, digits, dots, hyphens or underscores' })
  merchantIdentifier!: string;

  @Field(() => String)
  @Matches(NAME, { message: 'displayName must be 1-100 characters, not only spaces, without control characters' })
  displayName!: string;

  @Field(() => [String], { description: 'Domains registered with Apple (lower case); the first is used when the client sends no x-merchant-domain.' })
  @ArrayMinSize(1, { message: 'domains must name at least one domain' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'domains must not repeat a domain' })
  @Matches(DOMAIN, { each: true, message: 'each domain must be a lower-case host name' })
  domains!: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; the payment request’s country (else the payment’s billingCountry).' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'merchantBusinessCountry must be an upper-case ISO 3166-1 alpha-2 code' })
  merchantBusinessCountry?: string;

  @Field(() => String, { description: 'Merchant identity certificate (PEM). Write-only.' })
  @MaxLength(MAX_PEM_LENGTH, { message: `certificatePem must be at most ${MAX_PEM_LENGTH} characters` })
  certificatePem!: string;

  @Field(() => String, { description: 'Its private key (PEM). Write-only.' })
  @MaxLength(MAX_PEM_LENGTH, { message: `privateKeyPem must be at most ${MAX_PEM_LENGTH} characters` })
  privateKeyPem!: string;
}

@InputType({ description: 'Wallet configuration of a connector account. On update, a given wallet replaces the stored one, null removes it, absent keeps it.' })
export class WalletConfigInput {
  @Field(() => GooglePayConfigInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  googlePay?: GooglePayConfigInput | null;

  @Field(() => ApplePayConfigInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  applePay?: ApplePayConfigInput | null;
}
