import { IntegrationError } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import { assertPaytmOrderId, paytmChannelId, paytmRequestTimestamp } from './common';

describe('paytmChannelId', () => {
  it.each([
    [undefined, undefined],
    [{}, undefined],
    [{ osType: 'android' }, 'WAP'],
    [{ osType: 'Apple iOS' }, 'WAP'],
    [{ osType: 'Windows 11' }, 'WEB'],
    [{ osType: '' }, 'WEB'],
  ])('%p → %p', (browserInfo, expected) => {
    expect(paytmChannelId(browserInfo)).toBe(expected);
  });
});

describe('paytmRequestTimestamp', () => {
  it('is epoch seconds (floored) from the injected clock', () => {
    expect(paytmRequestTimestamp(new FixedClock('2025-01-01T12:00:00.999Z'))).toBe('1735732800');
    expect(paytmRequestTimestamp(new FixedClock('1970-01-01T00:00:09Z'))).toBe('9');
  });
});

describe('assertPaytmOrderId', () => {
  it('accepts 1-50 characters of [A-Za-z0-9_-]', () => {
    for (const id of ['a', 'A-z_0', 'x'.repeat(50)]) expect(assertPaytmOrderId(id, 'sessionToken', 'merchantSessionId')).toBe(id);
  });
  it('refuses anything else with INVALID_ORDER_ID on the given field', () => {
    for (const id of ['', 'x'.repeat(51), 'a b', 'a.b', 'ä', 'a/b', 'a\n']) {
      expect(() => assertPaytmOrderId(id, 'sessionToken', 'merchantSessionId')).toThrow(IntegrationError);
    }
  });
});
