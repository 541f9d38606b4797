import { Field, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { WalletConfigHints } from './wallet-config';

@ObjectType('GooglePayConfig', { description: 'Google Pay configuration of an account.' })
export class GooglePayConfigView {
  @Field(() => String)
  merchantName!: string;

  @Field(() => String, { nullable: true })
  merchantId?: string;

  @Field(() => String)
  gatewayMerchantId!: string;

  @Field(() => [String])
  allowedAuthMethods!: string[];

  @Field(() => [String])
  allowedCardNetworks!: string[];
}

@ObjectType('ApplePayConfig', { description: 'Safe facts of an account’s Apple Pay configuration; the certificate and key are write-only.' })
export class ApplePayConfigView {
  @Field(() => String)
  merchantIdentifier!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [String])
  domains!: string[];

  @Field(() => String, { nullable: true })
  merchantBusinessCountry?: string;

  @Field(() => DateTimeISOResolver, { description: 'When the merchant identity certificate expires.' })
  certificateNotAfter!: Date;
}

@ObjectType('WalletConfig', { description: 'Wallet configuration of an account (safe facts only).' })
export class WalletConfigView {
  @Field(() => GooglePayConfigView, { nullable: true })
  googlePay?: GooglePayConfigView;

  @Field(() => ApplePayConfigView, { nullable: true })
  applePay?: ApplePayConfigView;
}

/** GraphQL view of the stored hints. */
export function toWalletConfigView(hints: WalletConfigHints): WalletConfigView {
  const view = new WalletConfigView();
  if (hints.googlePay) {
    view.googlePay = Object.assign(new GooglePayConfigView(), {
      ...hints.googlePay,
      allowedAuthMethods: [...hints.googlePay.allowedAuthMethods],
      allowedCardNetworks: [...hints.googlePay.allowedCardNetworks],
    });
  }
  if (hints.applePay) {
    const { certificateNotAfter, domains, ...rest } = hints.applePay;
    view.applePay = Object.assign(new ApplePayConfigView(), { ...rest, domains: [...domains], certificateNotAfter: new Date(certificateNotAfter) });
  }
  return view;
}
