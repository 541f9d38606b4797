import { isSecret, type Secret } from '@prism-sessions/masking';
import { signPaytmBody } from '../paytm.signature';

/*
 * Paytm request shapes. Key order in every builder is the wire order (upstream struct field
 * order); `JSON.stringify` keeps insertion order, so builders must not reorder keys. Credential and
 * token values stay `Secret` until {@link serializePaytmWire} writes the wire text.
 */

/** `txnAmount` / `chargeAmount`: a major-unit decimal string and the ISO code. */
export interface PaytmMoney {
  readonly value: string;
  readonly currency: string;
}

/**
 * initiateTransaction `head` before signing. `clientId` is sent as `null` when absent; `channelId`
 * is omitted when unknown; `signature` is appended by {@link signedPaytmEnvelope}.
 */
export interface PaytmInitiateTransactionHead {
  readonly clientId: Secret<string> | null;
  readonly version: string;
  readonly requestTimestamp: string;
  readonly channelId?: PaytmChannelId;
}

/** initiateTransaction `body` (upstream `PaytmInitiateReqBody`, as the standalone RPC fills it). */
export interface PaytmInitiateTransactionBody {
  readonly requestType: string;
  readonly mid: Secret<string>;
  readonly orderId: string;
  readonly websiteName: Secret<string>;
  readonly txnAmount: PaytmMoney;
  // Unknown customer fields are sent as null, not omitted.
  readonly userInfo: {
    readonly custId: string;
    readonly mobile: string | null;
    readonly email: string | null;
    readonly firstName: string | null;
    readonly lastName: string | null;
  };
  readonly enablePaymentMode: readonly { readonly mode: string; readonly channels: readonly string[] }[];
  readonly callbackUrl: string;
  readonly shippingInfo: readonly { readonly trackingNo: string; readonly chargeAmount: PaytmMoney }[];
}

/** `WAP` for Android/iOS, `WEB` for any other OS. */
export type PaytmChannelId = 'WAP' | 'WEB';

/** processTransaction, UPI intent: `head`. `channelId` is `null` (not omitted) when unknown. */
export interface PaytmUpiIntentHead {
  readonly version: string;
  readonly requestTimestamp: string;
  readonly channelId: PaytmChannelId | null;
  readonly txnToken: Secret<string>;
}

/** processTransaction, UPI intent: `body`. */
export interface PaytmUpiIntentBody {
  readonly mid: Secret<string>;
  readonly orderId: string;
  readonly requestType: string;
  readonly paymentMode: string;
  readonly paymentFlow: string;
  readonly txnNote?: string;
}

/** processTransaction, UPI collect (native): `head`, the token only. */
export interface PaytmUpiCollectHead {
  readonly txnToken: Secret<string>;
}

/** processTransaction, UPI collect (native): `body`. */
export interface PaytmUpiCollectBody {
  readonly requestType: string;
  readonly mid: Secret<string>;
  readonly orderId: string;
  readonly paymentMode: string;
  readonly payerAccount: Secret<string>;
  readonly channelCode: string;
  readonly channelId: PaytmChannelId;
  readonly txnToken: Secret<string>;
  readonly authMode: null;
}

/** A request's two parts, as the transformers build them (nothing serialised yet). */
export interface PaytmRequestParts<H extends object, B extends object> {
  readonly head: H;
  readonly body: B;
}

// JSON.stringify calls Secret#toJSON (the mask) before the replacer sees a value, so the replacer
// reads the holder's raw property to find the Secret itself.
function exposeSecrets(this: unknown, key: string, value: unknown): unknown {
  const original: unknown = typeof this === 'object' && this !== null ? Reflect.get(this, key) : undefined;
  return isSecret(original) ? original.expose() : value;
}

/**
 * Serialises a Paytm wire object to compact JSON in insertion order, exposing its secrets. This is
 * the only place wire values leave their `Secret`; never log the result.
 */
export function serializePaytmWire(value: object): string {
  return JSON.stringify(value, exposeSecrets);
}

/**
 * The signed envelope, in one step: serialises `body` once, signs exactly those characters with
 * `merchantKey`, and splices them unchanged into `{"head":{…head,"signature":…},"body":…}`, so the
 * bytes that were signed are the bytes sent. Paytm answers are signed the same way.
 *
 * @param head - The head without `signature` (appended last, as Paytm orders it).
 * @param body - The body object; `Secret` values are exposed only in the serialised text.
 * @param merchantKey - The merchant key.
 * @param salt - Exactly 3 bytes (see `signPaytmBody`).
 */
export function signedPaytmEnvelope(head: object, body: object, merchantKey: Secret<string>, salt: Uint8Array): string {
  const bodyJson = serializePaytmWire(body);
  const signature = signPaytmBody(bodyJson, merchantKey, salt);
  return `{"head":${serializePaytmWire({ ...head, signature })},"body":${bodyJson}}`;
}

/** The unsigned envelope `{"head":…,"body":…}` (processTransaction: the txnToken authenticates it). */
export function paytmEnvelope(parts: PaytmRequestParts<object, object>): string {
  return serializePaytmWire({ head: parts.head, body: parts.body });
}
