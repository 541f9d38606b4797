import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsOptional, MaxLength } from 'class-validator';

/** Wallets with a session token shape (seed 003 §11.3, plus our PAYTM_CHECKOUT). */
export enum WalletTypeEnum {
  GOOGLE_PAY = 'GOOGLE_PAY',
  APPLE_PAY = 'APPLE_PAY',
  PAYPAL = 'PAYPAL',
  PAYTM_CHECKOUT = 'PAYTM_CHECKOUT',
}
registerEnumType(WalletTypeEnum, { name: 'WalletType', description: 'A wallet whose SDK a session token bootstraps (upstream wallet_name, upper-cased; PAYTM_CHECKOUT is ours).' });

@InputType({ description: 'A client’s request for the wallet session tokens of one payment (publishable key + the payment’s client secret).' })
export class WalletSessionTokensInput {
  @Field(() => ID)
  @MaxLength(64, { message: 'paymentId must be at most 64 characters' })
  paymentId!: string;

  @Field(() => String, { description: 'The payment’s client secret, as createPayment returned it.' })
  @MaxLength(128, { message: 'clientSecret must be at most 128 characters' })
  clientSecret!: string;

  @Field(() => [WalletTypeEnum], { nullable: true, defaultValue: [], description: 'Only these wallets; empty (the default): every eligible wallet.' })
  @IsOptional()
  @ArrayUnique({ message: 'wallets must not repeat a wallet' })
  @ArrayMaxSize(Object.keys(WalletTypeEnum).length)
  wallets?: WalletTypeEnum[];

  @Field(() => String, { nullable: true, description: 'As upstream’s x-client-platform: web, ios or android (anything else is ignored).' })
  @IsOptional()
  @MaxLength(32, { message: 'clientPlatform must be at most 32 characters' })
  clientPlatform?: string;

  @Field(() => String, { nullable: true, description: 'As upstream’s x-browser-name, e.g. Safari.' })
  @IsOptional()
  @MaxLength(64, { message: 'browserName must be at most 64 characters' })
  browserName?: string;

  @Field(() => String, { nullable: true, description: 'As upstream’s x-merchant-domain: the web domain Apple Pay validates.' })
  @IsOptional()
  @MaxLength(253, { message: 'merchantDomain must be at most 253 characters' })
  merchantDomain?: string;
}
