/** Nuvei connector for the session-token and authorize flows. No I/O: pair it with a transport via `executeFlow`. */
export { nuveiConnector } from './lib/nuvei.connector';
export { NUVEI_BASE_URLS, NUVEI_ERROR_CODES, NUVEI_SESSION_TOKEN_LIFETIME_SECONDS } from './lib/nuvei.constants';
export { describeNuveiErrorCode, nuveiUnifiedErrorCode } from './lib/nuvei.errors';
export { formatNuveiTimestamp, nuveiPaymentChecksum, nuveiSessionChecksum, parseNuveiTimestamp } from './lib/nuvei.checksum';
export type { NuveiPaymentChecksumFields, NuveiSessionChecksumFields } from './lib/nuvei.checksum';
export type { NuveiPaymentRequest, NuveiSessionTokenRequest, NuveiTransactionType } from './lib/wire/nuvei.requests';
export type { NuveiResponseStatus, NuveiTransactionStatus } from './lib/wire/nuvei.responses';
