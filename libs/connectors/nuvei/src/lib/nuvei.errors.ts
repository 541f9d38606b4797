import { defaultServerErrorResponse, rawBodyExcerpt, tryParseJson, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { ErrorResponse, UnifiedErrorCode } from '@prism-sessions/domain-types';
import { NUVEI_ERROR_CODES } from './nuvei.constants';
import { nuveiErrorResponseSchema, type NuveiResponseStatus, type NuveiTransactionStatus } from './wire/nuvei.responses';

// Upstream's fallbacks (router_data.rs NO_ERROR_CODE / NO_ERROR_MESSAGE / UNSUPPORTED_ERROR_MESSAGE).
const NO_ERROR_CODE = 'No error code';
const NO_ERROR_MESSAGE = 'No error message';
const UNSUPPORTED_RESPONSE = 'Unsupported response type';

const MEANINGS: Readonly<Record<string, string>> = {
  [NUVEI_ERROR_CODES.GENERAL_ERROR]: 'General error at Nuvei',
  [NUVEI_ERROR_CODES.INVALID_CHECKSUM]: 'Invalid checksum: the merchant secret key is wrong or the signed fields differ from the ones sent',
  [NUVEI_ERROR_CODES.INVALID_MERCHANT_ID]: 'Invalid merchant ID: Nuvei does not know this merchantId',
  [NUVEI_ERROR_CODES.INVALID_TIMESTAMP]: 'Invalid timestamp: the request timeStamp is malformed or too far from Nuvei’s clock (clock skew)',
  [NUVEI_ERROR_CODES.INVALID_MERCHANT_SITE_ID]: 'Invalid merchant site ID: this merchantSiteId does not belong to the merchant',
  [NUVEI_ERROR_CODES.COMMUNICATION_ERROR]: 'Communication error inside Nuvei',
  [NUVEI_ERROR_CODES.SESSION_ALREADY_USED]: 'Invalid session token: there can be only one order per session token; request a new one',
  [NUVEI_ERROR_CODES.SESSION_EXPIRED]: 'Session expired: session tokens are valid for 15 minutes; request a new one',
};

const UNIFIED: Readonly<Record<string, UnifiedErrorCode>> = {
  [NUVEI_ERROR_CODES.INVALID_CHECKSUM]: 'INVALID_SIGNATURE',
  [NUVEI_ERROR_CODES.INVALID_MERCHANT_ID]: 'INVALID_CREDENTIALS',
  [NUVEI_ERROR_CODES.INVALID_MERCHANT_SITE_ID]: 'INVALID_CREDENTIALS',
  [NUVEI_ERROR_CODES.INVALID_TIMESTAMP]: 'INVALID_TIMESTAMP',
  [NUVEI_ERROR_CODES.SESSION_ALREADY_USED]: 'SESSION_ALREADY_USED',
  [NUVEI_ERROR_CODES.SESSION_EXPIRED]: 'SESSION_EXPIRED',
};

/**
 * A human explanation of a Nuvei `errCode`, or `undefined` for codes we have no documentation for.
 *
 * @example
 * describeNuveiErrorCode(1021); // 'Invalid timestamp: the request timeStamp is malformed or too far from Nuvei’s clock (clock skew)'
 * describeNuveiErrorCode('1069'); // 'Session expired: …'
 */
export function describeNuveiErrorCode(code: string | number): string | undefined {
  const key = String(code).trim();
  return Object.hasOwn(MEANINGS, key) ? MEANINGS[key] : undefined;
}

/** Our unified classification of a Nuvei `errCode`; unknown codes are `GATEWAY_REJECTED`. */
export function nuveiUnifiedErrorCode(code: string): UnifiedErrorCode {
  const key = code.trim();
  return (Object.hasOwn(UNIFIED, key) ? UNIFIED[key] : undefined) ?? 'GATEWAY_REJECTED';
}

/** Gateway text we copy into an error: truncated and without control characters. */
function gatewayText(text: string): string {
  return rawBodyExcerpt(text);
}

/**
 * Nuvei answers many failures with HTTP 200 and `status: "ERROR"`; that is a decline (data).
 * Mirrors upstream: code = errCode or `""`, message = reason or "Unknown error", reason = message.
 */
export function nuveiStatusErrorResponse(body: { readonly errCode?: string | undefined; readonly reason?: string | undefined }, httpStatus: number): ErrorResponse {
  const code = body.errCode ?? '';
  const message = body.reason === undefined ? 'Unknown error' : gatewayText(body.reason);
  const unifiedCode = code === '' ? 'GATEWAY_REJECTED' : nuveiUnifiedErrorCode(code);
  return {
    code,
    message,
    reason: message,
    statusCode: httpStatus,
    attemptStatus: 'FAILURE',
    unifiedCode,
    // 1021 (timestamp outside Nuvei's window) is clock skew: the next request carries a fresh timestamp.
    retryable: unifiedCode === 'INVALID_TIMESTAMP',
  };
}

/**
 * A `payment.do` transaction Nuvei processed but did not approve (DECLINED, ERROR, "Filter Error",
 * or FAILED without a transaction): a decline, carrying the acquirer's `gwErrorCode`/`gwErrorReason`.
 */
export function nuveiDeclineErrorResponse(
  body: {
    readonly status: NuveiResponseStatus;
    readonly transactionStatus?: NuveiTransactionStatus | undefined;
    readonly gwErrorCode?: string | undefined;
    readonly gwErrorReason?: string | undefined;
    readonly errCode?: string | undefined;
    readonly reason?: string | undefined;
  },
  httpStatus: number,
): ErrorResponse {
  const fallback = body.transactionStatus === undefined ? `Nuvei status ${body.status}` : `Nuvei transactionStatus ${body.transactionStatus}`;
  const message = gatewayText(body.gwErrorReason ?? body.reason ?? fallback);
  return {
    code: body.gwErrorCode ?? body.errCode ?? NO_ERROR_CODE,
    message,
    reason: message,
    statusCode: httpStatus,
    attemptStatus: 'FAILURE',
    unifiedCode: 'GATEWAY_REJECTED',
    retryable: false,
  };
}

function unsupportedBody(response: HttpResponse): ErrorResponse {
  const excerpt = rawBodyExcerpt(response.body);
  return {
    code: String(response.status),
    message: UNSUPPORTED_RESPONSE,
    ...(excerpt.trim() === '' ? {} : { reason: excerpt }),
    statusCode: response.status,
    unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
    retryable: false,
  };
}

/**
 * Maps a non-2xx Nuvei answer to an {@link ErrorResponse}; never throws.
 * - 5xx: upstream's default mapping, retryable.
 * - 4xx JSON `{reason?, errCode?, status?}`: code = errCode or "No error code", message = reason or
 *   "No error message", no attempt status.
 * - 4xx anything else (HTML, empty, unexpected JSON): code = the HTTP status, message
 *   "Unsupported response type", reason = a short excerpt of the body.
 */
export function parseNuveiErrorResponse(response: HttpResponse): ErrorResponse {
  if (response.status >= 500) return defaultServerErrorResponse(response);
  const json = tryParseJson(response.body);
  const parsed = json === undefined ? undefined : nuveiErrorResponseSchema.safeParse(json);
  if (parsed === undefined || !parsed.success) return unsupportedBody(response);
  const { errCode, reason } = parsed.data;
  return {
    code: errCode ?? NO_ERROR_CODE,
    message: reason === undefined ? NO_ERROR_MESSAGE : gatewayText(reason),
    ...(reason === undefined ? {} : { reason: gatewayText(reason) }),
    statusCode: response.status,
    unifiedCode: errCode === undefined ? 'INVALID_REQUEST' : nuveiUnifiedErrorCode(errCode),
    retryable: false,
  };
}
