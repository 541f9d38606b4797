/**
 * The ISO 4217 codes of upstream's protobuf `Currency` enum (CS-B, numbered 1-160 alphabetically).
 * `CURRENCY_UNSPECIFIED` is not a currency and is never accepted.
 */
export const CURRENCY_CODES = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF',
  'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLF', 'CLP', 'CNY', 'COP',
  'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP',
  'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD',
  'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP',
  'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN',
  'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG',
  'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD',
  'SSP', 'STD', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH',
  'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZWL',
] as const;

/** An ISO 4217 alphabetic currency code known to the upstream protocol. */
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/** Number of decimal places between a currency's minor and major unit. */
export type CurrencyExponent = 0 | 2 | 3 | 4;

// Upstream's amount formatter (common_utils/src/types.rs), not raw ISO 4217: IQD and LYD are 2 here
// (ISO: 3) and MGA is 0 (ISO: 2). We follow upstream so a merchant's minor units mean the same
// amount on our wire as on Prism's; see docs/adr/0003-currency-exponents-follow-upstream.md.
const ZERO_DECIMAL: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>([
  'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMAL: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
const FOUR_DECIMAL: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>(['CLF']);

/**
 * Currencies upstream's domain conversion rejects with `unsupported_currency`
 * ("Currency X is not supported"); no connector may accept them for a session.
 */
export const UNSUPPORTED_CURRENCIES: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>([
  'AFN', 'BTN', 'CDF', 'CLF', 'CUC', 'ERN', 'IRR', 'ISK', 'KPW', 'SDG', 'STD', 'SYP', 'TJS', 'TMT', 'ZWL',
]);

const KNOWN: ReadonlySet<string> = new Set<string>(CURRENCY_CODES);

/**
 * Narrows a string to a {@link CurrencyCode}. Case-sensitive: ISO codes are upper case.
 *
 * @example
 * isCurrencyCode('USD'); // true
 * isCurrencyCode('usd'); // false
 */
export function isCurrencyCode(value: string): value is CurrencyCode {
  return KNOWN.has(value);
}

/**
 * The minor-unit exponent of a currency.
 *
 * @example
 * currencyExponent('JPY'); // 0
 * currencyExponent('USD'); // 2
 * currencyExponent('KWD'); // 3
 * currencyExponent('CLF'); // 4
 */
export function currencyExponent(currency: CurrencyCode): CurrencyExponent {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  if (FOUR_DECIMAL.has(currency)) return 4;
  return 2;
}
