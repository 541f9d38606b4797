import { parseTree, type ParseError } from 'jsonc-parser';

/** Why {@link rawTopLevelMember} found no single member. */
export type RawMemberFailure =
  /** Not strict JSON (jsonc-parser's comments, trailing commas and extra whitespace are refused too). */
  | 'invalid_json'
  /** Valid JSON, but not an object. */
  | 'not_an_object'
  /** The object has no member with that key. */
  | 'missing'
  /** The object has the key more than once: which one a reader takes is parser-dependent, so neither is used. */
  | 'duplicate';

/** The exact source text of one top-level member, or why there is none. */
export type RawMemberResult = { readonly ok: true; readonly raw: string } | { readonly ok: false; readonly reason: RawMemberFailure };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/**
 * Returns the exact source text of a top-level member of a JSON object (e.g. the `body` a Paytm
 * signature covers): the value's characters as the sender wrote them, whitespace, key order and
 * escapes included, never a re-serialisation. Keys are compared after unescaping (`"b\u006fdy"` is
 * `body`). A key that appears more than once is refused (`duplicate`), since `JSON.parse` would keep
 * the last while the signer may have signed another.
 *
 * @param text - The whole JSON text, e.g. an HTTP response body.
 * @param key - The top-level member to find.
 * @example
 * rawTopLevelMember('{"head":{},"body": {"a" : 1}}', 'body'); // { ok: true, raw: '{"a" : 1}' }
 * rawTopLevelMember('{"body":1,"body":2}', 'body');            // { ok: false, reason: 'duplicate' }
 */
export function rawTopLevelMember(text: string, key: string): RawMemberResult {
  try {
    // jsonc-parser is lenient where JSON is not (e.g. it skips non-JSON whitespace); strict JSON first.
    JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  if (root === undefined || errors.length > 0) return { ok: false, reason: 'invalid_json' };
  if (root.type !== 'object') return { ok: false, reason: 'not_an_object' };
  const members = (root.children ?? []).filter((property) => property.type === 'property' && property.children?.[0]?.value === key);
  if (members.length === 0) return { ok: false, reason: 'missing' };
  if (members.length > 1) return { ok: false, reason: 'duplicate' };
  const value = members[0]?.children?.[1];
  if (value === undefined) return { ok: false, reason: 'invalid_json' };
  return { ok: true, raw: text.slice(value.offset, value.offset + value.length) };
}
