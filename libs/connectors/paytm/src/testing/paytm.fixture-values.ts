/** Test-only merchant key of the fixtures (16 bytes: AES-128, like real Paytm keys). */
export const PAYTM_FIXTURE_MERCHANT_KEY = 'abcdefgh12345678';
/** Test-only merchant id of the fixtures. */
export const PAYTM_FIXTURE_MERCHANT_ID = 'probe_merchant';
/** Test-only website of the fixtures. */
export const PAYTM_FIXTURE_WEBSITE = 'WEBSTAGING';
/** Fixed salt (bytes 01 02 03, Base64 `AQID`) so fixture signatures are deterministic. */
export const PAYTM_FIXTURE_SALT: readonly number[] = Object.freeze([1, 2, 3]);
/** The token the fixtures' success answer carries. */
export const PAYTM_FIXTURE_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f1700000000000';
