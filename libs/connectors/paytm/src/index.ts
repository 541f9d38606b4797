/** Paytm connector: the definition to run with `executeFlow`. */
export { createPaytmConnector, paytmConnector } from './lib/paytm.connector';
/** Options of `createPaytmConnector`. */
export type { PaytmConnectorOptions } from './lib/paytm.connector';
/** Paytm sandbox and production base URLs (both end in `/`). */
export { PAYTM_BASE_URLS } from './lib/paytm.constants';
/** Paytm request signing and verification (checksum libraries' algorithm). */
export { signPaytmBody, verifyPaytmSignature } from './lib/paytm.signature';
/** Human meanings of Paytm result codes. */
export { describePaytmResultCode } from './lib/paytm.errors';
/** processTransaction result code → attempt status. */
export { mapPaytmResultCode } from './lib/paytm.status';
/** Paytm credentials, as narrowed by `parseCredentials`. */
export type { PaytmCredentials } from '@org/domain-types';
