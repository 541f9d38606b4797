import { isSecret, type Secret } from '@prism-sessions/masking';

/**
 * `getSessionToken.do` body. Keys are declared (and must be built) in wire order:
 * merchantId, merchantSiteId, clientRequestId, timeStamp, checksum.
 */
export interface NuveiSessionTokenRequest {
  readonly merchantId: Secret<string>;
  readonly merchantSiteId: Secret<string>;
  readonly clientRequestId: string;
  readonly timeStamp: string;
  readonly checksum: string;
}

/** `paymentOption.card`; the gateway spells the security code `CVV`. */
export interface NuveiCard {
  readonly cardNumber: Secret<string>;
  readonly cardHolderName: Secret<string>;
  readonly expirationMonth: Secret<string>;
  readonly expirationYear: Secret<string>;
  readonly CVV: Secret<string>;
}

/** `billingAddress`: required `email` and `country` first, then optional fields (upstream order). */
export interface NuveiBillingAddress {
  readonly email: Secret<string>;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly firstName?: Secret<string>;
  readonly lastName?: Secret<string>;
  readonly phone?: Secret<string>;
}

/** Where Nuvei sends the customer after a redirect (all three are the merchant's return URL). */
export interface NuveiUrlDetails {
  readonly successUrl: string;
  readonly failureUrl: string;
  readonly pendingUrl: string;
}

/** `Auth` holds funds (manual capture, zero amount); `Sale` captures at once. */
export type NuveiTransactionType = 'Auth' | 'Sale';

/**
 * `payment.do` body, keys in upstream wire order: sessionToken, merchantId, merchantSiteId,
 * clientRequestId, amount, currency, clientUniqueId, paymentOption, transactionType,
 * deviceDetails, billingAddress, urlDetails?, timeStamp, checksum.
 */
export interface NuveiPaymentRequest {
  readonly sessionToken: Secret<string>;
  readonly merchantId: Secret<string>;
  readonly merchantSiteId: Secret<string>;
  readonly clientRequestId: string;
  readonly amount: string;
  readonly currency: string;
  readonly clientUniqueId: string;
  readonly paymentOption: { readonly card: NuveiCard };
  readonly transactionType: NuveiTransactionType;
  readonly deviceDetails: { readonly ipAddress: Secret<string> };
  readonly billingAddress: NuveiBillingAddress;
  readonly urlDetails?: NuveiUrlDetails;
  readonly timeStamp: string;
  readonly checksum: string;
}

// JSON.stringify calls Secret#toJSON (the mask) before the replacer, so read the holder's raw property.
function exposeSecrets(this: unknown, key: string, value: unknown): unknown {
  const original: unknown = typeof this === 'object' && this !== null ? Reflect.get(this, key) : undefined;
  return isSecret(original) ? original.expose() : value;
}

/**
 * Serialises a request body to compact JSON in declaration order, exposing its secrets. This is
 * the only place wire values leave their `Secret`; never log the result.
 */
export function serializeNuveiRequest(request: NuveiSessionTokenRequest | NuveiPaymentRequest): string {
  return JSON.stringify(request, exposeSecrets);
}
