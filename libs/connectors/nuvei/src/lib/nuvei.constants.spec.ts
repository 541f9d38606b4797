import { CURRENCY_CODES, UNSUPPORTED_CURRENCIES } from '@prism-sessions/domain-types';
import { NUVEI_BASE_URLS, NUVEI_PATHS, NUVEI_SUPPORTED_CURRENCIES, nuveiHeaders } from './nuvei.constants';

describe('Nuvei constants', () => {
  it('uses upstream’s sandbox and production base URLs', () => {
    expect(NUVEI_BASE_URLS).toEqual({ sandbox: 'https://ppp-test.nuvei.com/ppp/api/v1', production: 'https://secure.safecharge.com/ppp/api/v1' });
    expect(NUVEI_PATHS).toEqual({ sessionToken: '/getSessionToken.do', payment: '/payment.do' });
  });

  it('supports every upstream currency except the unsupported ones', () => {
    expect(NUVEI_SUPPORTED_CURRENCIES).toHaveLength(CURRENCY_CODES.length - UNSUPPORTED_CURRENCIES.size);
    for (const currency of UNSUPPORTED_CURRENCIES) expect(NUVEI_SUPPORTED_CURRENCIES).not.toContain(currency);
    expect(NUVEI_SUPPORTED_CURRENCIES).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY', 'KWD']));
  });

  it('sends exactly Content-Type and Via, in a fresh object each time', () => {
    expect(nuveiHeaders()).toStrictEqual({ 'Content-Type': 'application/json', Via: 'HyperSwitch' });
    expect(Object.keys(nuveiHeaders())).toEqual(['Content-Type', 'Via']);
    expect(nuveiHeaders()).not.toBe(nuveiHeaders());
  });
});
