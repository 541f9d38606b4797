import { createHash } from 'node:crypto';

/** Inputs of the `getSessionToken.do` checksum. */
export interface NuveiSessionChecksumFields {
  readonly merchantId: string;
  readonly merchantSiteId: string;
  /** May be `""` (upstream sends an empty id when the caller gave none). */
  readonly clientRequestId: string;
  /** The exact `timeStamp` string sent in the body (`YYYYMMDDHHmmss`, UTC). */
  readonly timeStamp: string;
  readonly merchantSecret: string;
}

/** Inputs of the `payment.do` checksum. */
export interface NuveiPaymentChecksumFields extends NuveiSessionChecksumFields {
  /** Major-unit amount exactly as sent, e.g. `"10.00"`. */
  readonly amount: string;
  /** ISO 4217 code exactly as sent, e.g. `"USD"`. */
  readonly currency: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The `getSessionToken.do` checksum: lowercase hex SHA-256 of the values concatenated with no
 * separator, secret last.
 *
 * @example
 * nuveiSessionChecksum({ merchantId: 'probe_merchant', merchantSiteId: 'probe_id', clientRequestId: 'session_001',
 *   timeStamp: '20250101120000', merchantSecret: 'probe_secret' });
 * // '1b12e41c3c8da77088fca2d1df1c1fd8514e4b3193649c0546610eb82ba11f41'
 */
export function nuveiSessionChecksum(fields: NuveiSessionChecksumFields): string {
  // Order: merchantId, merchantSiteId, clientRequestId, timeStamp, merchantSecretKey; no separators.
  // https://docs.nuvei.com/documentation/features/authentication/ (upstream NuveiSessionTokenRequest).
  return sha256Hex(fields.merchantId + fields.merchantSiteId + fields.clientRequestId + fields.timeStamp + fields.merchantSecret);
}

/**
 * The `payment.do` checksum: lowercase hex SHA-256 of the values concatenated with no separator,
 * secret last.
 *
 * @example
 * nuveiPaymentChecksum({ merchantId: 'probe_merchant', merchantSiteId: 'probe_id', clientRequestId: 'txn_001',
 *   amount: '10.00', currency: 'USD', timeStamp: '20250101120000', merchantSecret: 'probe_secret' });
 * // 'de4f285a657c89d0124aa9d05a06dcebe1027f0b5f160ad615e567a40dac43af'
 */
export function nuveiPaymentChecksum(fields: NuveiPaymentChecksumFields): string {
  // Order: merchantId, merchantSiteId, clientRequestId, amount, currency, timeStamp, merchantSecretKey.
  // The field set differs per API method (https://docs.nuvei.com/documentation/features/authentication/);
  // this is the order upstream's NuveiPaymentRequest signs.
  return sha256Hex(
    fields.merchantId + fields.merchantSiteId + fields.clientRequestId + fields.amount + fields.currency + fields.timeStamp + fields.merchantSecret,
  );
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Formats an instant as Nuvei's `timeStamp`: UTC `YYYYMMDDHHmmss`, 14 digits, 24-hour.
 *
 * @throws RangeError for an invalid date or a year outside 0000-9999.
 * @example
 * formatNuveiTimestamp(new Date('2025-01-01T12:00:00Z')); // '20250101120000'
 */
export function formatNuveiTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw new RangeError('Nuvei timeStamp needs a valid date with a four-digit year');
  }
  return (
    pad(year, 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * Reads a Nuvei `timeStamp` (UTC `YYYYMMDDHHmmss`) back into a `Date`, or `undefined` when it is
 * not exactly 14 digits naming a real instant (e.g. month 13 or 30 February).
 *
 * @example
 * parseNuveiTimestamp('20250101120000')?.toISOString(); // '2025-01-01T12:00:00.000Z'
 */
export function parseNuveiTimestamp(timeStamp: string): Date | undefined {
  const match = TIMESTAMP.exec(timeStamp);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return formatNuveiTimestamp(date) === timeStamp ? date : undefined;
}
