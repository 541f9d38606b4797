import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON, JSONObjectResolver } from 'graphql-scalars';
import { WalletTypeEnum } from './wallet-session-tokens.input';

/** Upstream's `sdk_next_action.next_action` values, upper-cased. */
export enum NextActionCallEnum {
  POST_SESSION_TOKENS = 'POST_SESSION_TOKENS',
  CONFIRM = 'CONFIRM',
  SYNC = 'SYNC',
  COMPLETE_AUTHORIZE = 'COMPLETE_AUTHORIZE',
  AWAIT_MERCHANT_CALLBACK = 'AWAIT_MERCHANT_CALLBACK',
  ELIGIBILITY_CHECK = 'ELIGIBILITY_CHECK',
  DENY = 'DENY',
}
registerEnumType(NextActionCallEnum, { name: 'NextActionCall', description: 'What the client SDK does next (upstream sdk_next_action).' });

@ObjectType()
export class SdkNextAction {
  @Field(() => NextActionCallEnum)
  nextAction!: NextActionCallEnum;

  @Field(() => String, { nullable: true })
  denyMessage?: string;
}

@ObjectType()
export class GpayMerchantInfo {
  @Field(() => String, { nullable: true })
  merchantId?: string;

  @Field(() => String)
  merchantName!: string;
}

@ObjectType({ description: 'Google Pay API PaymentMethod; parameters and tokenizationSpecification as upstream sends them (snake_case).' })
export class GpayAllowedPaymentMethod {
  @Field(() => String)
  type!: string;

  @Field(() => JSONObjectResolver)
  parameters!: Record<string, unknown>;

  @Field(() => JSONObjectResolver)
  tokenizationSpecification!: Record<string, unknown>;
}

@ObjectType()
export class GpayTransactionInfo {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  currencyCode!: string;

  @Field(() => String, { description: 'Upstream sends "Final".' })
  totalPriceStatus!: string;

  @Field(() => String, { description: 'Major-unit decimal string, e.g. "10.00".' })
  totalPrice!: string;
}

@ObjectType()
export class GooglePaySessionToken {
  @Field(() => String)
  connector!: string;

  @Field(() => ID, { description: 'The connector account that produced it.' })
  merchantConnectorId!: string;

  @Field(() => Boolean)
  delayedSessionToken!: boolean;

  @Field(() => GpayMerchantInfo, { nullable: true })
  merchantInfo?: GpayMerchantInfo;

  @Field(() => [GpayAllowedPaymentMethod], { nullable: true })
  allowedPaymentMethods?: GpayAllowedPaymentMethod[];

  @Field(() => GpayTransactionInfo, { nullable: true })
  transactionInfo?: GpayTransactionInfo;

  @Field(() => Boolean, { nullable: true })
  shippingAddressRequired?: boolean;

  @Field(() => Boolean, { nullable: true })
  emailRequired?: boolean;

  @Field(() => SdkNextAction)
  sdkNextAction!: SdkNextAction;
}

@ObjectType()
export class ApplePayTotal {
  @Field(() => String)
  label!: string;

  @Field(() => String)
  type!: string;

  @Field(() => String, { description: 'Major-unit decimal string.' })
  amount!: string;
}

@ObjectType()
export class ApplePayPaymentRequest {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  currencyCode!: string;

  @Field(() => ApplePayTotal)
  total!: ApplePayTotal;

  @Field(() => [String])
  merchantCapabilities!: string[];

  @Field(() => [String])
  supportedNetworks!: string[];

  @Field(() => String)
  merchantIdentifier!: string;
}

@ObjectType()
export class ApplePaySessionToken {
  @Field(() => String)
  connector!: string;

  @Field(() => ID)
  merchantConnectorId!: string;

  @Field(() => Boolean)
  delayedSessionToken!: boolean;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Apple’s merchant session (snake_case keys, as upstream); null when Apple was not called (app platforms).' })
  sessionTokenData?: unknown;

  @Field(() => ApplePayPaymentRequest, { nullable: true })
  paymentRequestData?: ApplePayPaymentRequest;

  @Field(() => SdkNextAction)
  sdkNextAction!: SdkNextAction;
}

@ObjectType()
export class PaypalSessionToken {
  @Field(() => String)
  connector!: string;

  @Field(() => ID)
  merchantConnectorId!: string;

  @Field(() => String, { description: 'The PayPal client id (not a secret).' })
  sessionToken!: string;

  @Field(() => String, { nullable: true, description: 'A PayPal SDK client token.' })
  clientToken?: string;

  @Field(() => SdkNextAction)
  sdkNextAction!: SdkNextAction;
}

@ObjectType({ description: 'Our extension (never upstream): what Paytm’s JS Checkout needs, with a txnToken minted server-side.' })
export class PaytmCheckoutSessionToken {
  @Field(() => String)
  connector!: string;

  @Field(() => ID)
  merchantConnectorId!: string;

  @Field(() => String, { nullable: true, description: 'The Paytm merchant id (MID).' })
  mid?: string;

  @Field(() => String)
  orderId!: string;

  @Field(() => String, { description: 'Paytm txnToken, for the payment’s client only.' })
  txnToken!: string;

  @Field(() => String, { description: 'Major-unit decimal string.' })
  amount!: string;

  @Field(() => String, { description: 'The Paytm host the checkout script is loaded from.' })
  host!: string;

  @Field(() => String, { description: 'ISO 8601 instant the txnToken stops being handed out.' })
  expiresAt!: string;
}

export const WalletSessionTokenUnion = createUnionType({
  name: 'WalletSessionToken',
  types: () => [GooglePaySessionToken, ApplePaySessionToken, PaypalSessionToken, PaytmCheckoutSessionToken] as const,
});

@ObjectType({ description: 'A wallet left out, and why (upstream only logs it).' })
export class OmittedWallet {
  @Field(() => WalletTypeEnum)
  wallet!: WalletTypeEnum;

  @Field(() => String)
  connector!: string;

  @Field(() => ID)
  merchantConnectorId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'An upstream error (IR_01, IR_08, IR_09, IR_16, HE_02, HE_00), with the HTTP status the REST endpoint answers.' })
export class SessionTokenError {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Int)
  httpStatus!: number;
}

@ObjectType()
export class WalletSessionTokensPayload {
  @Field(() => ID)
  paymentId!: string;

  @Field(() => [WalletSessionTokenUnion])
  sessionTokens!: Array<GooglePaySessionToken | ApplePaySessionToken | PaypalSessionToken | PaytmCheckoutSessionToken>;

  @Field(() => [OmittedWallet])
  omitted!: OmittedWallet[];

  @Field(() => [SessionTokenError])
  errors!: SessionTokenError[];
}
