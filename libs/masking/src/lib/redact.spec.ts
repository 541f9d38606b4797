import * as util from 'node:util';
import { redact, redactKeys, type RedactedValue } from './redact';
import { DEFAULT_MASK, Secret } from './secret';
import { maskPan } from './strategies';

const CANARY = 'CANARY_s3cr3t_4242';

/** `{ child: { child: … { leaf } } }` with `levels` wrappers around the leaf object. */
function nest(levels: number, leaf: unknown = { leaf: 'bottom' }): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level += 1) value = { child: value };
  return value;
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value === 'object' && value !== null && !seen.has(value) && !(value instanceof Secret)) {
    seen.add(value);
    Object.values(value).forEach((child) => deepFreeze(child, seen));
    Object.freeze(value);
  }
  return value;
}

function expectJsonSafe(value: RedactedValue): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('redact', () => {
  describe('secrets', () => {
    it('masks a Secret at the root', () => {
      expect(redact(new Secret(CANARY))).toBe(DEFAULT_MASK);
    });

    it('masks secrets anywhere in the structure, using their strategy', () => {
      const input = {
        a: new Secret(CANARY),
        list: [new Secret(CANARY), { deep: [new Secret('4242424242424242', maskPan)] }],
        map: new Map([['k', new Secret(CANARY)]]),
        set: new Set([new Secret(CANARY)]),
        error: new Error('declined', { cause: new Secret(CANARY) }),
      };
      const result = redact(input);
      expect(result).toEqual({
        a: DEFAULT_MASK,
        list: [DEFAULT_MASK, { deep: ['424242******4242'] }],
        map: { k: DEFAULT_MASK },
        set: [DEFAULT_MASK],
        error: { name: 'Error', message: 'declined', cause: DEFAULT_MASK },
      });
      expect(JSON.stringify(result).includes(CANARY)).toBe(false);
      expect(util.inspect(result, { depth: null }).includes(CANARY)).toBe(false);
    });
  });

  describe('sensitive keys', () => {
    it.each([
      'password',
      'Password',
      'PASSWORD',
      'newPassword',
      'secret',
      'client_secret',
      'merchantSecret',
      'token',
      'accessToken',
      'REFRESH_TOKEN',
      'apikey',
      'apiKey',
      'API_KEY',
      'api-key',
      'Api-Key',
      'authorization',
      'Authorization',
      'proxy-authorization',
      'signature',
      'X-Signature',
      'checksum',
      'CHECKSUMHASH',
      'cookie',
      'Set-Cookie',
      'merchant_key',
      'merchantKey',
      'MERCHANT_KEY',
      'x-connector-config',
      'X-Connector-Config',
      'x-api-key',
      'X-API-KEY',
      'cvv',
      'CVV2',
      'card_cvc',
      'card_number',
      'cardNumber',
      'CardNumber',
      'privateKey',
    ])('redacts the value under %j', (key) => {
      expect(redact({ [key]: CANARY, keep: 'visible' })).toEqual({ [key]: '[REDACTED]', keep: 'visible' });
    });

    it.each<[string, unknown]>([
      ['object', { nested: CANARY }],
      ['array', [CANARY]],
      ['number', 4242],
      ['Secret with a revealing strategy', new Secret('4242424242424242', maskPan)],
      ['null', null],
      ['Map', new Map([['v', CANARY]])],
    ])('redacts a sensitive key whatever its value type (%s)', (_kind, value) => {
      expect(redact({ cardNumber: value })).toEqual({ cardNumber: '[REDACTED]' });
    });

    it('keeps non-sensitive keys', () => {
      const input = { merchantId: 'm_1', amount: 1099, currency: 'INR', status: 'ok', email: 'a@b.co', keyId: 'k_1' };
      expect(redact(input)).toEqual(input);
    });

    it('redacts sensitive keys in nested objects, arrays and Maps', () => {
      const input = {
        request: { headers: { Authorization: `Bearer ${CANARY}`, 'content-type': 'application/json' } },
        attempts: [{ token: CANARY, n: 1 }],
        config: new Map<string, unknown>([
          ['x-api-key', CANARY],
          ['region', 'in'],
        ]),
      };
      const result = redact(input);
      expect(result).toEqual({
        request: { headers: { Authorization: '[REDACTED]', 'content-type': 'application/json' } },
        attempts: [{ token: '[REDACTED]', n: 1 }],
        config: { 'x-api-key': '[REDACTED]', region: 'in' },
      });
      expect(JSON.stringify(result).includes(CANARY)).toBe(false);
    });

    it('adds options.sensitiveKeys to the defaults, matched case-insensitively', () => {
      const input = { vpa: 'name@paytm', customerEmail: 'a@b.co', password: CANARY, amount: 1 };
      expect(redact(input, { sensitiveKeys: ['VPA', 'customer-email'] })).toEqual({
        vpa: '[REDACTED]',
        customerEmail: '[REDACTED]',
        password: '[REDACTED]',
        amount: 1,
      });
    });

    it('ignores empty extra keys instead of redacting everything', () => {
      expect(redact({ amount: 1 }, { sensitiveKeys: ['', '--', '_'] })).toEqual({ amount: 1 });
    });

    it('does not read the value behind a sensitive key (no getter runs)', () => {
      const getter = jest.fn(() => CANARY);
      const input = Object.defineProperty({}, 'apiKey', { get: getter, enumerable: true });
      expect(redact(input)).toEqual({ apiKey: '[REDACTED]' });
      expect(getter).not.toHaveBeenCalled();
    });

    it('redacts the value of a sensitive string key in a Map with non-string keys', () => {
      const objectKey = { id: 1 };
      const result = redact(
        new Map<unknown, unknown>([
          [objectKey, 'object-keyed'],
          ['token', CANARY],
        ]),
      );
      expect(result).toEqual([
        [{ id: 1 }, 'object-keyed'],
        ['token', '[REDACTED]'],
      ]);
    });
  });

  describe('redactKeys', () => {
    it('is a frozen list holding the documented defaults', () => {
      expect(Object.isFrozen(redactKeys)).toBe(true);
      expect(redactKeys).toEqual(
        expect.arrayContaining([
          'password',
          'secret',
          'token',
          'apikey',
          'api_key',
          'api-key',
          'authorization',
          'signature',
          'checksum',
          'cookie',
          'merchant_key',
          'merchantKey',
          'x-connector-config',
          'x-api-key',
          'cvv',
          'card_number',
          'cardNumber',
        ]),
      );
    });
  });

  describe('value types', () => {
    it('renders Dates as ISO strings', () => {
      expect(redact({ at: new Date('2024-01-02T03:04:05.678Z') })).toEqual({ at: '2024-01-02T03:04:05.678Z' });
      expect(redact(new Date(Number.NaN))).toBe('Invalid Date');
    });

    it('renders bigint as a decimal string', () => {
      expect(redact({ amount: 12345678901234567890n, neg: -1n })).toEqual({
        amount: '12345678901234567890',
        neg: '-1',
      });
    });

    it('renders non-finite numbers, symbols and functions as strings', () => {
      expect(
        redact({ nan: Number.NaN, inf: Number.POSITIVE_INFINITY, sym: Symbol('tag'), fn: () => CANARY }),
      ).toEqual({ nan: 'NaN', inf: 'Infinity', sym: 'Symbol(tag)', fn: '[Function]' });
    });

    it('follows JSON for undefined: omitted in objects, null in arrays and at the root', () => {
      expect(redact({ a: undefined, b: 1 })).toEqual({ b: 1 });
      expect(Object.keys(redact({ a: undefined, b: 1 }) as object)).toEqual(['b']);
      expect(redact([undefined, 1])).toEqual([null, 1]);
      expect(redact(undefined)).toBeNull();
      const sparse: number[] = [1];
      sparse[2] = 3;
      expect(redact(sparse)).toEqual([1, null, 3]);
    });

    it('keeps primitives as they are', () => {
      expect(redact('plain')).toBe('plain');
      expect(redact(42)).toBe(42);
      expect(redact(false)).toBe(false);
      expect(redact(null)).toBeNull();
    });

    it('renders a Map with string or number keys as an object', () => {
      expect(
        redact(
          new Map<string | number, unknown>([
            ['a', 1],
            [2, new Secret(CANARY)],
          ]),
        ),
      ).toEqual({ a: 1, 2: DEFAULT_MASK });
    });

    it('renders a Set as an array', () => {
      expect(redact(new Set([1, 'two', { three: 3n }]))).toEqual([1, 'two', { three: '3' }]);
    });

    it('summarises binary data instead of dumping bytes', () => {
      expect(redact({ key: Buffer.from(CANARY), raw: new Uint8Array(3), ab: new ArrayBuffer(8) })).toEqual({
        key: '[Binary: 18 bytes]',
        raw: '[Binary: 3 bytes]',
        ab: '[Binary: 8 bytes]',
      });
    });

    it('uses toJSON of other objects and redacts its result', () => {
      class Money {
        toJSON(): unknown {
          return { minor: 1099n, token: CANARY };
        }
      }
      expect(redact({ url: new URL('https://pay.example.com/v1?x=1'), money: new Money() })).toEqual({
        url: 'https://pay.example.com/v1?x=1',
        money: { minor: '1099', token: '[REDACTED]' },
      });
    });

    it('keeps a __proto__ key as data', () => {
      const input = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown;
      const result = redact(input) as Record<string, unknown>;
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(Object.keys(result)).toEqual(['__proto__', 'a']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('renders properties whose getter throws as [Unreadable] and unreadable containers likewise', () => {
      const input = Object.defineProperty({ ok: 1 }, 'bad', {
        get: () => {
          throw new Error(CANARY);
        },
        enumerable: true,
      });
      expect(redact(input)).toEqual({ ok: 1, bad: '[Unreadable]' });

      const hostile = new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error(CANARY);
          },
        },
      );
      expect(redact({ hostile })).toEqual({ hostile: '[Unreadable]' });
    });

    it('always returns JSON-safe output', () => {
      const result = redact({
        a: 1n,
        b: new Date(0),
        c: new Map([['x', new Set([1])]]),
        d: Number.NaN,
        e: new Secret(CANARY),
        f: [undefined],
      });
      expectJsonSafe(result);
    });
  });

  describe('errors', () => {
    it('renders name, message and code, without stack by default', () => {
      const error = Object.assign(new TypeError('bad input'), { code: 'E_INPUT' });
      expect(redact(error)).toEqual({ name: 'TypeError', message: 'bad input', code: 'E_INPUT' });
    });

    it('includes the stack only with includeStack', () => {
      const error = new Error('with stack');
      const result = redact(error, { includeStack: true }) as Record<string, unknown>;
      expect(result['stack']).toBe(error.stack);
      expect(Object.keys(redact(error) as object)).not.toContain('stack');
    });

    it('drops other error properties (often whole requests) and redacts the cause', () => {
      const error = Object.assign(new Error('connector failed', { cause: { token: CANARY, status: 401 } }), {
        config: { headers: { 'x-custom': CANARY } },
        response: { body: CANARY },
      });
      const result = redact({ error });
      expect(result).toEqual({
        error: { name: 'Error', message: 'connector failed', cause: { token: '[REDACTED]', status: 401 } },
      });
      expect(JSON.stringify(result).includes(CANARY)).toBe(false);
    });

    it('keeps a secret interpolated into the message masked', () => {
      const error = new Error(`auth failed with ${new Secret(CANARY)}`);
      expect(redact(error)).toEqual({ name: 'Error', message: 'auth failed with *** Secret ***' });
    });

    it('keeps custom error names and non-string codes', () => {
      class GatewayError extends Error {
        override name = 'GatewayError';
        readonly code = 502;
      }
      expect(redact(new GatewayError('upstream'))).toEqual({ name: 'GatewayError', message: 'upstream', code: 502 });
    });
  });

  describe('cycles', () => {
    it('replaces a self reference with [Circular]', () => {
      const input: Record<string, unknown> = { name: 'root' };
      input['self'] = input;
      expect(redact(input)).toEqual({ name: 'root', self: '[Circular]' });
    });

    it('detects cycles through arrays, Maps, Sets and error causes', () => {
      const list: unknown[] = [1];
      list.push(list);
      const map = new Map<string, unknown>();
      map.set('me', map);
      const set = new Set<unknown>();
      set.add(set);
      const error = new Error('loop');
      (error as Error & { cause: unknown }).cause = error;
      expect(redact({ list, map, set, error })).toEqual({
        list: [1, '[Circular]'],
        map: { me: '[Circular]' },
        set: ['[Circular]'],
        error: { name: 'Error', message: 'loop', cause: '[Circular]' },
      });
    });

    it('renders a shared (non-circular) reference everywhere it appears', () => {
      const shared = { id: 1 };
      expect(redact({ a: shared, b: [shared, shared] })).toEqual({ a: { id: 1 }, b: [{ id: 1 }, { id: 1 }] });
    });
  });

  describe('depth', () => {
    it('renders 10 levels below the root by default and cuts the 11th', () => {
      expect(redact(nest(10))).toEqual(nest(10));
      expect(redact(nest(11))).toEqual(nest(11, '[MaxDepth]'));
    });

    it('honours options.maxDepth like util.inspect depth', () => {
      expect(redact(nest(3), { maxDepth: 2 })).toEqual(nest(3, '[MaxDepth]'));
      expect(util.inspect(nest(3), { depth: 2 })).toBe('{ child: { child: { child: [Object] } } }');
      expect(redact({ a: 1, b: [1], c: {} }, { maxDepth: 0 })).toEqual({ a: 1, b: '[MaxDepth]', c: '[MaxDepth]' });
      expect(redact(nest(50), { maxDepth: Number.POSITIVE_INFINITY })).toEqual(nest(50));
    });

    it('still masks secrets and keeps primitives at the depth limit', () => {
      expect(redact({ a: { s: new Secret(CANARY), n: 1, deeper: {} } }, { maxDepth: 1 })).toEqual({
        a: { s: DEFAULT_MASK, n: 1, deeper: '[MaxDepth]' },
      });
    });

    it.each([-1, Number.NaN])('rejects maxDepth %p with a RangeError', (maxDepth) => {
      expect(() => redact({}, { maxDepth })).toThrow(RangeError);
    });
  });

  describe('immutability', () => {
    function buildInput(): Record<string, unknown> {
      return {
        password: CANARY,
        secret: new Secret(CANARY),
        nested: { list: [1, { token: CANARY }], at: new Date(0), amount: 10n },
        map: new Map([['apiKey', CANARY]]),
        set: new Set(['a']),
        error: Object.assign(new Error('e'), { code: 'X' }),
      };
    }

    it('never mutates its input (even a frozen one) and returns fresh containers', () => {
      const input = deepFreeze(buildInput());
      const nested = input['nested'];
      const result = redact(input) as Record<string, unknown>;

      expect(input).toEqual(buildInput());
      expect(input['password']).toBe(CANARY);
      expect((input['secret'] as Secret<string>).expose()).toBe(CANARY);
      expect(input['nested']).toBe(nested);
      expect((input['map'] as Map<string, string>).get('apiKey')).toBe(CANARY);
      expect(result).not.toBe(input);
      expect(result['nested']).not.toBe(nested);
    });

    it('leaves an unfrozen input deep-equal to a fresh copy', () => {
      const input = buildInput();
      const before = util.inspect(input, { depth: null, showHidden: true });
      redact(input, { includeStack: true, sensitiveKeys: ['list'] });
      expect(input).toEqual(buildInput());
      expect(util.inspect(input, { depth: null, showHidden: true })).toBe(before);
    });
  });
});
