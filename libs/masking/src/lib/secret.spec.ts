import { Console } from 'node:console';
import * as util from 'node:util';
import { DEFAULT_MASK, Secret, isSecret, type MaskingStrategy } from './secret';

const CANARY = 'CANARY_s3cr3t_4242';

/** Fails with a short message (never printing the haystack's secret) when the canary shows up. */
function expectNoCanary(rendered: unknown): void {
  const text = typeof rendered === 'string' ? rendered : util.inspect(rendered, { depth: null, showHidden: true });
  expect(text.includes(CANARY)).toBe(false);
  // Partial leaks: a distinctive fragment of the canary must not show either.
  expect(text.includes('s3cr3t')).toBe(false);
}

describe('Secret', () => {
  let secret: Secret<string>;

  beforeEach(() => {
    secret = new Secret(CANARY);
  });

  describe('reveals only through peek() and expose()', () => {
    it('peek and expose return the raw value', () => {
      expect(secret.peek()).toBe(CANARY);
      expect(secret.expose()).toBe(CANARY);
    });

    it('masked() renders the default mask', () => {
      expect(secret.masked()).toBe(DEFAULT_MASK);
      expect(DEFAULT_MASK).toBe('*** Secret ***');
    });

    it('isSecret tells secrets from everything else', () => {
      expect(isSecret(secret)).toBe(true);
      expect(isSecret(CANARY)).toBe(false);
      expect(isSecret({ masked: () => DEFAULT_MASK })).toBe(false);
      expect(isSecret(null)).toBe(false);
      expect(isSecret(undefined)).toBe(false);
    });
  });

  describe('string coercion', () => {
    it.each<[string, (s: Secret<string>) => unknown]>([
      ['String(s)', (s) => String(s)],
      ['template literal', (s) => `value=${s}`],
      ["'' + s", (s) => '' + s],
      ['s + 1', (s) => (s as unknown as string) + 1],
      ['s.toString()', (s) => s.toString()],
      ['s.toLocaleString()', (s) => s.toLocaleString()],
      ['[s].join()', (s) => [s, s].join(',')],
      ['String([s])', (s) => String([s])],
      ['new String(s)', (s) => new String(s).valueOf()],
      ['encodeURIComponent', (s) => encodeURIComponent(s as unknown as string)],
      ['Buffer.from', (s) => Buffer.from(s as unknown as string).toString('utf8')],
      ['TextEncoder', (s) => new TextDecoder().decode(new TextEncoder().encode(s as unknown as string))],
      ['URLSearchParams', (s) => new URLSearchParams({ q: s as unknown as string }).toString()],
      ['String.prototype.concat', (s) => 'a'.concat(s as unknown as string)],
      ['Object.prototype.toString', (s) => Object.prototype.toString.call(s)],
    ])('%s does not reveal the value', (_name, render) => {
      const rendered = render(secret);
      expectNoCanary(rendered);
    });

    it('renders exactly the mask when coerced', () => {
      expect(String(secret)).toBe(DEFAULT_MASK);
      expect(`${secret}`).toBe(DEFAULT_MASK);
      expect('' + secret).toBe(DEFAULT_MASK);
    });

    it('loose equality with the raw value is false', () => {
      const loose = (a: unknown, b: unknown): boolean => a == b;
      expect(loose(secret, CANARY)).toBe(false);
      expect(loose(secret, DEFAULT_MASK)).toBe(true);
    });

    it('numeric coercion yields NaN, not the value', () => {
      expect(Number(new Secret('4242'))).toBeNaN();
      expect(+(new Secret('4242') as unknown as string)).toBeNaN();
    });
  });

  describe('JSON.stringify', () => {
    it('renders the mask at top level and as a property', () => {
      expect(JSON.stringify(secret)).toBe(JSON.stringify(DEFAULT_MASK));
      expect(JSON.stringify({ s: secret })).toBe('{"s":"*** Secret ***"}');
    });

    it('masks secrets nested in arrays and objects', () => {
      const payload = { a: [secret, { b: [[secret]] }], c: { d: { e: secret } } };
      const json = JSON.stringify(payload);
      expectNoCanary(json);
      expect(JSON.parse(json)).toEqual({
        a: [DEFAULT_MASK, { b: [[DEFAULT_MASK]] }],
        c: { d: { e: DEFAULT_MASK } },
      });
    });

    it('masks with indentation and even when a replacer tries to unwrap (toJSON runs first)', () => {
      expectNoCanary(JSON.stringify({ s: secret }, null, 2));
      const unwrap = (_key: string, value: unknown): unknown => (isSecret(value) ? value.expose() : value);
      expect(JSON.stringify({ s: secret }, unwrap)).toBe('{"s":"*** Secret ***"}');
    });

    it('masks secrets whose value is an object', () => {
      const card = new Secret({ pan: CANARY, cvv: '123' });
      expect(JSON.stringify({ card })).toBe('{"card":"*** Secret ***"}');
    });
  });

  describe('util.inspect and util.format', () => {
    it('inspect renders the mask', () => {
      expect(util.inspect(secret)).toBe(DEFAULT_MASK);
    });

    it.each<[string, util.InspectOptions | undefined]>([
      ['default options', undefined],
      ['depth null + showHidden', { depth: null, showHidden: true }],
      ['colors + getters', { colors: true, getters: true, depth: Infinity }],
      ['customInspect false', { customInspect: false, showHidden: true, depth: null }],
      ['showProxy', { showProxy: true, showHidden: true }],
    ])('inspect with %s does not reveal top-level or nested secrets', (_name, options) => {
      const nested = { level1: { level2: { level3: [secret, new Map([['k', secret]]), new Set([secret])] } } };
      expectNoCanary(util.inspect(secret, options));
      expectNoCanary(util.inspect(nested, options));
      expectNoCanary(util.inspect(new Proxy(secret, {}), options));
    });

    it('format with %s %o %O %j %d %i does not reveal the value', () => {
      const formatted = util.format('%s %o %O %j %d %i', secret, secret, { s: secret }, { s: secret }, secret, secret);
      expectNoCanary(formatted);
      expect(formatted).toContain(DEFAULT_MASK);
    });

    it('format without placeholders does not reveal the value', () => {
      expectNoCanary(util.format('card', secret, [secret], { secret }));
    });
  });

  describe('console', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('console.log/error/warn/info/debug/dir write only the mask to stdout and stderr', () => {
      const written: string[] = [];
      const capture = (chunk: unknown): boolean => {
        written.push(String(chunk));
        return true;
      };
      jest.spyOn(process.stdout, 'write').mockImplementation(capture);
      jest.spyOn(process.stderr, 'write').mockImplementation(capture);
      // A real Node console bound to the process streams (jest replaces the global one).
      const nodeConsole = new Console(process.stdout, process.stderr);

      nodeConsole.log('payment', secret, { nested: [secret] });
      nodeConsole.error('failed: %s', secret, new Error(`boom ${secret}`));
      nodeConsole.warn('%o', { s: secret });
      nodeConsole.info('%O', secret);
      nodeConsole.debug('%j', { s: secret });
      nodeConsole.dir({ s: secret }, { depth: null, showHidden: true });
      nodeConsole.dir(secret, { showHidden: true });

      expect(written.length).toBeGreaterThanOrEqual(7);
      expectNoCanary(written.join(''));
      expect(written.join('')).toContain(DEFAULT_MASK);
    });

    it('the global console formats secrets as the mask', () => {
      const lines: string[] = [];
      const record = (...args: unknown[]): void => {
        lines.push(util.format(...args));
      };
      jest.spyOn(console, 'log').mockImplementation(record);
      jest.spyOn(console, 'error').mockImplementation(record);

      console.log('key', secret);
      console.error('%s / %o', secret, { s: secret });

      expect(lines).toEqual(['key *** Secret ***', '*** Secret *** / { s: *** Secret *** }']);
    });
  });

  describe('reflection and copying', () => {
    it('exposes no own keys', () => {
      expect(Object.keys(secret)).toEqual([]);
      expect(Object.entries(secret)).toEqual([]);
      expect(Object.values(secret)).toEqual([]);
      expect(Object.getOwnPropertyNames(secret)).toEqual([]);
      expect(Reflect.ownKeys(secret)).toEqual([]);
      expectNoCanary(JSON.stringify(Object.getOwnPropertyDescriptors(secret)));
    });

    it('for...in enumerates nothing that holds the value', () => {
      const seen: unknown[] = [];
      for (const key in secret) seen.push(key, (secret as unknown as Record<string, unknown>)[key]);
      expectNoCanary(util.inspect(seen));
    });

    it('spreading and Object.assign copy nothing', () => {
      const spread = { ...secret };
      expect(spread).toEqual({});
      expectNoCanary(spread);
      expect(Object.assign({}, secret)).toEqual({});
    });

    it('structuredClone throws or loses the value', () => {
      let cloned: unknown;
      try {
        cloned = structuredClone(secret);
      } catch (error) {
        cloned = error;
      }
      expectNoCanary(cloned);
      expectNoCanary(JSON.stringify(cloned ?? null));
      expect(isSecret(cloned)).toBe(false);

      let nestedClone: unknown;
      try {
        nestedClone = structuredClone({ wrapper: [secret] });
      } catch (error) {
        nestedClone = error;
      }
      expectNoCanary(nestedClone);
    });

    it('a private field cannot be read from outside', () => {
      expect((secret as unknown as Record<string, unknown>)['value']).toBeUndefined();
      expect((secret as unknown as Record<string, unknown>)['#value']).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('an Error whose message was built with the secret does not carry it', () => {
      const error = new Error(`charge failed for key ${secret}`);
      expect(error.message).toBe('charge failed for key *** Secret ***');
      expectNoCanary(error.message);
      expectNoCanary(error.stack);
      expectNoCanary(util.inspect(error));
      expectNoCanary(String(error));
    });

    it('a secret as an error cause or property is masked when the error is inspected', () => {
      const error = Object.assign(new Error('declined', { cause: secret }), { apiKey: secret });
      expectNoCanary(util.inspect(error, { depth: null, showHidden: true }));
      expectNoCanary(JSON.stringify(error));
    });

    it('a thrown secret stays masked', () => {
      let caught: unknown;
      try {
        throw secret;
      } catch (error) {
        caught = error;
      }
      expectNoCanary(String(caught));
      expectNoCanary(util.inspect(caught));
    });
  });

  describe('strategies', () => {
    it('renders with the given strategy', () => {
      const lastFour: MaskingStrategy<string> = (value) => `****${value.slice(-4)}`;
      const pan = new Secret('4111111111111111', lastFour);
      expect(String(pan)).toBe('****1111');
      expect(JSON.stringify({ pan })).toBe('{"pan":"****1111"}');
      expect(util.inspect(pan)).toBe('****1111');
    });

    it('fails closed when the strategy throws (the error, which could quote the value, is swallowed)', () => {
      const throwing: MaskingStrategy<string> = (value) => {
        throw new Error(`cannot mask ${value}`);
      };
      const s = new Secret(CANARY, throwing);
      expect(s.masked()).toBe(DEFAULT_MASK);
      expect(`${s}`).toBe(DEFAULT_MASK);
      expect(JSON.stringify(s)).toBe(JSON.stringify(DEFAULT_MASK));
    });

    it('fails closed when the strategy returns a non-string', () => {
      const returnsValue = ((value: unknown) => ({ value })) as unknown as MaskingStrategy<string>;
      const s = new Secret(CANARY, returnsValue);
      expect(s.masked()).toBe(DEFAULT_MASK);
      expectNoCanary(util.inspect({ s }));
    });
  });

  describe('typing', () => {
    it('a secret of a literal type is usable where Secret<string> is expected (covariance)', () => {
      const literal = 'sk_live_literal' as const;
      const wide: Secret<string> = new Secret(literal, (value: 'sk_live_literal') => `${value.length} chars`);
      const list: Secret<string>[] = [new Secret(literal), wide];
      expect(list.map((s) => s.masked())).toEqual([DEFAULT_MASK, '15 chars']);
    });

    it('a strategy is called without the Secret as `this`', () => {
      const receivers: unknown[] = [];
      function strategy(this: unknown): string {
        receivers.push(this);
        return 'masked';
      }
      const s = new Secret(CANARY, strategy);
      expect(s.masked()).toBe('masked');
      expect(receivers).toHaveLength(1);
      expect(isSecret(receivers[0])).toBe(false);
    });
  });

  describe('map', () => {
    it('keeps the result wrapped and masked by default', () => {
      const upper = secret.map((value) => value.toUpperCase());
      expect(isSecret(upper)).toBe(true);
      expect(upper.expose()).toBe(CANARY.toUpperCase());
      expect(String(upper)).toBe(DEFAULT_MASK);
    });

    it('uses the strategy passed to map, and does not reuse the original one', () => {
      const original = new Secret('abcdef', (value) => `…${value.slice(-2)}`);
      expect(original.masked()).toBe('…ef');
      expect(original.map((value) => value.length).masked()).toBe(DEFAULT_MASK);
      expect(original.map((value) => value.length, (n) => `${n} chars`).masked()).toBe('6 chars');
    });
  });
});
