import { types } from 'node:util';
import { isSecret } from './secret';

/**
 * Key fragments whose values {@link redact} replaces with `'[REDACTED]'`.
 *
 * Matching is case-insensitive, ignores separators (`-`, `_`, `.`, spaces) and looks for the fragment
 * anywhere in the key, so `password` also catches `newPassword` and `api_key` also catches
 * `X-Api-Key` and `partnerApiKey`. `cvc` and `private_key` are included on top of the usual list
 * because connectors name card security codes `card_cvc` and signing keys `privateKey`.
 */
export const redactKeys: readonly string[] = Object.freeze([
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
  'cvc',
  'card_number',
  'cardNumber',
  'private_key',
  'privateKey',
]);

/** Options of {@link redact}. */
export interface RedactOptions {
  /** Extra key fragments treated as sensitive, matched like {@link redactKeys} (added to them, never replacing them). */
  readonly sensitiveKeys?: readonly string[];
  /**
   * How many levels of objects, arrays, maps, sets and errors below the root are rendered; deeper ones
   * become `'[MaxDepth]'` (same counting as `util.inspect`'s `depth`). Default 10; must be `>= 0`.
   */
  readonly maxDepth?: number;
  /** Include `Error#stack` in rendered errors. Default `false` (stacks are noisy and may quote values). */
  readonly includeStack?: boolean;
}

/** A JSON-safe value: what {@link redact} returns. `JSON.stringify` of it never throws. */
export type RedactedValue = string | number | boolean | null | RedactedValue[] | { [key: string]: RedactedValue };

const REDACTED = '[REDACTED]';
const CIRCULAR = '[Circular]';
const MAX_DEPTH = '[MaxDepth]';
const UNREADABLE = '[Unreadable]';
const DEFAULT_MAX_DEPTH = 10;

interface Context {
  readonly maxDepth: number;
  readonly includeStack: boolean;
  readonly fragments: readonly string[];
  /** Containers on the path from the root to the current value: a repeat is a cycle, a shared sibling is not. */
  readonly ancestors: Set<object>;
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const DEFAULT_FRAGMENTS: readonly string[] = [...new Set(redactKeys.map(normalizeKey))];

function isSensitiveKey(key: string, fragments: readonly string[]): boolean {
  const normalized = normalizeKey(key);
  return fragments.some((fragment) => normalized.includes(fragment));
}

/** Sets an own enumerable property, so a key like `__proto__` is data and never a prototype change. */
function define(target: Record<string, RedactedValue>, key: string, value: RedactedValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const unreadable = Symbol('unreadable');

/** Reads a property that may be a throwing getter or sit behind a throwing proxy. */
function read(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key);
  } catch {
    return unreadable;
  }
}

/**
 * Returns a JSON-safe deep copy of `value` fit for structured logs (the TypeScript form of
 * hyperswitch's `masked_serialize`). It never mutates its input and never throws on odd data.
 *
 * - every {@link Secret} becomes its masked string (`'*** Secret ***'` or its strategy's rendering);
 * - the value of every key matching {@link redactKeys} or `options.sensitiveKeys` becomes `'[REDACTED]'`,
 *   whatever its type (this wins over a Secret's partial rendering);
 * - `Date` becomes its ISO string (`'Invalid Date'` if invalid), `bigint` a decimal string,
 *   `NaN`/`Infinity` strings, symbols `'Symbol(desc)'`, functions `'[Function]'`;
 * - `Error` becomes `{ name, message, code?, cause?, stack? }`, each part redacted; other own
 *   properties of errors (often whole requests with headers) are dropped, the stack only with `includeStack`;
 * - `Map` becomes an object when all keys are strings or numbers, otherwise an array of `[key, value]`
 *   pairs; `Set` becomes an array; buffers and typed arrays become `'[Binary: N bytes]'`;
 * - other objects with `toJSON` (e.g. `URL`) are rendered from its result;
 * - `undefined` properties are omitted and `undefined` array items become `null`, as with `JSON.stringify`;
 * - cycles become `'[Circular]'`, containers deeper than `maxDepth` become `'[MaxDepth]'`, and
 *   properties whose getter throws become `'[Unreadable]'`.
 *
 * Free-form strings are copied as they are: a secret concatenated into a plain string before it
 * reaches `redact` cannot be recognised. Keep secrets wrapped in `Secret` until the wire.
 *
 * @throws RangeError if `options.maxDepth` is negative or NaN.
 *
 * @example
 * logger.info(redact({
 *   merchantId: 'm_123',
 *   apiKey: 'sk_live_abc',                       // -> '[REDACTED]'
 *   customer: { email: new Secret('a@b.co') },   // -> '*** Secret ***'
 *   amount: 1099n,                               // -> '1099'
 * }));
 */
export function redact(value: unknown, options: RedactOptions = {}): RedactedValue {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!(maxDepth >= 0)) {
    throw new RangeError(`redact: maxDepth must be a number >= 0, got ${String(maxDepth)}`);
  }
  const extra = (options.sensitiveKeys ?? []).map(normalizeKey).filter((fragment) => fragment.length > 0);
  const context: Context = {
    maxDepth,
    includeStack: options.includeStack === true,
    fragments: extra.length > 0 ? [...DEFAULT_FRAGMENTS, ...extra] : DEFAULT_FRAGMENTS,
    ancestors: new Set<object>(),
  };
  return walk(value, 0, context) ?? null;
}

/** `undefined` means "omit" (object property) or `null` (array item, root). */
function walk(value: unknown, depth: number, context: Context): RedactedValue | undefined {
  if (value === unreadable) return UNREADABLE;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'undefined':
      return undefined;
    case 'function':
      return '[Function]';
  }
  if (value === null || typeof value !== 'object') return null;
  if (isSecret(value)) return value.masked();
  if (types.isDate(value)) {
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
  }
  if (ArrayBuffer.isView(value) || types.isAnyArrayBuffer(value)) {
    return `[Binary: ${String(read(value, 'byteLength'))} bytes]`;
  }
  if (context.ancestors.has(value)) return CIRCULAR;
  if (depth > context.maxDepth) return MAX_DEPTH;

  context.ancestors.add(value);
  try {
    return walkContainer(value, depth, context);
  } catch {
    return UNREADABLE;
  } finally {
    context.ancestors.delete(value);
  }
}

function walkContainer(value: object, depth: number, context: Context): RedactedValue | undefined {
  const child = depth + 1;
  if (types.isNativeError(value) || value instanceof Error) return walkError(value, child, context);
  if (types.isMap(value)) return walkMap(value, child, context);
  if (types.isSet(value)) return Array.from(value, (item) => walk(item, child, context) ?? null);
  if (Array.isArray(value)) {
    const out: RedactedValue[] = [];
    for (let index = 0; index < value.length; index += 1) {
      out.push(walk(read(value, index), child, context) ?? null);
    }
    return out;
  }
  const toJSON = read(value, 'toJSON');
  if (typeof toJSON === 'function') {
    return walk(Reflect.apply(toJSON, value, ['']), child, context);
  }
  return walkEntries(Object.keys(value), (key) => read(value, key), child, context);
}

/** Renders keyed values into an object, redacting sensitive keys without even reading their value. */
function walkEntries(
  keys: readonly string[],
  valueOf: (key: string) => unknown,
  depth: number,
  context: Context,
): Record<string, RedactedValue> {
  const out: Record<string, RedactedValue> = {};
  for (const key of keys) {
    if (isSensitiveKey(key, context.fragments)) {
      define(out, key, REDACTED);
      continue;
    }
    const rendered = walk(valueOf(key), depth, context);
    if (rendered !== undefined) define(out, key, rendered);
  }
  return out;
}

function walkMap(map: Map<unknown, unknown>, depth: number, context: Context): RedactedValue {
  const entries = Array.from(map.entries());
  if (entries.every(([key]) => typeof key === 'string' || typeof key === 'number')) {
    const byKey = new Map(entries.map(([key, item]): [string, unknown] => [String(key), item]));
    return walkEntries([...byKey.keys()], (key) => byKey.get(key), depth, context);
  }
  return entries.map(([key, item]): RedactedValue[] => {
    const sensitive = typeof key === 'string' && isSensitiveKey(key, context.fragments);
    return [walk(key, depth, context) ?? null, sensitive ? REDACTED : (walk(item, depth, context) ?? null)];
  });
}

function walkError(error: object, depth: number, context: Context): Record<string, RedactedValue> {
  const out: Record<string, RedactedValue> = {};
  const part = (key: string): void => {
    const rendered = walk(read(error, key), depth, context);
    if (rendered !== undefined) define(out, key, rendered);
  };
  part('name');
  part('message');
  part('code');
  if ('cause' in error) part('cause');
  if (context.includeStack) part('stack');
  return out;
}
