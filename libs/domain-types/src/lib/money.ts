import { currencyExponent, isCurrencyCode, type CurrencyCode } from './currency';
import { DomainValidationError } from './validation-error';

/** Largest amount upstream's `int64 minor_amount` can carry: 2^63 - 1. */
export const MAX_MINOR_AMOUNT = 2n ** 63n - 1n;

/**
 * An amount in integer minor units (1000 USD = $10.00), 64-bit safe (upstream proto `Money`).
 * Build it with {@link createMoney}; format it for a gateway with {@link toMajorUnitString}.
 */
export interface Money {
  /** Integer minor units in `[0, 2^63 - 1]` (upstream `int64 minor_amount`). */
  readonly minorAmount: bigint;
  /** ISO 4217 code; its exponent ({@link currencyExponent}) says where the decimal point goes. */
  readonly currency: CurrencyCode;
}

const INTEGER_STRING = /^-?\d+$/;

function toBigInt(raw: bigint | number | string, field: string): bigint {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) {
      throw new DomainValidationError('INVALID_AMOUNT', field, 'Amount must be an integer number of minor units (use a string above 2^53)');
    }
    return BigInt(raw);
  }
  if (!INTEGER_STRING.test(raw)) {
    throw new DomainValidationError('INVALID_AMOUNT', field, 'Amount must be an integer number of minor units');
  }
  return BigInt(raw);
}

/**
 * Builds a validated {@link Money}: an integer in `[0, 2^63 - 1]` and a known currency.
 * Numbers must be safe integers; larger amounts are passed as bigint or decimal strings
 * (ASCII digits only: no sign, spaces, decimal point or exponent).
 * Currencies upstream refuses for sessions (`UNSUPPORTED_CURRENCIES`) are still accepted here;
 * that check belongs to the connector's capabilities.
 *
 * @param minorAmount - Integer minor units, as a bigint, a safe-integer number or a decimal string.
 * @param currency - An upper-case ISO 4217 code from `CURRENCY_CODES`.
 * @throws DomainValidationError `INVALID_AMOUNT` / `AMOUNT_OUT_OF_RANGE` on `amount.minorAmount`,
 *   `UNKNOWN_CURRENCY` on `amount.currency`. Messages never contain the rejected value.
 * @example
 * createMoney(1000, 'USD');               // { minorAmount: 1000n, currency: 'USD' }
 * createMoney('9007199254740993', 'USD'); // { minorAmount: 9007199254740993n, currency: 'USD' }
 * createMoney(1.5, 'USD');                // throws DomainValidationError INVALID_AMOUNT
 */
export function createMoney(minorAmount: bigint | number | string, currency: string): Money {
  const amount = toBigInt(minorAmount, 'amount.minorAmount');
  if (amount < 0n || amount > MAX_MINOR_AMOUNT) {
    throw new DomainValidationError('AMOUNT_OUT_OF_RANGE', 'amount.minorAmount', 'Amount must be between 0 and 2^63-1 minor units');
  }
  if (!isCurrencyCode(currency)) {
    throw new DomainValidationError('UNKNOWN_CURRENCY', 'amount.currency', 'Currency must be an upper-case ISO 4217 code');
  }
  return { minorAmount: amount, currency };
}

/**
 * Formats minor units as the major-unit decimal string gateways expect, with exactly the
 * currency's exponent as decimals (no floating point involved).
 *
 * @example
 * toMajorUnitString({ minorAmount: 1000n, currency: 'USD' }); // '10.00'
 * toMajorUnitString({ minorAmount: 1000n, currency: 'JPY' }); // '1000'
 * toMajorUnitString({ minorAmount: 1000n, currency: 'KWD' }); // '1.000'
 * toMajorUnitString({ minorAmount: 5n, currency: 'CLF' });    // '0.0005'
 */
export function toMajorUnitString(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.minorAmount < 0n;
  const digits = (negative ? -money.minorAmount : money.minorAmount).toString();
  const sign = negative ? '-' : '';
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
