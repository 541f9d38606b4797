import type { ApplePayMerchantSessionFailure, ApplePayMerchantSessionResult } from './apple-pay-merchant-session';

/** Largest answer read from Apple (a merchant session is about 2 KB). */
export const MAX_APPLE_PAY_RESPONSE_BYTES = 64 * 1024;

const MAX_DETAIL_LENGTH = 300;

function failure(code: ApplePayMerchantSessionFailure, message: string): ApplePayMerchantSessionResult {
  return { ok: false, code, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function appleStatusMessage(body: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    const message = isObject(json) ? json['statusMessage'] : undefined;
    return typeof message === 'string' && message.trim() !== '' ? message.trim().slice(0, MAX_DETAIL_LENGTH) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps Apple's HTTP answer to the merchant validation result: 2xx with a JSON object is the merchant
 * session (passed through untouched); 4xx is a refusal (with Apple's `statusMessage`, which names the
 * merchant by hash and the domain, never a credential); 5xx means Apple Pay is unavailable; anything
 * else, or a 2xx that is not a JSON object, is a bad response. Pure.
 */
export function applePayAnswerOutcome(status: number, body: string): ApplePayMerchantSessionResult {
  if (status >= 200 && status < 300) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return failure('APPLE_PAY_BAD_RESPONSE', `Apple Pay answered HTTP ${status} with a body that is not JSON`);
    }
    if (!isObject(json)) return failure('APPLE_PAY_BAD_RESPONSE', `Apple Pay answered HTTP ${status} with JSON that is not an object`);
    return { ok: true, session: json };
  }
  if (status >= 400 && status < 500) {
    const detail = appleStatusMessage(body);
    return failure('APPLE_PAY_REFUSED', `Apple Pay refused the merchant validation (HTTP ${status}${detail === undefined ? '' : `: ${detail}`})`);
  }
  if (status >= 500 && status < 600) return failure('APPLE_PAY_UNREACHABLE', `Apple Pay is unavailable (HTTP ${status})`);
  return failure('APPLE_PAY_BAD_RESPONSE', `Apple Pay answered an unexpected HTTP ${status}`);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
// OpenSSL verification of Apple's *server* certificate: our trust store, not Apple's verdict.
const SERVER_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The first `code` on an error or along its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Where the call failed: before any answer (`request`) or while reading the answer's body (`body`). */
export type FailurePhase = 'request' | 'body';

/**
 * Maps a transport failure of the merchant validation call to a result. Only the error's `code` is
 * used (never its message): codes carry no credential.
 *
 * - our own deadline (`timedOut`) or undici's connect/headers/body timeouts → `APPLE_PAY_TIMEOUT`;
 * - connection refused/reset, DNS, routing, or Apple's server certificate not trusted → `APPLE_PAY_UNREACHABLE`;
 * - a TLS alert, or the connection closed by Apple after the handshake with no answer (how a refused
 *   client certificate shows under TLS 1.3), or a certificate/key OpenSSL cannot use → `APPLE_PAY_REFUSED`;
 * - an answer cut off while reading its body → `APPLE_PAY_BAD_RESPONSE`.
 */
export function applePayTransportOutcome(error: unknown, context: { timedOut: boolean; timeoutMs: number; phase: FailurePhase }): ApplePayMerchantSessionResult {
  const code = errorCode(error);
  if (context.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return failure('APPLE_PAY_TIMEOUT', `Apple Pay did not answer within ${context.timeoutMs} ms`);
  }
  if (context.phase === 'body') return failure('APPLE_PAY_BAD_RESPONSE', `Apple Pay's answer was cut off (${code ?? 'connection closed'})`);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return failure('APPLE_PAY_UNREACHABLE', `Apple Pay could not be reached (${code})`);
  if (code !== undefined && SERVER_TRUST_CODES.has(code)) return failure('APPLE_PAY_UNREACHABLE', `Apple Pay's server certificate is not trusted (${code})`);
  if (code !== undefined && /^ERR_SSL_.*ALERT/.test(code)) return failure('APPLE_PAY_REFUSED', `Apple Pay refused the TLS handshake (${code}): check the merchant identity certificate`);
  if (code === 'UND_ERR_SOCKET') {
    return failure('APPLE_PAY_REFUSED', 'Apple Pay closed the TLS connection without answering: the merchant identity certificate was most likely refused');
  }
  if (code !== undefined && code.startsWith('ERR_OSSL_')) {
    return failure('APPLE_PAY_REFUSED', `The merchant identity certificate or key cannot be used for TLS (${code})`);
  }
  return failure('APPLE_PAY_UNREACHABLE', `Apple Pay could not be reached (${code ?? 'unknown error'})`);
}
