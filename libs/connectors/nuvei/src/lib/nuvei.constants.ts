import type { ConnectorBaseUrls } from '@prism-sessions/connector-interfaces';
import { CURRENCY_CODES, UNSUPPORTED_CURRENCIES, type CurrencyCode } from '@prism-sessions/domain-types';

/** Nuvei REST API base URLs (upstream `config/{sandbox,production}.toml`, `nuvei.base_url`). */
export const NUVEI_BASE_URLS = Object.freeze({
  sandbox: 'https://ppp-test.nuvei.com/ppp/api/v1',
  production: 'https://secure.safecharge.com/ppp/api/v1',
}) satisfies ConnectorBaseUrls;

/** Endpoint paths, relative to a base URL. */
export const NUVEI_PATHS = Object.freeze({
  sessionToken: '/getSessionToken.do',
  payment: '/payment.do',
});

/** "The session expires after 15 minutes" (docs.nuvei.com/documentation/features/authentication/). */
export const NUVEI_SESSION_TOKEN_LIFETIME_SECONDS = 900;

/** errCode 1064: "There can be only one order per session token." */
export const NUVEI_ORDERS_PER_SESSION_TOKEN = 1;

/** Nuvei's stage-1 error codes (docs.nuvei.com/documentation/integration/response-handling). */
export const NUVEI_ERROR_CODES = Object.freeze({
  GENERAL_ERROR: 1000,
  INVALID_CHECKSUM: 1001,
  INVALID_MERCHANT_ID: 1013,
  INVALID_TIMESTAMP: 1021,
  INVALID_MERCHANT_SITE_ID: 1022,
  COMMUNICATION_ERROR: 1038,
  SESSION_ALREADY_USED: 1064,
  SESSION_EXPIRED: 1069,
});

/** Every upstream currency except the ones upstream's domain conversion rejects. */
export const NUVEI_SUPPORTED_CURRENCIES: readonly CurrencyCode[] = Object.freeze(
  CURRENCY_CODES.filter((currency) => !UNSUPPORTED_CURRENCIES.has(currency)),
);

/** Upstream sends only `Content-Type` plus the executor's default `Via: HyperSwitch` (upstream §3.3). */
export function nuveiHeaders(): Record<string, string> {
  return { 'Content-Type': 'application/json', Via: 'HyperSwitch' };
}
