import { ConnectorError, IntegrationError, tryParseJson, type FlowContext, type FlowHandler, type FlowOutcome, type HttpRequest, type HttpResponse } from '@org/connector-interfaces';
import { toMajorUnitString, type PaytmCredentials, type SessionTokenRequestData, type SessionTokenResponseData } from '@org/domain-types';
import { Secret } from '@org/masking';
import {
  API_VERSION,
  DEFAULT_CALLBACK_URL,
  DEFAULT_CUSTOMER_ID,
  INITIATE_TRANSACTION_PATH,
  PAYMENT_MODE_UPI,
  PAYTM_CAPABILITIES,
  PAYTM_HEADERS,
  REQUEST_TYPE_PAYMENT,
  RESULT_CODE_DUPLICATE,
  UPI_CHANNELS,
} from '../paytm.constants';
import { safePaytmExcerpt, unifiedCodeForPaytm } from '../paytm.errors';
import { signPaytmBody } from '../paytm.signature';
import { paytmEnvelope, type PaytmInitiateTransactionBody, type PaytmInitiateTransactionHead } from '../wire/paytm.requests';
import { paytmInitiateTransactionResponseSchema } from '../wire/paytm.responses';
import { assertPaytmOrderId, paytmChannelId, paytmRequestTimestamp, paytmUrl } from './common';

type SessionContext = FlowContext<SessionTokenRequestData, PaytmCredentials>;

/** Source of the 3 salt bytes of each signature. */
export type SaltSource = () => Uint8Array;

const context = { connector: 'paytm', flow: 'sessionToken' } as const;

/**
 * The initiateTransaction `body` as the CS-B standalone RPC sends it: no customer, address or
 * return URL, so default custId, null userInfo fields and the default callback URL.
 */
export function toPaytmInitiateTransactionBody(ctx: SessionContext, orderId: string): PaytmInitiateTransactionBody {
  const { amount } = ctx.request;
  if (!PAYTM_CAPABILITIES.supportedCurrencies.includes(amount.currency)) {
    throw new IntegrationError('UNSUPPORTED_CURRENCY', `Currency ${amount.currency} is not supported`, { ...context, field: 'amount.currency' });
  }
  const txnAmount = { value: toMajorUnitString(amount), currency: amount.currency };
  return {
    requestType: REQUEST_TYPE_PAYMENT,
    mid: ctx.credentials.merchantId.expose(),
    orderId,
    websiteName: ctx.credentials.website.expose(),
    txnAmount,
    userInfo: { custId: DEFAULT_CUSTOMER_ID, mobile: null, email: null, firstName: null, lastName: null },
    enablePaymentMode: [{ mode: PAYMENT_MODE_UPI, channels: [...UPI_CHANNELS] }],
    callbackUrl: DEFAULT_CALLBACK_URL,
    shippingInfo: [{ trackingNo: orderId, chargeAmount: { ...txnAmount } }],
  };
}

/**
 * Builds `POST {base}theia/api/v1/initiateTransaction?mid=&orderId=`. The body is serialised once
 * and that string is both signed and spliced into the envelope.
 * @throws IntegrationError `INVALID_ORDER_ID` / `UNSUPPORTED_CURRENCY` before anything is built.
 */
export function toPaytmInitiateTransactionRequest(ctx: SessionContext, saltSource: SaltSource): HttpRequest {
  const orderId = assertPaytmOrderId(ctx.flowData.connectorRequestReferenceId, 'sessionToken', 'merchantSessionId');
  const bodyJson = JSON.stringify(toPaytmInitiateTransactionBody(ctx, orderId));
  const channelId = paytmChannelId(ctx.request.browserInfo);
  const head: PaytmInitiateTransactionHead = {
    clientId: ctx.credentials.clientId?.expose() ?? null,
    version: API_VERSION,
    requestTimestamp: paytmRequestTimestamp(ctx.clock),
    ...(channelId === undefined ? {} : { channelId }),
    signature: signPaytmBody(bodyJson, ctx.credentials.merchantKey, saltSource()),
  };
  return {
    method: 'POST',
    url: paytmUrl(ctx.baseUrl, INITIATE_TRANSACTION_PATH, ctx.credentials.merchantId.expose(), orderId),
    headers: { ...PAYTM_HEADERS },
    body: paytmEnvelope(head, bodyJson),
  };
}

/**
 * Reads a 2xx initiateTransaction answer: a `txnToken` means success (PENDING), except result
 * code `0002` (duplicate orderId), which is a typed `DUPLICATE_REQUEST` failure; no token means
 * a decline carrying Paytm's code.
 * @throws ConnectorError `MALFORMED_RESPONSE` for a body that is not the documented shape.
 */
export function fromPaytmInitiateTransactionResponse(response: HttpResponse): FlowOutcome<SessionTokenResponseData> {
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

/** The sessionToken flow handler; `saltSource` supplies fresh salt for every request. */
export function createPaytmSessionTokenFlow(saltSource: SaltSource): FlowHandler<SessionTokenRequestData, SessionTokenResponseData, PaytmCredentials> {
  return {
    buildRequest: (ctx) => toPaytmInitiateTransactionRequest(ctx, saltSource),
    handleResponse: (_ctx, response) => fromPaytmInitiateTransactionResponse(response),
  };
}
