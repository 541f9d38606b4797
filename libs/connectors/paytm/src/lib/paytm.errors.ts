import { isJsonObject, rawBodyExcerpt, tryParseJson, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { AttemptStatus, ErrorResponse, UnifiedErrorCode } from '@prism-sessions/domain-types';
import { RESPONSE_SIGNATURE_INVALID } from './paytm.constants';
import { parsePaytmCallbackError, parsePaytmFlatError, parsePaytmResultInfoError } from './wire/paytm.responses';

interface KnownCode {
  readonly meaning: string;
  /** Absent: no specific classification (GATEWAY_REJECTED). */
  readonly unified?: UnifiedErrorCode;
}

// Paytm's official code table is not public in a stable form; meanings below come from Paytm's
// API pages and upstream's transformer comments.
const KNOWN_CODES: Readonly<Record<string, KnownCode>> = {
  '0000': { meaning: 'Success: the request was accepted' },
  '0001': { meaning: 'Failed: Paytm declined the transaction' },
  '0002': { meaning: 'Success Idempotent: this orderId was already initiated; Paytm returns the original txnToken', unified: 'DUPLICATE_REQUEST' },
  '1001': { meaning: 'Request parameters are not valid', unified: 'INVALID_REQUEST' },
  '1005': { meaning: 'Duplicate request: the transaction is already being processed' },
  '1006': { meaning: 'Your Session has expired: the txnToken is older than 15 minutes; initiate a new transaction', unified: 'SESSION_EXPIRED' },
  '1007': { meaning: 'Missing mandatory element in the request', unified: 'INVALID_REQUEST' },
  // "Invalid User Token": the txnToken is unknown or no longer valid. The remedy is a new session, as for 1006.
  '2004': { meaning: 'Invalid User Token: the txnToken is unknown or no longer valid; initiate a new transaction', unified: 'SESSION_EXPIRED' },
  '2005': { meaning: 'Checksum provided is invalid: the signature does not match (wrong merchant key or altered body)', unified: 'INVALID_SIGNATURE' },
  '309': { meaning: 'Invalid order id', unified: 'INVALID_REQUEST' },
  '330': { meaning: 'Invalid checksum: the signature does not match (wrong merchant key or altered body)', unified: 'INVALID_SIGNATURE' },
  '501': { meaning: 'System error at Paytm' },
  // Ours, not Paytm's: raised by the connector itself, listed so describePaytmResultCode explains it too.
  [RESPONSE_SIGNATURE_INVALID]: {
    meaning: "Paytm's answer carried a txnToken but its signature was missing or did not verify with the merchant key; the token was discarded",
    unified: 'GATEWAY_SIGNATURE_INVALID',
  },
};

/**
 * A human explanation of a Paytm `resultCode` (e.g. `"2005"` → checksum invalid), or `undefined`
 * for codes we have no documented meaning for.
 *
 * @example
 * describePaytmResultCode('1006'); // 'Your Session has expired: …'
 */
export function describePaytmResultCode(code: string): string | undefined {
  return Object.hasOwn(KNOWN_CODES, code) ? KNOWN_CODES[code]?.meaning : undefined;
}

/** Our unified classification of a Paytm code; any HTTP 5xx is a gateway fault whatever the body says. */
export function unifiedCodeForPaytm(code: string, httpStatus?: number): UnifiedErrorCode {
  if (httpStatus !== undefined && httpStatus >= 500 && httpStatus <= 599) return 'GATEWAY_UNAVAILABLE';
  const known = Object.hasOwn(KNOWN_CODES, code) ? KNOWN_CODES[code] : undefined;
  return known?.unified ?? 'GATEWAY_REJECTED';
}

// Values that must never be copied out of a gateway body into an error.
const SENSITIVE_VALUES = /("(?:txnToken|signature|checksum|CHECKSUMHASH|merchantKey)"\s*:\s*")[^"]*"?/g;

/** A raw-body excerpt safe to store: tokens and signatures blanked, then truncated (upstream: 200 chars). */
export function safePaytmExcerpt(body: string): string {
  return rawBodyExcerpt(body.replace(SENSITIVE_VALUES, '$1***"'));
}

const FALLBACK_MESSAGES: Readonly<Record<number, string>> = {
  503: 'Service temporarily unavailable',
  502: 'Bad gateway',
  500: 'Internal server error',
  404: 'Not found',
  400: 'Bad request',
};

/**
 * Maps a non-2xx Paytm answer (upstream `build_custom_error_response`). Shapes, in order:
 * the callback shape (only when `txnInfo` is present), `{head, body:{resultInfo}}`, the flat
 * `{errorCode, errorMessage, errorDescription}` shape, then a status-based fallback with a short,
 * sanitised raw excerpt. 5xx → `PENDING` and retryable; anything else → `FAILURE`.
 */
export function parsePaytmErrorResponse(response: HttpResponse): ErrorResponse {
  const { status } = response;
  const serverError = status >= 500 && status <= 599;
  const attemptStatus: AttemptStatus = serverError ? 'PENDING' : 'FAILURE';
  const build = (code: string, message: string, reason?: string): ErrorResponse => ({
    code,
    message,
    ...(reason === undefined ? {} : { reason }),
    statusCode: status,
    attemptStatus,
    unifiedCode: unifiedCodeForPaytm(code, status),
    retryable: serverError,
  });

  const json = tryParseJson(response.body);
  if (isJsonObject(json)) {
    // Upstream tries {head, body:{resultInfo}} first, which also matches the callback shape
    // (serde ignores unknown fields) and makes its callback branch unreachable; we check the
    // callback shape first so txnInfo.respCode wins, as that branch intends.
    const callback = parsePaytmCallbackError(json);
    if (callback) {
      const { resultInfo, txnInfo } = callback.body;
      return build(txnInfo.respCode ?? txnInfo.RESPCODE ?? resultInfo.resultCode, txnInfo.respMsg ?? txnInfo.RESPMSG ?? resultInfo.resultMsg);
    }
    const resultInfo = parsePaytmResultInfoError(json);
    if (resultInfo) return build(resultInfo.body.resultInfo.resultCode, resultInfo.body.resultInfo.resultMsg);
    const flat = parsePaytmFlatError(json);
    if (flat) return build(flat.errorCode ?? '', flat.errorMessage ?? '', flat.errorDescription ?? '');
  }
  const message = FALLBACK_MESSAGES[status] ?? `HTTP ${status} error`;
  return build(String(status), message, `Raw response: ${safePaytmExcerpt(response.body)}`);
}
