import type { ErrorResponse } from '@prism-sessions/domain-types';
import type { HttpResponse } from './http';

/** Longest raw-body excerpt ever copied into an error (upstream Paytm fallback: 200 characters). */
export const RAW_BODY_EXCERPT_LENGTH = 200;

/**
 * A short excerpt of a raw body, safe to store and log: the first `length` characters, with every run
 * of control characters (C0, DEL and C1, i.e. Unicode `Cc`: newlines, tabs, NUL, ANSI escapes) replaced
 * by one space, so a body cannot forge log lines or terminal output.
 *
 * @example
 * rawBodyExcerpt('<html>\r\n<body>Bad Gateway</body>'); // '<html> <body>Bad Gateway</body>'
 * rawBodyExcerpt('x'.repeat(500)).length;                // 200
 */
export function rawBodyExcerpt(body: string, length = RAW_BODY_EXCERPT_LENGTH): string {
  return body.slice(0, length).replace(/\p{Cc}+/gu, ' ');
}

/**
 * Parses a JSON body, returning `undefined` for empty or non-JSON bodies instead of throwing.
 *
 * @example
 * tryParseJson('{"errCode":"1001"}'); // { errCode: '1001' }
 * tryParseJson('<html>502</html>');   // undefined
 */
export function tryParseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Narrows to a plain JSON object (not `null`, not an array).
 *
 * @example
 * const body = tryParseJson(response.body);
 * if (isJsonObject(body) && typeof body['errCode'] === 'string') code = body['errCode'];
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SERVER_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  500: 'internal_server_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
  505: 'http_version_not_supported',
  506: 'variant_also_negotiates',
  507: 'insufficient_storage',
  508: 'loop_detected',
  510: 'not_extended',
  511: 'network_authentication_required',
};

/**
 * Upstream's default 5xx mapping (`get_5xx_error_response`): code = the status, message = a
 * snake_case name, reason = the (truncated) body. Marked retryable: the gateway failed, not the request.
 *
 * @example
 * defaultServerErrorResponse({ status: 503, headers: {}, body: 'maintenance' });
 * // { code: '503', message: 'service_unavailable', reason: 'maintenance', statusCode: 503,
 * //   unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true }
 */
export function defaultServerErrorResponse(response: HttpResponse): ErrorResponse {
  return {
    code: String(response.status),
    message: SERVER_ERROR_MESSAGES[response.status] ?? 'unknown_error',
    reason: rawBodyExcerpt(response.body),
    statusCode: response.status,
    unifiedCode: 'GATEWAY_UNAVAILABLE',
    retryable: true,
  };
}

/**
 * True for the statuses upstream hands to the response transformer (200-202, 204, 302).
 *
 * @example
 * isSuccessStatus(204); // true
 * isSuccessStatus(203); // false: executeFlow raises UNEXPECTED_STATUS
 */
export function isSuccessStatus(status: number): boolean {
  return status === 200 || status === 201 || status === 202 || status === 204 || status === 302;
}
