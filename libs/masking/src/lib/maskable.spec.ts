import * as util from 'node:util';
import { exposeHeaders, maskHeaders, type MaskableHeaders } from './maskable';
import { DEFAULT_MASK, Secret } from './secret';
import { withType } from './strategies';

const CANARY = 'CANARY_s3cr3t_4242';

function buildHeaders(): MaskableHeaders {
  return {
    'content-type': 'application/json',
    authorization: new Secret(`Bearer ${CANARY}`),
    'x-api-key': new Secret(CANARY, withType('ApiKey')),
    'x-request-id': 'req_123',
  };
}

describe('exposeHeaders', () => {
  it('unwraps secrets and copies plain strings for the wire', () => {
    expect(exposeHeaders(buildHeaders())).toEqual({
      'content-type': 'application/json',
      authorization: `Bearer ${CANARY}`,
      'x-api-key': CANARY,
      'x-request-id': 'req_123',
    });
  });

  it('returns a new object and leaves the input wrapped', () => {
    const headers = buildHeaders();
    const exposed = exposeHeaders(headers);
    expect(exposed).not.toBe(headers);
    expect(headers['authorization']).toBeInstanceOf(Secret);
    expect(JSON.stringify(headers).includes(CANARY)).toBe(false);
  });

  it('handles an empty header set', () => {
    expect(exposeHeaders({})).toEqual({});
  });

  it('keeps a header named __proto__ as data', () => {
    const headers = JSON.parse('{"__proto__":"x"}') as MaskableHeaders;
    const exposed = exposeHeaders(headers);
    expect(Object.getPrototypeOf(exposed)).toBe(Object.prototype);
    expect(Object.keys(exposed)).toEqual(['__proto__']);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['number', 42],
    ['Secret<number>', new Secret(4242)],
    ['object', { token: CANARY }],
  ])('throws a TypeError naming the header, not the value, for a %s', (_kind, value) => {
    const headers = { 'x-bad': value } as unknown as MaskableHeaders;
    expect(() => exposeHeaders(headers)).toThrow(new TypeError('Header "x-bad" must be a string or a Secret<string>'));
  });
});

describe('maskHeaders', () => {
  it('masks secrets with their strategy and keeps plain strings as is', () => {
    expect(maskHeaders(buildHeaders())).toEqual({
      'content-type': 'application/json',
      authorization: DEFAULT_MASK,
      'x-api-key': '*** ApiKey ***',
      'x-request-id': 'req_123',
    });
  });

  it('is safe to log by any means', () => {
    const masked = maskHeaders(buildHeaders());
    expect(JSON.stringify(masked).includes(CANARY)).toBe(false);
    expect(util.inspect(masked, { depth: null, showHidden: true }).includes(CANARY)).toBe(false);
    expect(util.format('%o %j', masked, masked).includes(CANARY)).toBe(false);
  });

  it('renders unexpected runtime values as the mask and never throws', () => {
    const headers = { a: undefined, b: 42, c: { token: CANARY }, d: 'ok' } as unknown as MaskableHeaders;
    expect(maskHeaders(headers)).toEqual({ a: DEFAULT_MASK, b: DEFAULT_MASK, c: DEFAULT_MASK, d: 'ok' });
  });

  it('does not mutate its input', () => {
    const headers = buildHeaders();
    const before = Object.entries(headers);
    maskHeaders(headers);
    const after = Object.entries(headers);
    expect(after.map(([name]) => name)).toEqual(before.map(([name]) => name));
    after.forEach(([, value], index) => expect(value).toBe(before[index]?.[1]));
    expect((headers['authorization'] as Secret<string>).expose()).toBe(`Bearer ${CANARY}`);
  });
});
