/** Nuvei connector for the session-token and authorize flows. No I/O: pair it with a transport via `executeFlow`. */
export { createNuveiConnector, nuveiConnector } from './lib/nuvei.connector';
/** Nuvei's credentials, as its `x-connector-config` entry parses into. */
export type { NuveiCredentials } from './lib/nuvei.credentials';
/** Nuvei's checksums, for teams that sign Nuvei requests (or check our wire bytes) themselves. */
export { nuveiPaymentChecksum, nuveiSessionChecksum } from './lib/nuvei.checksum';
export type { NuveiPaymentChecksumFields, NuveiSessionChecksumFields } from './lib/nuvei.checksum';
