/*
 * Public API. Everything else an outside user needs is reachable from the definition itself:
 * `connector.credentials` (the `x-connector-config` schema, for `parseConnectorConfig`),
 * `connector.baseUrls`, `connector.capabilities` and `connector.describeErrorCode`. Transformers,
 * wire shapes, status mapping and the raw-JSON reader stay internal.
 */

/** The Paytm connector (random salt) and its factory; run flows with `executeFlow`. */
export { createPaytmConnector, paytmConnector } from './lib/paytm.connector';
/** Paytm credentials, as `paytmConnector.credentials.parse` returns them. */
export type { PaytmCredentials } from './lib/paytm.credentials';
/** Paytm's checksum algorithm: internal teams sign and verify Paytm bodies with it. */
export { signPaytmBody, verifyPaytmSignature } from './lib/paytm.signature';
