import { inspect } from 'node:util';

/**
 * Renders a secret for humans and logs. Never returns the raw value unless the strategy chooses to reveal part of it.
 *
 * A strategy must be a pure function of the value. If it throws or returns something other than a string,
 * {@link Secret.masked} falls back to {@link DEFAULT_MASK} (fail closed), so a faulty strategy can neither
 * leak the value through an error message nor break a log line.
 *
 * @example
 * const lastFour: MaskingStrategy<string> = (v) => `****${v.slice(-4)}`;
 * new Secret('4111111111111111', lastFour).masked(); // '****1111'
 */
export type MaskingStrategy<T> = (value: T) => string;

/** The mask every secret prints as when no strategy is given. */
export const DEFAULT_MASK = '*** Secret ***';

const defaultStrategy: MaskingStrategy<unknown> = () => DEFAULT_MASK;

/**
 * The stored strategy, typed with method syntax so it is checked bivariantly: that keeps `Secret<T>`
 * covariant like the value it holds (a `Secret<'sk_live'>` is a `Secret<string>`).
 */
type StoredStrategy<T> = { render(value: T): string }['render'];

/**
 * A value that must not leak into logs, error messages or JSON output.
 *
 * `String(secret)`, template literals, `JSON.stringify`, `util.inspect` and `console.log`
 * all render the mask (or the strategy's partial rendering). The raw value is reachable only
 * through {@link Secret.peek} (borrow, e.g. to compute a checksum) or {@link Secret.expose}
 * (hand it to the wire); grep for those two calls to audit every place a secret is used.
 *
 * The value lives in an ECMAScript private field, so it is invisible to `Object.keys`, spreading,
 * `structuredClone`, `util.inspect(…, { customInspect: false, showHidden: true })` and reflection.
 *
 * @example
 * const key = new Secret('sk_live_123');
 * `${key}`;              // '*** Secret ***'
 * JSON.stringify({ key }); // '{"key":"*** Secret ***"}'
 * key.expose();          // 'sk_live_123'
 */
export class Secret<T = string> {
  readonly #value: T;
  readonly #strategy: StoredStrategy<T>;

  /**
   * Wraps `value`.
   *
   * @param value - The raw secret.
   * @param strategy - How the secret renders in logs; defaults to {@link DEFAULT_MASK}.
   */
  constructor(value: T, strategy: MaskingStrategy<T> = defaultStrategy) {
    this.#value = value;
    this.#strategy = strategy;
  }

  /**
   * Borrows the raw value for a local computation (signing, hashing, comparison).
   * One of the only two calls that reveal the value: review every use.
   */
  peek(): T {
    return this.#value;
  }

  /**
   * Returns the raw value to hand it to the wire or to encrypted storage.
   * One of the only two calls that reveal the value: review every use.
   */
  expose(): T {
    return this.#value;
  }

  /**
   * Transforms the raw value, keeping the result wrapped. The result renders with `strategy`
   * when given, otherwise with {@link DEFAULT_MASK} (the original strategy is never reused,
   * because it was written for the old value's shape).
   *
   * @example
   * const pan = new Secret('4111 1111 1111 1111');
   * const digits = pan.map((v) => v.replace(/\D/g, ''), maskPan);
   */
  map<U>(fn: (value: T) => U, strategy?: MaskingStrategy<U>): Secret<U> {
    return new Secret(fn(this.#value), strategy);
  }

  /** The masked rendering of this secret ({@link DEFAULT_MASK} if the strategy throws or returns a non-string). */
  masked(): string {
    try {
      const strategy = this.#strategy; // called detached: a strategy gets the value, never the Secret as `this`
      const rendered: unknown = strategy(this.#value);
      return typeof rendered === 'string' ? rendered : DEFAULT_MASK;
    } catch {
      return DEFAULT_MASK;
    }
  }

  /** Same as {@link Secret.masked}; used by `String(secret)` and string concatenation. */
  toString(): string {
    return this.masked();
  }

  /** Same as {@link Secret.masked}; used by `JSON.stringify` (before any replacer runs). */
  toJSON(): string {
    return this.masked();
  }

  /** Same as {@link Secret.masked}; used by template literals, `+` and `==`. */
  [Symbol.toPrimitive](): string {
    return this.masked();
  }

  /** Same as {@link Secret.masked}; used by `util.inspect`, `util.format` and `console.*`. */
  [inspect.custom](): string {
    return this.masked();
  }
}

/**
 * Type guard for {@link Secret}.
 *
 * @example
 * isSecret(new Secret('x')); // true
 * isSecret('x');             // false
 */
export function isSecret(value: unknown): value is Secret<unknown> {
  return value instanceof Secret;
}
