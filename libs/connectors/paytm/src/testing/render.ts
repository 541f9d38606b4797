import { inspect } from 'node:util';

/**
 * Everything a value can leak through: `util.inspect`, `JSON.stringify`, `String()`, and for
 * errors their message and stack. Specs assert that secrets appear in none of it.
 */
export function renderEverywhere(value: unknown): string {
  let json = '';
  try {
    json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    json = '';
  }
  const error = value instanceof Error ? `${value.message} ${String(value.stack)} ${String(value)}` : '';
  return `${inspect(value, { depth: null, showHidden: true })} ${json} ${error}`;
}
