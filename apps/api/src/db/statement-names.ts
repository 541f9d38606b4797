import { createHash } from 'node:crypto';

/** Most distinct SQL texts named per process; past it, statements run unnamed (parsed each time). */
export const MAX_NAMED_STATEMENTS = 500;

/**
 * Names for Postgres prepared statements, derived from the SQL text, for `@prisma/adapter-pg`'s
 * `statementNameGenerator`. With a name, `pg` parses and plans a statement once per connection and
 * afterwards only binds and executes it: less SQL on the wire and no re-parse per request.
 *
 * The SQL text Prisma generates is stable per query shape (values are always parameters), but
 * `IN (...)` lists make one text per list length, so the set of names is capped: a text first seen
 * after the cap gets the empty name, which `pg` runs as an unnamed statement (as without a generator).
 */
export function createStatementNameGenerator(limit = MAX_NAMED_STATEMENTS): (query: { readonly sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return '';
    // 128 bits of SHA-256: a collision (two texts, one name) would make pg refuse the second text.
    const name = `p_${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
    names.set(sql, name);
    return name;
  };
}
