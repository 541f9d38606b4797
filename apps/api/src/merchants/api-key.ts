import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The two kinds of API key (same names as the `ApiKeyKind` database and GraphQL enums). */
export type ApiKeyKind = 'SECRET' | 'PUBLISHABLE';

const KEY_PREFIX: Record<ApiKeyKind, string> = { SECRET: 'sk_', PUBLISHABLE: 'pk_' };
/** Characters of a key kept for display: the kind marker and 7 random characters (42 of 256 bits). */
export const DISPLAY_PREFIX_LENGTH = 10;

/** A newly minted API key: shown once, then only its hash is kept. */
export interface NewApiKey {
  readonly apiKey: string;
  readonly hash: string;
  readonly prefix: string;
}

/** SHA-256 hex of an API key. Keys carry 256 random bits, so a fast hash is the right tool (no password stretching needed). */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** Mints a key `sk_<43 base64url chars>` (SECRET, the default) or `pk_<43 base64url chars>` (PUBLISHABLE). */
export function generateApiKey(kind: ApiKeyKind = 'SECRET'): NewApiKey {
  const apiKey = KEY_PREFIX[kind] + randomBytes(32).toString('base64url');
  return { apiKey, hash: hashApiKey(apiKey), prefix: apiKey.slice(0, DISPLAY_PREFIX_LENGTH) };
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Extracts the key from `Authorization: Bearer <key>`; undefined when the header is absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
