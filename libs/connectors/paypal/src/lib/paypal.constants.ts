import type { ConnectorBaseUrls, ConnectorCapabilities } from '@prism-sessions/connector-interfaces';
import type { CurrencyCode } from '@prism-sessions/domain-types';

/** The connector id: `ConnectorDefinition.id`, upstream's `x-connector` value. */
export const PAYPAL_CONNECTOR_ID = 'paypal';

/** PayPal REST API hosts (developer.paypal.com "Get an access token"). */
export const PAYPAL_BASE_URLS: ConnectorBaseUrls = Object.freeze({
  sandbox: 'https://api-m.sandbox.paypal.com',
  production: 'https://api-m.paypal.com',
});

/** Endpoint paths, relative to a base URL. */
export const PAYPAL_PATHS = Object.freeze({
  /** OAuth 2.0 client-credentials grant. */
  accessToken: '/v1/oauth2/token',
  /** Client token for the JS SDK ("generate token for client SDK"). */
  sessionToken: '/v1/identity/generate-token',
});

/**
 * Documented client-token lifetime (3600 s in PayPal's example answer). Only a fallback for
 * capability listings: every answer's own `expires_in` decides the real expiry.
 */
export const PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS = 3600;

/** A client token initialises one buyer's SDK session. */
export const PAYPAL_ORDERS_PER_SESSION_TOKEN = 1;

/**
 * Currencies PayPal's REST API accepts for payments (PayPal "Currency codes" list). `prepareFlow`
 * checks the amount against it.
 */
export const PAYPAL_SUPPORTED_CURRENCIES: readonly CurrencyCode[] = Object.freeze<CurrencyCode[]>([
  'AUD', 'BRL', 'CAD', 'CNY', 'CZK', 'DKK', 'EUR', 'HKD', 'HUF', 'ILS', 'JPY', 'MYR', 'MXN', 'TWD',
  'NZD', 'NOK', 'PHP', 'PLN', 'GBP', 'SGD', 'SEK', 'CHF', 'THB', 'USD',
]);

/** The PayPal error names/codes the mapping and the fake gateway use (OAuth `error` and REST `name`/`issue`). */
export const PAYPAL_ERROR_CODES = Object.freeze({
  /** OAuth: unknown client id or wrong secret (401). */
  INVALID_CLIENT: 'invalid_client',
  /** OAuth: expired, revoked or unknown bearer token (401). */
  INVALID_TOKEN: 'invalid_token',
  /** OAuth: the grant is not allowed for this app. */
  UNAUTHORIZED_CLIENT: 'unauthorized_client',
  /** REST: missing or refused Authorization header (401). */
  AUTHENTICATION_FAILURE: 'AUTHENTICATION_FAILURE',
  /** REST: the app may not call this endpoint (403). */
  NOT_AUTHORIZED: 'NOT_AUTHORIZED',
  /** REST: malformed request (400). */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** REST: valid syntax, refused values (422). */
  UNPROCESSABLE_ENTITY: 'UNPROCESSABLE_ENTITY',
  /** REST: too many requests (429). */
  RATE_LIMIT_REACHED: 'RATE_LIMIT_REACHED',
  /** REST: fault inside PayPal (500). */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
});

/** What PayPal needs and offers: an OAuth access token first, then the SDK client token. */
export const PAYPAL_CAPABILITIES: ConnectorCapabilities = Object.freeze({
  requiresSessionToken: true,
  requiresOrderCreate: false,
  requiresAccessToken: true,
  sessionTokenLifetimeSeconds: PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS,
  ordersPerSessionToken: PAYPAL_ORDERS_PER_SESSION_TOKEN,
  supportedCurrencies: PAYPAL_SUPPORTED_CURRENCIES,
});
