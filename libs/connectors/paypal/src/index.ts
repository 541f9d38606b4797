/**
 * PayPal connector: OAuth access token and JS SDK client token. No I/O: run it with `executeFlow`
 * and your own `HttpTransport`. Its credential schema is `paypalConnector.credentials`; test helpers
 * are in `@prism-sessions/connectors-paypal/testing`.
 */
export { createPaypalConnector, paypalConnector } from './lib/paypal.connector';
export type { PaypalCredentials } from './lib/paypal.credentials';
export { PAYPAL_ERROR_CODES } from './lib/paypal.constants';
