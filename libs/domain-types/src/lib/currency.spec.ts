import { CURRENCY_CODES, UNSUPPORTED_CURRENCIES, currencyExponent, isCurrencyCode, type CurrencyCode, type CurrencyExponent } from './currency';

describe('CURRENCY_CODES', () => {
  it('holds the 160 codes of upstream’s Currency enum (1-160), each once, in alphabetical order', () => {
    expect(CURRENCY_CODES).toHaveLength(160);
    expect(new Set(CURRENCY_CODES).size).toBe(160);
    expect([...CURRENCY_CODES].sort()).toEqual([...CURRENCY_CODES]);
  });

  it('numbers codes as upstream’s proto does (EUR=45, GBP=48, INR=63, USD=146)', () => {
    const protoNumber = (code: CurrencyCode) => CURRENCY_CODES.indexOf(code) + 1;
    expect(protoNumber('AED')).toBe(1);
    expect(protoNumber('EUR')).toBe(45);
    expect(protoNumber('GBP')).toBe(48);
    expect(protoNumber('INR')).toBe(63);
    expect(protoNumber('USD')).toBe(146);
    expect(protoNumber('ZWL')).toBe(160);
  });

  it('contains only three-letter upper-case codes', () => {
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('currencyExponent', () => {
  it.each<[CurrencyCode, CurrencyExponent]>([
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['XOF', 0],
    ['USD', 2],
    ['EUR', 2],
    ['INR', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['CLF', 4],
  ])('%s has exponent %i', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  // Upstream's formatter (common_utils/src/types.rs) differs from ISO 4217 for these; we follow upstream.
  it.each<[CurrencyCode, CurrencyExponent, number]>([
    ['MGA', 0, 2],
    ['IQD', 2, 3],
    ['LYD', 2, 3],
  ])('%s follows upstream (%i), not ISO 4217 (%i)', (currency, upstream, iso) => {
    expect(currencyExponent(currency)).toBe(upstream);
    expect(currencyExponent(currency)).not.toBe(iso);
  });

  it('has exactly upstream’s 16 zero-decimal, 5 three-decimal and 1 four-decimal currencies; all others are 2', () => {
    const byExponent = (e: CurrencyExponent) => CURRENCY_CODES.filter((code) => currencyExponent(code) === e);
    expect(byExponent(0)).toEqual(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
    expect(byExponent(3)).toEqual(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
    expect(byExponent(4)).toEqual(['CLF']);
    expect(byExponent(2)).toHaveLength(160 - 16 - 5 - 1);
  });
});

describe('isCurrencyCode', () => {
  it.each(['USD', 'EUR', 'INR', 'JPY', 'AED', 'ZWL'])('accepts %s', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each([
    ['lower case', 'usd'],
    ['mixed case', 'Usd'],
    ['ISO "no currency", rejected upstream', 'XXX'],
    ['empty', ''],
    ['padded', ' USD'],
    ['too long', 'USDT'],
    ['the proto’s unspecified value', 'CURRENCY_UNSPECIFIED'],
    ['an ISO code upstream lacks', 'XAU'],
    ['an Object.prototype key', 'constructor'],
  ])('rejects %s (%j)', (_label, code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('UNSUPPORTED_CURRENCIES', () => {
  const upstreamRejected = ['AFN', 'BTN', 'CDF', 'CLF', 'CUC', 'ERN', 'IRR', 'ISK', 'KPW', 'SDG', 'STD', 'SYP', 'TJS', 'TMT', 'ZWL'];

  it('is exactly the 15 codes upstream’s domain conversion rejects', () => {
    expect(UNSUPPORTED_CURRENCIES.size).toBe(15);
    expect([...UNSUPPORTED_CURRENCIES].sort()).toEqual(upstreamRejected);
  });

  it('only holds codes that are otherwise known (they are rejected, not unknown)', () => {
    for (const code of UNSUPPORTED_CURRENCIES) expect(isCurrencyCode(code)).toBe(true);
  });

  it('does not contain the common settlement currencies', () => {
    for (const code of ['USD', 'EUR', 'INR', 'GBP', 'JPY'] as const) expect(UNSUPPORTED_CURRENCIES.has(code)).toBe(false);
  });
});
