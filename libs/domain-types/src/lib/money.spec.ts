import { inspect } from 'node:util';
import type { CurrencyCode } from './currency';
import { MAX_MINOR_AMOUNT, createMoney, toMajorUnitString } from './money';
import { DomainValidationError } from './validation-error';

function rejection(run: () => unknown): DomainValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainValidationError) return error;
    throw new Error(`expected a DomainValidationError, got ${String(error)}`);
  }
  throw new Error('expected a DomainValidationError, but nothing was thrown');
}

describe('toMajorUnitString', () => {
  it.each<[bigint, CurrencyCode, string]>([
    [1000n, 'USD', '10.00'],
    [1000n, 'JPY', '1000'],
    [1000n, 'KWD', '1.000'],
    [5n, 'CLF', '0.0005'],
    [0n, 'USD', '0.00'],
    [0n, 'JPY', '0'],
    [0n, 'KWD', '0.000'],
    [1n, 'USD', '0.01'],
    [10n, 'USD', '0.10'],
    [99n, 'KWD', '0.099'],
    [1050n, 'INR', '10.50'],
    [123456n, 'CLF', '12.3456'],
    [2147483648n, 'USD', '21474836.48'],
    [9007199254740993n, 'USD', '90071992547409.93'],
    [MAX_MINOR_AMOUNT, 'USD', '92233720368547758.07'],
    [MAX_MINOR_AMOUNT, 'JPY', '9223372036854775807'],
    [MAX_MINOR_AMOUNT, 'KWD', '9223372036854775.807'],
  ])('%s minor units of %s → %s', (minorAmount, currency, expected) => {
    expect(toMajorUnitString({ minorAmount, currency })).toBe(expected);
  });

  it('formats 2^53 + 1 passed as a string exactly (no float rounding)', () => {
    const money = createMoney('9007199254740993', 'USD');
    expect(money.minorAmount).toBe(9007199254740993n);
    expect(toMajorUnitString(money)).toBe('90071992547409.93');
  });

  it('follows upstream’s exponents where they differ from ISO 4217', () => {
    expect(toMajorUnitString({ minorAmount: 1000n, currency: 'MGA' })).toBe('1000');
    expect(toMajorUnitString({ minorAmount: 1000n, currency: 'IQD' })).toBe('10.00');
    expect(toMajorUnitString({ minorAmount: 1000n, currency: 'LYD' })).toBe('10.00');
  });

  it('keeps the sign of a negative amount built by hand (createMoney never produces one)', () => {
    expect(toMajorUnitString({ minorAmount: -1050n, currency: 'USD' })).toBe('-10.50');
    expect(toMajorUnitString({ minorAmount: -5n, currency: 'JPY' })).toBe('-5');
  });
});

describe('createMoney', () => {
  it('is 2^63 - 1, the largest int64', () => {
    expect(MAX_MINOR_AMOUNT).toBe(9223372036854775807n);
  });

  it.each<[string, bigint | number | string, bigint]>([
    ['a bigint', 1000n, 1000n],
    ['a safe integer number', 1000, 1000n],
    ['zero', 0, 0n],
    ['Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER, 9007199254740991n],
    ['an integer string', '1000', 1000n],
    ['a string above 2^53', '9007199254740993', 9007199254740993n],
    ['2^63 - 1 as a string', '9223372036854775807', MAX_MINOR_AMOUNT],
    ['2^63 - 1 as a bigint', MAX_MINOR_AMOUNT, MAX_MINOR_AMOUNT],
    ['a string with leading zeros', '007', 7n],
  ])('accepts %s', (_label, raw, expected) => {
    expect(createMoney(raw, 'USD')).toEqual({ minorAmount: expected, currency: 'USD' });
  });

  it('always stores a bigint', () => {
    expect(typeof createMoney(5, 'JPY').minorAmount).toBe('bigint');
    expect(typeof createMoney('5', 'JPY').minorAmount).toBe('bigint');
  });

  it('accepts currencies upstream rejects for sessions (that check belongs to connectors)', () => {
    expect(createMoney(5, 'CLF').currency).toBe('CLF');
  });

  it.each<[string, bigint | number | string, string]>([
    ['a non-integer number', 1.5, 'INVALID_AMOUNT'],
    ['an unsafe number (2^53 + 2)', 2 ** 53 + 2, 'INVALID_AMOUNT'],
    ['NaN', Number.NaN, 'INVALID_AMOUNT'],
    ['Infinity', Number.POSITIVE_INFINITY, 'INVALID_AMOUNT'],
    ['exponent notation', '1e3', 'INVALID_AMOUNT'],
    ['a decimal string', '10.0', 'INVALID_AMOUNT'],
    ['a string with a leading space', ' 10', 'INVALID_AMOUNT'],
    ['a string with a trailing newline', '10\n', 'INVALID_AMOUNT'],
    ['an empty string', '', 'INVALID_AMOUNT'],
    ['a plus sign', '+10', 'INVALID_AMOUNT'],
    ['a hex string', '0x10', 'INVALID_AMOUNT'],
    ['non-ASCII digits', '١٠', 'INVALID_AMOUNT'],
    ['a negative number', -12345, 'AMOUNT_OUT_OF_RANGE'],
    ['a negative string', '-987654321', 'AMOUNT_OUT_OF_RANGE'],
    ['a negative bigint', -4242n, 'AMOUNT_OUT_OF_RANGE'],
    ['2^63', '9223372036854775808', 'AMOUNT_OUT_OF_RANGE'],
    ['2^63 as a bigint', 2n ** 63n, 'AMOUNT_OUT_OF_RANGE'],
  ])('rejects %s with %s on amount.minorAmount', (_label, raw, code) => {
    const error = rejection(() => createMoney(raw, 'USD'));
    expect(error.code).toBe(code);
    expect(error.field).toBe('amount.minorAmount');
    expect(error.name).toBe('DomainValidationError');
    if (String(raw).trim() !== '') expect(error.message).not.toContain(String(raw).trim());
  });

  it.each([['XXX'], ['usd'], [''], ['US'], ['CURRENCY_UNSPECIFIED']])('rejects the currency %j with UNKNOWN_CURRENCY on amount.currency', (currency) => {
    const error = rejection(() => createMoney(1000, currency));
    expect(error.code).toBe('UNKNOWN_CURRENCY');
    expect(error.field).toBe('amount.currency');
    if (currency !== '') expect(error.message).not.toContain(currency);
  });

  it('checks the amount before the currency', () => {
    expect(rejection(() => createMoney(1.5, 'XXX')).field).toBe('amount.minorAmount');
  });

  it('never echoes a rejected value, even through util.inspect or JSON', () => {
    const canary = 'CANARY_SECRET_9f8e';
    for (const error of [rejection(() => createMoney(canary, 'USD')), rejection(() => createMoney(1, canary))]) {
      expect(error.message).not.toContain(canary);
      expect(inspect(error)).not.toContain(canary);
      expect(JSON.stringify(error)).not.toContain(canary);
    }
  });
});
