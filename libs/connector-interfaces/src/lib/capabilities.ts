import type { CurrencyCode } from '@prism-sessions/domain-types';

/**
 * What a connector needs and offers (upstream `ValidationTrait` hooks plus token facts),
 * exposed to clients so they can plan a payment without reading code.
 *
 * @example
 * const nuveiCapabilities: ConnectorCapabilities = {
 *   requiresSessionToken: true, requiresOrderCreate: false, requiresAccessToken: false,
 *   sessionTokenLifetimeSeconds: 15 * 60, ordersPerSessionToken: 1, supportedCurrencies: ['USD', 'EUR'],
 * };
 */
export interface ConnectorCapabilities {
  /** Authorize needs a gateway session token first (upstream `should_do_session_token`). */
  readonly requiresSessionToken: boolean;
  /** Authorize needs an order created first (upstream `should_do_order_create`). */
  readonly requiresOrderCreate: boolean;
  /** The connector needs an OAuth access token (upstream `should_do_access_token`). */
  readonly requiresAccessToken: boolean;
  /** Documented lifetime of a session token, in seconds (Nuvei and Paytm: 15 minutes). */
  readonly sessionTokenLifetimeSeconds: number;
  /** How many orders one session token may pay for (Nuvei 1064: one). */
  readonly ordersPerSessionToken: number;
  /** Currencies the session flow accepts. */
  readonly supportedCurrencies: readonly CurrencyCode[];
}
