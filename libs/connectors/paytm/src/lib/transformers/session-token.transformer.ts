import { ConnectorError, tryParseJson, type FlowContext, type FlowOutcome, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { toMajorUnitString, type ErrorResponse, type SessionTokenRequestData, type SessionTokenResponseData } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { checkPaytmAnswerSignature, type PaytmAnswerSignatureFailure } from '../paytm.answer-signature';
import {
  API_VERSION,
  DEFAULT_CALLBACK_URL,
  DEFAULT_CUSTOMER_ID,
  PAYMENT_MODE_UPI,
  REQUEST_TYPE_PAYMENT,
  RESPONSE_SIGNATURE_INVALID,
  RESULT_CODE_DUPLICATE,
  UPI_CHANNELS,
} from '../paytm.constants';
import type { PaytmCredentials } from '../paytm.credentials';
import { safePaytmExcerpt, unifiedCodeForPaytm } from '../paytm.errors';
import type { PaytmInitiateTransactionBody, PaytmInitiateTransactionHead, PaytmRequestParts } from '../wire/paytm.requests';
import { paytmInitiateTransactionResponseSchema } from '../wire/paytm.responses';
import { paytmChannelId, paytmRequestTimestamp } from './common';

type SessionContext = FlowContext<SessionTokenRequestData, PaytmCredentials>;

const context = { connector: 'paytm', flow: 'sessionToken' } as const;

/**
 * The initiateTransaction `body` as the CS-B standalone RPC sends it: no customer, address or
 * return URL, so default custId, null userInfo fields and the default callback URL. The currency
 * was already checked by `prepareFlow` against the connector's capabilities.
 */
export function toPaytmInitiateTransactionBody(ctx: SessionContext, orderId: string): PaytmInitiateTransactionBody {
  const { amount } = ctx.request;
  const txnAmount = { value: toMajorUnitString(amount), currency: amount.currency };
  return {
    requestType: REQUEST_TYPE_PAYMENT,
    mid: ctx.credentials.merchantId,
    orderId,
    websiteName: ctx.credentials.website,
    txnAmount,
    userInfo: { custId: DEFAULT_CUSTOMER_ID, mobile: null, email: null, firstName: null, lastName: null },
    enablePaymentMode: [{ mode: PAYMENT_MODE_UPI, channels: [...UPI_CHANNELS] }],
    callbackUrl: DEFAULT_CALLBACK_URL,
    shippingInfo: [{ trackingNo: orderId, chargeAmount: { ...txnAmount } }],
  };
}

/**
 * The initiateTransaction head (without `signature`, which the signed envelope appends) and body.
 * `orderId` must already satisfy Paytm's rule (`assertPaytmOrderId`).
 */
export function toPaytmInitiateTransaction(ctx: SessionContext, orderId: string): PaytmRequestParts<PaytmInitiateTransactionHead, PaytmInitiateTransactionBody> {
  const channelId = paytmChannelId(ctx.request.browserInfo);
  const head: PaytmInitiateTransactionHead = {
    clientId: ctx.credentials.clientId ?? null,
    version: API_VERSION,
    requestTimestamp: paytmRequestTimestamp(ctx.clock),
    ...(channelId === undefined ? {} : { channelId }),
  };
  return { head, body: toPaytmInitiateTransactionBody(ctx, orderId) };
}

const SIGNATURE_FAILURE_MESSAGES: Readonly<Record<PaytmAnswerSignatureFailure, string>> = {
  missing: "Paytm's answer signature is missing; the token was discarded",
  invalid: "Paytm's answer signature did not verify with the merchant key; the token was discarded",
  ambiguous: 'Paytm\'s answer has more than one top-level "body" member, so its signature could not be checked; the token was discarded',
};

function signatureFailure(reason: PaytmAnswerSignatureFailure, statusCode: number): ErrorResponse {
  return {
    code: RESPONSE_SIGNATURE_INVALID,
    message: SIGNATURE_FAILURE_MESSAGES[reason],
    statusCode,
    attemptStatus: 'FAILURE',
    unifiedCode: 'GATEWAY_SIGNATURE_INVALID',
    retryable: false,
  };
}

/**
 * Reads a 2xx initiateTransaction answer. No `txnToken`: a decline carrying Paytm's code. With a
 * `txnToken` (success, or `0002` duplicate), the answer's `head.signature` must verify over the raw
 * `body` with the merchant key, otherwise the token is discarded and the outcome is a
 * `GATEWAY_SIGNATURE_INVALID` failure. A verified `0002` is a typed `DUPLICATE_REQUEST` failure;
 * any other verified answer with a token is a success (PENDING).
 * @throws ConnectorError `MALFORMED_RESPONSE` for a body that is not the documented shape, or
 *   `MISSING_REQUIRED_FIELD` for a verified answer with an empty token.
 */
export function fromPaytmInitiateTransactionResponse(response: HttpResponse, merchantKey: Secret<string>): FlowOutcome<SessionTokenResponseData> {
  const parsed = paytmInitiateTransactionResponseSchema.safeParse(tryParseJson(response.body));
  if (!parsed.success) {
    throw new ConnectorError('MALFORMED_RESPONSE', 'Paytm answered initiateTransaction with a body that could not be read', {
      ...context,
      httpStatus: response.status,
      reason: safePaytmExcerpt(response.body),
    });
  }
  const { resultInfo, txnToken } = parsed.data.body;
  const { resultCode, resultMsg } = resultInfo;
  if (typeof txnToken !== 'string') {
    return {
      status: 'FAILURE',
      error: { code: resultCode, message: resultMsg, reason: resultMsg, statusCode: response.status, attemptStatus: 'FAILURE', unifiedCode: unifiedCodeForPaytm(resultCode), retryable: false },
    };
  }
  const signature = checkPaytmAnswerSignature(response.body, parsed.data.head.signature, merchantKey);
  if (!signature.ok) return { status: 'FAILURE', error: signatureFailure(signature.reason, response.status) };
  if (txnToken === '') {
    throw new ConnectorError('MISSING_REQUIRED_FIELD', 'Paytm answered initiateTransaction with an empty txnToken', { ...context, httpStatus: response.status });
  }
  if (resultCode === RESULT_CODE_DUPLICATE) {
    const text = resultMsg.split(txnToken).join('***');
    return {
      status: 'FAILURE',
      error: { code: resultCode, message: text, reason: text, statusCode: response.status, unifiedCode: 'DUPLICATE_REQUEST', retryable: false },
    };
  }
  return { status: 'SUCCESS', data: { sessionToken: new Secret(txnToken) }, attemptStatus: 'PENDING' };
}
