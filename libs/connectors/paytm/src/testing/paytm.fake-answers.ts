import { randomBytes } from 'node:crypto';
import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import { Secret } from '@prism-sessions/masking';
import { PAYTM_SALT_LENGTH } from '../lib/paytm.constants';
import { signedPaytmEnvelope } from '../lib/wire/paytm.requests';
import { PAYTM_FIXTURE_MERCHANT_KEY } from './paytm.fixture-values';

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });
const HEAD = Object.freeze({ responseTimestamp: '1735732800000', version: 'v1' });

/** How a canned `{head, body}` answer is signed (Paytm signs every such answer with the merchant key). */
export interface PaytmAnswerSigning {
  /** The merchant key to sign with; default {@link PAYTM_FIXTURE_MERCHANT_KEY}. Use the key your connector is configured with. */
  readonly merchantKey?: string;
  /** The 3 salt bytes; default random. */
  readonly salt?: Uint8Array;
}

/**
 * A `{head, body}` answer signed as Paytm signs it: the body serialised once, its checksum with the
 * merchant key in `head.signature`, those same characters sent as `body`.
 */
export function signedPaytmAnswer(status: number, body: object, signing: PaytmAnswerSigning = {}, head: object = HEAD): FakeGatewayResponse {
  const key = new Secret(signing.merchantKey ?? PAYTM_FIXTURE_MERCHANT_KEY);
  const salt = signing.salt ?? randomBytes(PAYTM_SALT_LENGTH);
  return { status, headers: JSON_HEADERS, body: signedPaytmEnvelope(head, body, key, salt) };
}

const json = (status: number, body: unknown): FakeGatewayResponse => ({ status, headers: JSON_HEADERS, body: JSON.stringify(body) });
const resultInfo = (resultStatus: string, resultCode: string, resultMsg: string) => ({ resultStatus, resultCode, resultMsg });

/**
 * Canned Paytm answers, for `enqueue` on the fake gateway or for conformance fixtures. Every
 * `{head, body}` answer is signed (see {@link PaytmAnswerSigning}); pass the merchant key your
 * connector uses, or its check discards the token (`GATEWAY_SIGNATURE_INVALID`).
 */
export const paytmFakeAnswers = {
  /** 200 initiateTransaction success carrying `token`. */
  success(token: string, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(200, { resultInfo: resultInfo('S', '0000', 'Success'), txnToken: token, isPromoCodeValid: false, authenticated: false }, signing);
  },
  /** 200 with a failure body (no token): a decline. */
  failure(resultCode: string, resultMsg: string, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(200, { extraParamsMap: null, resultInfo: resultInfo('F', resultCode, resultMsg) }, signing);
  },
  /** 200 `0002` "Success Idempotent" with the original token (repeated orderId). */
  duplicate(token: string, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(200, { resultInfo: resultInfo('S', '0002', 'Success Idempotent'), txnToken: token, isPromoCodeValid: false, authenticated: false }, signing);
  },
  /** Non-2xx shape 1: `{head, body:{extraParamsMap, resultInfo}}` with code `1001`. */
  clientErrorResultInfo(status: number, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(status, { extraParamsMap: null, resultInfo: resultInfo('F', '1001', 'Request parameters are not valid') }, signing);
  },
  /** Non-2xx shape 2 (callback): txnInfo `RESPCODE` `227` wins over resultCode `0001`. */
  clientErrorCallbackShape(status: number, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(
      status,
      {
        resultInfo: resultInfo('F', '0001', 'FAILED'),
        txnInfo: { ORDERID: 'order_001', STATUS: 'TXN_FAILURE', RESPCODE: '227', RESPMSG: 'Your payment has been declined by your bank' },
      },
      signing,
    );
  },
  /** Non-2xx shape 3: flat `{errorCode, errorMessage, errorDescription}` with code `1007` (no head, so unsigned). */
  clientErrorFlatShape(status: number): FakeGatewayResponse {
    return json(status, { errorCode: '1007', errorMessage: 'Missing mandatory element', errorDescription: 'orderId is missing' });
  },
  /** A JSON 5xx answer with Paytm's system-error code `501`. */
  serverError(status: number, signing?: PaytmAnswerSigning): FakeGatewayResponse {
    return signedPaytmAnswer(status, { resultInfo: resultInfo('F', '501', 'System Error') }, signing);
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
