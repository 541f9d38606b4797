/*
 * Paytm request shapes. Key order in every builder below is the wire order (upstream struct
 * field order); `JSON.stringify` keeps insertion order, so builders must not reorder keys.
 */

/** `txnAmount` / `chargeAmount`: a major-unit decimal string and the ISO code. */
export interface PaytmMoney {
  readonly value: string;
  readonly currency: string;
}

/** initiateTransaction `head`. `clientId` is sent as `null` when absent; `channelId` is omitted. */
export interface PaytmInitiateTransactionHead {
  readonly clientId: string | null;
  readonly version: string;
  readonly requestTimestamp: string;
  readonly channelId?: PaytmChannelId;
  readonly signature: string;
}

/** initiateTransaction `body` (upstream `PaytmInitiateReqBody`, as the standalone RPC fills it). */
export interface PaytmInitiateTransactionBody {
  readonly requestType: string;
  readonly mid: string;
  readonly orderId: string;
  readonly websiteName: string;
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
  readonly txnToken: string;
}

/** processTransaction, UPI intent: `body`. */
export interface PaytmUpiIntentBody {
  readonly mid: string;
  readonly orderId: string;
  readonly requestType: string;
  readonly paymentMode: string;
  readonly paymentFlow: string;
  readonly txnNote?: string;
}

/** processTransaction, UPI collect (native): `body`; its head is `{txnToken}` only. */
export interface PaytmUpiCollectBody {
  readonly requestType: string;
  readonly mid: string;
  readonly orderId: string;
  readonly paymentMode: string;
  readonly payerAccount: string;
  readonly channelCode: string;
  readonly channelId: PaytmChannelId;
  readonly txnToken: string;
  readonly authMode: null;
}

/**
 * Serialises `{"head":…,"body":…}` around an already serialised body, so the bytes that were
 * signed are exactly the bytes sent.
 */
export function paytmEnvelope(head: object, bodyJson: string): string {
  return `{"head":${JSON.stringify(head)},"body":${bodyJson}}`;
}
