import type { ConnectorBaseUrls, ConnectorCapabilities } from '@prism-sessions/connector-interfaces';
import { CURRENCY_CODES, UNSUPPORTED_CURRENCIES, type CurrencyCode } from '@prism-sessions/domain-types';

/**
 * Paytm gateway base URLs (upstream `config/{sandbox,production}.toml`).
 * Both end in `/`: endpoint paths are appended without a leading slash, as upstream does.
 */
export const PAYTM_BASE_URLS: ConnectorBaseUrls = Object.freeze({
  sandbox: 'https://securestage.paytmpayments.com/',
  production: 'https://secure.paytmpayments.com/',
});

export const INITIATE_TRANSACTION_PATH = 'theia/api/v1/initiateTransaction';
export const PROCESS_TRANSACTION_PATH = 'theia/api/v1/processTransaction';

export const API_VERSION = 'v1';
export const REQUEST_TYPE_PAYMENT = 'Payment';
export const REQUEST_TYPE_NATIVE = 'NATIVE';
export const PAYMENT_MODE_UPI = 'UPI';
export const PAYMENT_MODE_UPI_INTENT = 'UPI_INTENT';
// UPIPUSH = intent, UPI = collect (upstream comment).
export const UPI_CHANNELS = ['UPIPUSH', 'UPI'] as const;
export const PAYMENT_FLOW_NONE = 'NONE';
export const DEFAULT_CUSTOMER_ID = 'cus_default';
export const DEFAULT_CALLBACK_URL = 'https://default-callback.com';
export const CHANNEL_ID_WAP = 'WAP';
export const CHANNEL_ID_WEB = 'WEB';

/** initiateTransaction "Success Idempotent": the orderId was already initiated. */
export const RESULT_CODE_DUPLICATE = '0002';

/**
 * Our code (not Paytm's) for an answer carrying a txnToken whose `head.signature` is missing or does
 * not verify with the merchant key; the token is discarded.
 */
export const RESPONSE_SIGNATURE_INVALID = 'RESPONSE_SIGNATURE_INVALID';

/** Salt bytes per signature; Base64 turns 3 bytes into the 4 characters the checksum ends with. */
export const PAYTM_SALT_LENGTH = 3;
// Paytm's fixed AES-CBC IV, shared by every merchant (PaytmChecksum.iv, upstream PAYTM_IV).
export const PAYTM_IV = '@@@@&&&&####$$$$';

// Paytm orderId rule: at most 50 characters, alphanumeric plus "-" and "_".
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

/** Documented txnToken validity: 15 minutes. */
export const PAYTM_TOKEN_LIFETIME_SECONDS = 900;

/** Fixed headers of every Paytm call: upstream's connector header plus its default `Via`. */
export const PAYTM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'application/json',
  Via: 'HyperSwitch',
});

/** What Paytm needs and offers. Upstream does not enforce INR, so neither do we. */
export const PAYTM_CAPABILITIES: ConnectorCapabilities = Object.freeze({
  requiresSessionToken: true,
  requiresOrderCreate: false,
  requiresAccessToken: false,
  sessionTokenLifetimeSeconds: PAYTM_TOKEN_LIFETIME_SECONDS,
  ordersPerSessionToken: 1,
  supportedCurrencies: Object.freeze(CURRENCY_CODES.filter((currency: CurrencyCode) => !UNSUPPORTED_CURRENCIES.has(currency))),
});
