import { ConnectorError, IntegrationError, tryParseJson, type FlowContext, type FlowOutcome, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { AuthorizeRequestData, AuthorizeResponseData } from '@prism-sessions/domain-types';
import { API_VERSION, CHANNEL_ID_WEB, PAYMENT_FLOW_NONE, PAYMENT_MODE_UPI, PAYMENT_MODE_UPI_INTENT, REQUEST_TYPE_NATIVE } from '../paytm.constants';
import type { PaytmCredentials } from '../paytm.credentials';
import { safePaytmExcerpt, unifiedCodeForPaytm } from '../paytm.errors';
import { isPaytmFailureStatus, mapPaytmResultCode } from '../paytm.status';
import { paytmUpiRedirect, resolvePaytmUpiFlow } from '../paytm.upi';
import type { PaytmRequestParts, PaytmUpiCollectBody, PaytmUpiCollectHead, PaytmUpiIntentBody, PaytmUpiIntentHead } from '../wire/paytm.requests';
import { paytmProcessTransactionResponseSchema } from '../wire/paytm.responses';
import { paytmChannelId, paytmRequestTimestamp } from './common';

type AuthorizeContext = FlowContext<AuthorizeRequestData, PaytmCredentials>;

/** processTransaction parts for UPI intent or UPI collect. */
export type PaytmProcessTransactionParts =
  | PaytmRequestParts<PaytmUpiIntentHead, PaytmUpiIntentBody>
  | PaytmRequestParts<PaytmUpiCollectHead, PaytmUpiCollectBody>;

const context = { connector: 'paytm', flow: 'authorize' } as const;

/**
 * The processTransaction head and body for UPI intent or collect. Unsigned: the txnToken from the
 * sessionToken flow authenticates the call. `orderId` must already satisfy Paytm's rule.
 * @throws IntegrationError for a missing session token, a non-UPI method or a bad VPA.
 */
export function toPaytmProcessTransaction(ctx: AuthorizeContext, orderId: string): PaytmProcessTransactionParts {
  const { sessionToken, paymentMethod, browserInfo, description } = ctx.request;
  if (sessionToken === undefined) {
    throw new IntegrationError('MISSING_REQUIRED_FIELD', 'sessionToken is required: run the sessionToken flow first (Paytm txnToken)', {
      ...context,
      field: 'sessionToken',
    });
  }
  const upi = resolvePaytmUpiFlow(paymentMethod);
  const mid = ctx.credentials.merchantId;
  const channelId = paytmChannelId(browserInfo);
  if (upi.kind === 'intent') {
    return {
      head: { version: API_VERSION, requestTimestamp: paytmRequestTimestamp(ctx.clock), channelId: channelId ?? null, txnToken: sessionToken },
      body: {
        mid,
        orderId,
        requestType: REQUEST_TYPE_NATIVE,
        paymentMode: PAYMENT_MODE_UPI_INTENT,
        paymentFlow: PAYMENT_FLOW_NONE,
        ...(description === undefined ? {} : { txnNote: description }),
      },
    };
  }
  return {
    head: { txnToken: sessionToken },
    body: {
      requestType: REQUEST_TYPE_NATIVE,
      mid,
      orderId,
      paymentMode: PAYMENT_MODE_UPI,
      payerAccount: upi.vpa,
      channelCode: '',
      channelId: channelId ?? CHANNEL_ID_WEB,
      txnToken: sessionToken,
      authMode: null,
    },
  };
}

/**
 * Reads a 2xx processTransaction answer: the result code decides the attempt status; only the
 * three failed statuses are a FAILURE outcome. A `upi://` deep link becomes the redirect URL.
 * @throws ConnectorError `MALFORMED_RESPONSE` for a body that is not the documented shape.
 */
export function fromPaytmProcessTransactionResponse(response: HttpResponse): FlowOutcome<AuthorizeResponseData> {
  const parsed = paytmProcessTransactionResponseSchema.safeParse(tryParseJson(response.body));
  if (!parsed.success) {
    throw new ConnectorError('MALFORMED_RESPONSE', 'Paytm answered processTransaction with a body that could not be read', {
      ...context,
      httpStatus: response.status,
      reason: safePaytmExcerpt(response.body),
    });
  }
  const { resultInfo, deepLinkInfo, transId } = parsed.data.body;
  const status = mapPaytmResultCode(resultInfo.resultCode);
  if (isPaytmFailureStatus(status)) {
    return {
      status: 'FAILURE',
      error: {
        code: resultInfo.resultCode,
        message: resultInfo.resultMsg,
        reason: resultInfo.resultMsg,
        statusCode: response.status,
        attemptStatus: status,
        unifiedCode: unifiedCodeForPaytm(resultInfo.resultCode),
        retryable: false,
      },
    };
  }
  const connectorTransactionId = deepLinkInfo?.transId ?? transId ?? undefined;
  const redirectUrl = paytmUpiRedirect(deepLinkInfo?.deepLink);
  return {
    status: 'SUCCESS',
    data: { status, ...(connectorTransactionId === undefined ? {} : { connectorTransactionId }), ...(redirectUrl === undefined ? {} : { redirectUrl }) },
    attemptStatus: status,
  };
}
