import { defaultServerErrorResponse, rawBodyExcerpt, tryParseJson, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { ErrorResponse, UnifiedErrorCode } from '@prism-sessions/domain-types';
import { PAYPAL_ERROR_CODES } from './paypal.constants';
import { paypalOAuthErrorSchema, paypalRestErrorSchema } from './wire/paypal.responses';

const NO_ERROR_MESSAGE = 'No error message';
const UNSUPPORTED_RESPONSE = 'Unsupported response type';
const E = PAYPAL_ERROR_CODES;

// Meanings from PayPal's "Authentication" and "API responses / errors" pages.
const MEANINGS: Readonly<Record<string, string>> = {
  [E.INVALID_CLIENT]: 'Client authentication failed: the client_id is unknown in this environment (sandbox/live) or the client_secret is wrong',
  [E.INVALID_TOKEN]: 'The access token is expired, revoked or unknown: fetch a new one',
  [E.UNAUTHORIZED_CLIENT]: 'This REST app may not use the client-credentials grant',
  [E.AUTHENTICATION_FAILURE]: 'Authentication failed: the Authorization header is missing or its access token is not valid',
  [E.NOT_AUTHORIZED]: 'The REST app is not permitted to call this endpoint (check the app features in the PayPal dashboard)',
  [E.INVALID_REQUEST]: 'PayPal refused the request as malformed',
  [E.UNPROCESSABLE_ENTITY]: 'PayPal refused a request value',
  [E.RATE_LIMIT_REACHED]: 'Too many requests: PayPal rate-limited this app; retry later',
  [E.INTERNAL_SERVER_ERROR]: 'A fault inside PayPal',
};

const UNIFIED: Readonly<Record<string, UnifiedErrorCode>> = {
  [E.INVALID_CLIENT]: 'INVALID_CREDENTIALS',
  [E.UNAUTHORIZED_CLIENT]: 'INVALID_CREDENTIALS',
  [E.INVALID_TOKEN]: 'ACCESS_TOKEN_EXPIRED',
  [E.AUTHENTICATION_FAILURE]: 'ACCESS_TOKEN_EXPIRED',
  [E.INVALID_REQUEST]: 'INVALID_REQUEST',
  [E.UNPROCESSABLE_ENTITY]: 'INVALID_REQUEST',
  [E.RATE_LIMIT_REACHED]: 'GATEWAY_UNAVAILABLE',
  [E.INTERNAL_SERVER_ERROR]: 'GATEWAY_UNAVAILABLE',
};

/**
 * The documented meaning of a PayPal OAuth `error` or REST `name`, or `undefined` for codes we know nothing about.
 *
 * @example
 * describePaypalErrorCode('invalid_client'); // 'Client authentication failed: …'
 * describePaypalErrorCode('no-such-code');   // undefined
 */
export function describePaypalErrorCode(code: string): string | undefined {
  const key = code.trim();
  return Object.hasOwn(MEANINGS, key) ? MEANINGS[key] : undefined;
}

/** Our unified classification of a PayPal code; unknown codes are `GATEWAY_REJECTED`. */
export function paypalUnifiedErrorCode(code: string): UnifiedErrorCode {
  const key = code.trim();
  return (Object.hasOwn(UNIFIED, key) ? UNIFIED[key] : undefined) ?? 'GATEWAY_REJECTED';
}

function text(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : rawBodyExcerpt(value);
}

function errorResponse(code: string, message: string | undefined, reason: string | undefined, status: number): ErrorResponse {
  const unifiedCode = paypalUnifiedErrorCode(code);
  return {
    code,
    message: message ?? NO_ERROR_MESSAGE,
    ...(reason === undefined ? {} : { reason }),
    statusCode: status,
    unifiedCode,
    retryable: status >= 500 || status === 429,
  };
}

/**
 * Maps a non-2xx PayPal answer to an {@link ErrorResponse}; never throws.
 * - OAuth body `{error, error_description}`: code = `error` (`invalid_client`, `invalid_token`), message = the description.
 * - REST body `{name, message, debug_id, details[]}`: code = `name`, message = `message`, reason = the first
 *   detail's `issue: description` plus `debug_id` (PayPal support asks for it).
 * - 5xx without either body: upstream's default mapping. Every 5xx and 429 is retryable.
 * - anything else (HTML, empty, other JSON): code = the HTTP status, reason = a short excerpt.
 *
 * @example
 * parsePaypalErrorResponse({ status: 401, headers: {}, body: '{"error":"invalid_client","error_description":"Client Authentication failed"}' });
 * // { code: 'invalid_client', message: 'Client Authentication failed', statusCode: 401, unifiedCode: 'INVALID_CREDENTIALS', retryable: false }
 */
export function parsePaypalErrorResponse(response: HttpResponse): ErrorResponse {
  const json = tryParseJson(response.body);
  const rest = paypalRestErrorSchema.safeParse(json);
  if (rest.success) {
    const { name, message, debug_id: debugId, details } = rest.data;
    const detail = details?.[0];
    const issue = detail?.issue === undefined ? undefined : `${detail.issue}${detail.description === undefined ? '' : `: ${detail.description}`}`;
    const reason = [issue, debugId === undefined ? undefined : `debug_id ${debugId}`].filter((part) => part !== undefined).join('; ');
    return errorResponse(name, text(message), text(reason), response.status);
  }
  const oauth = paypalOAuthErrorSchema.safeParse(json);
  if (oauth.success) {
    const description = text(oauth.data.error_description);
    return errorResponse(oauth.data.error, description, description, response.status);
  }
  if (response.status >= 500) return defaultServerErrorResponse(response);
  const excerpt = rawBodyExcerpt(response.body);
  return {
    code: String(response.status),
    message: UNSUPPORTED_RESPONSE,
    ...(excerpt.trim() === '' ? {} : { reason: excerpt }),
    statusCode: response.status,
    unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
    retryable: response.status === 429,
  };
}
