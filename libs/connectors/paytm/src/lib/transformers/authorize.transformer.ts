import { ConnectorError, IntegrationError, tryParseJson, type FlowContext, type FlowHandler, type FlowOutcome, type HttpRequest, type HttpResponse } from '@org/connector-interfaces';
import type { AuthorizeRequestData, AuthorizeResponseData, PaytmCredentials } from '@org/domain-types';
import {
  API_VERSION,
  CHANNEL_ID_WEB,
  PAYMENT_FLOW_NONE,
  PAYMENT_MODE_UPI,
  PAYMENT_MODE_UPI_INTENT,
  PAYTM_HEADERS,
  PROCESS_TRANSACTION_PATH,
  REQUEST_TYPE_NATIVE,
} from '../paytm.constants';
import { safePaytmExcerpt, unifiedCodeForPaytm } from '../paytm.errors';
import { isPaytmFailureStatus, mapPaytmResultCode } from '../paytm.status';
import { paytmUpiRedirect, resolvePaytmUpiFlow } from '../paytm.upi';
import { paytmEnvelope, type PaytmUpiCollectBody, type PaytmUpiIntentBody, type PaytmUpiIntentHead } from '../wire/paytm.requests';
import { paytmProcessTransactionResponseSchema } from '../wire/paytm.responses';
import { assertPaytmOrderId, paytmChannelId, paytmRequestTimestamp, paytmUrl } from './common';

type AuthorizeContext = FlowContext<AuthorizeRequestData, PaytmCredentials>;

const context = { connector: 'paytm', flow: 'authorize' } as const;

/**
 * Builds `POST {base}theia/api/v1/processTransaction?mid=&orderId=` for UPI intent or collect.
 * Unsigned: the txnToken from the sessionToken flow authenticates the call.
 * @throws IntegrationError for a bad orderId, a missing session token, a non-UPI method or a bad VPA.
 */
export function toPaytmProcessTransactionRequest(ctx: AuthorizeContext): HttpRequest {
  // Paytm expects the orderId that initiated the transaction.
  const orderId = assertPaytmOrderId(ctx.flowData.connectorRequestReferenceId, 'authorize', 'merchantTransactionId');
  const { sessionToken, paymentMethod, browserInfo, description } = ctx.request;
  if (sessionToken === undefined) {
    throw new IntegrationError('MISSING_REQUIRED_FIELD', 'sessionToken is required: run the sessionToken flow first (Paytm txnToken)', {
      ...context,
      field: 'sessionToken',
    });
  }
  const upi = resolvePaytmUpiFlow(paymentMethod);
  const mid = ctx.credentials.merchantId.expose();
  const txnToken = sessionToken.expose();
  const channelId = paytmChannelId(browserInfo);
  let body: string;
  if (upi.kind === 'intent') {
    const head: PaytmUpiIntentHead = { version: API_VERSION, requestTimestamp: paytmRequestTimestamp(ctx.clock), channelId: channelId ?? null, txnToken };
    const intent: PaytmUpiIntentBody = {
      mid,
      orderId,
      requestType: REQUEST_TYPE_NATIVE,
      paymentMode: PAYMENT_MODE_UPI_INTENT,
      paymentFlow: PAYMENT_FLOW_NONE,
      ...(description === undefined ? {} : { txnNote: description }),
    };
    body = paytmEnvelope(head, JSON.stringify(intent));
  } else {
    const collect: PaytmUpiCollectBody = {
      requestType: REQUEST_TYPE_NATIVE,
      mid,
      orderId,
      paymentMode: PAYMENT_MODE_UPI,
      payerAccount: upi.vpa.expose(),
      channelCode: '',
      channelId: channelId ?? CHANNEL_ID_WEB,
      txnToken,
      authMode: null,
    };
    body = paytmEnvelope({ txnToken }, JSON.stringify(collect));
  }
  return { method: 'POST', url: paytmUrl(ctx.baseUrl, PROCESS_TRANSACTION_PATH, mid, orderId), headers: { ...PAYTM_HEADERS }, body };
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

/** The authorize flow handler (UPI via processTransaction). */
export const paytmAuthorizeFlow: FlowHandler<AuthorizeRequestData, AuthorizeResponseData, PaytmCredentials> = {
  buildRequest: toPaytmProcessTransactionRequest,
  handleResponse: (_ctx, response) => fromPaytmProcessTransactionResponse(response),
};
