import { Field, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MoneyInput } from '../payment-sessions/create-session-token.input';
import { DEFAULT_SESSION_EXPIRY_SECONDS } from './client-secret';
import { PaymentStatusEnum } from './payment.type';

/** Longest client secret lifetime accepted (one day). */
export const MAX_SESSION_EXPIRY_SECONDS = 86_400;
const REFERENCE = /^[\x21-\x7e]{1,64}$/;
const CUSTOMER_ID = /^[\x21-\x7e]{1,64}$/;
const COUNTRY = /^[A-Z]{2}$/;
const DESCRIPTION = /^\P{Cc}{1,255}$/u;

@InputType({ description: 'A new payment; its client secret is shown once, in the payload.' })
export class CreatePaymentInput {
  @Field(() => MoneyInput)
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'The merchant’s own id (1-64 printable ASCII). Idempotent: the same reference and amount answer the same payment (without a new client secret).' })
  @IsOptional()
  @Matches(REFERENCE, { message: 'merchantReference must be 1-64 printable ASCII characters without spaces' })
  merchantReference?: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SESSION_EXPIRY_SECONDS, description: 'Client secret lifetime in seconds (default 900, 60-86400).' })
  @IsInt()
  @Min(60, { message: 'sessionExpirySeconds must be at least 60' })
  @Max(MAX_SESSION_EXPIRY_SECONDS, { message: `sessionExpirySeconds must be at most ${MAX_SESSION_EXPIRY_SECONDS}` })
  sessionExpirySeconds!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CUSTOMER_ID, { message: 'customerId must be 1-64 printable ASCII characters without spaces' })
  customerId?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, upper case; Google Pay’s country_code (default US).' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'billingCountry must be an upper-case ISO 3166-1 alpha-2 code' })
  billingCountry?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DESCRIPTION, { message: 'description must be 1-255 characters without control characters' })
  description?: string;
}

@InputType()
export class PaymentFilter {
  @Field(() => PaymentStatusEnum, { nullable: true })
  status?: PaymentStatusEnum;
}
