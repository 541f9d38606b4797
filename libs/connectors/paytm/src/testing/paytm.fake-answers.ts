import type { FakeGatewayResponse } from '@org/connector-interfaces/testing';

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });
const HEAD = Object.freeze({ responseTimestamp: '1735732800000', version: 'v1' });

const json = (status: number, body: unknown): FakeGatewayResponse => ({ status, headers: JSON_HEADERS, body: JSON.stringify(body) });
const resultInfo = (resultStatus: string, resultCode: string, resultMsg: string) => ({ resultStatus, resultCode, resultMsg });

/** Canned Paytm answers, for `enqueue` on the fake gateway or for conformance fixtures. */
export const paytmFakeAnswers = {
  /** 200 initiateTransaction success carrying `token`. */
  success(token: string): FakeGatewayResponse {
    return json(200, {
      head: HEAD,
      body: { resultInfo: resultInfo('S', '0000', 'Success'), txnToken: token, isPromoCodeValid: false, authenticated: false },
    });
  },
  /** 200 with a failure body (no token): a decline. */
  failure(resultCode: string, resultMsg: string): FakeGatewayResponse {
    return json(200, { head: HEAD, body: { extraParamsMap: null, resultInfo: resultInfo('F', resultCode, resultMsg) } });
  },
  /** 200 `0002` "Success Idempotent" with the original token (repeated orderId). */
  duplicate(token: string): FakeGatewayResponse {
    return json(200, {
      head: HEAD,
      body: { resultInfo: resultInfo('S', '0002', 'Success Idempotent'), txnToken: token, isPromoCodeValid: false, authenticated: false },
    });
  },
  /** Non-2xx shape 1: `{head, body:{extraParamsMap, resultInfo}}` with code `1001`. */
  clientErrorResultInfo(status: number): FakeGatewayResponse {
    return json(status, { head: HEAD, body: { extraParamsMap: null, resultInfo: resultInfo('F', '1001', 'Request parameters are not valid') } });
  },
  /** Non-2xx shape 2 (callback): txnInfo `RESPCODE` `227` wins over resultCode `0001`. */
  clientErrorCallbackShape(status: number): FakeGatewayResponse {
    return json(status, {
      head: HEAD,
      body: {
        resultInfo: resultInfo('F', '0001', 'FAILED'),
        txnInfo: { ORDERID: 'order_001', STATUS: 'TXN_FAILURE', RESPCODE: '227', RESPMSG: 'Your payment has been declined by your bank' },
      },
    });
  },
  /** Non-2xx shape 3: flat `{errorCode, errorMessage, errorDescription}` with code `1007`. */
  clientErrorFlatShape(status: number): FakeGatewayResponse {
    return json(status, { errorCode: '1007', errorMessage: 'Missing mandatory element', errorDescription: 'orderId is missing' });
  },
  /** A JSON 5xx answer with Paytm's system-error code `501`. */
  serverError(status: number): FakeGatewayResponse {
    return json(status, { head: HEAD, body: { resultInfo: resultInfo('F', '501', 'System Error') } });
  },
  /** An HTML error page (proxy or load balancer). */
  htmlError(status: number): FakeGatewayResponse {
    return {
      status,
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The upstream server did not answer.</p>${'<!-- padding -->'.repeat(20)}</body></html>`,
    };
  },
  /** 200 with truncated JSON. */
  malformedJson(): FakeGatewayResponse {
    return { status: 200, headers: JSON_HEADERS, body: '{"head":{"version":"v1"},"body":{"resultInfo":{"resultStatus":"S"' };
  },
  /** 200 with an empty body. */
  emptyBody(): FakeGatewayResponse {
    return { status: 200, headers: JSON_HEADERS, body: '' };
  },
} as const;
