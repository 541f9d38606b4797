import { InvalidInputError } from '../errors/app-errors';

const MAX_NAME_LENGTH = 100;
// Control characters (C0, DEL, C1: Unicode category Cc) and bidi overrides: names are shown in dashboards and logs.
const FORBIDDEN_NAME_CHARS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** A key or signing-key name: trimmed, 1–100 characters, no control characters. */
export function validateKeyName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidInputError('EMPTY', field, `${field} must not be empty`);
  if ([...trimmed].length > MAX_NAME_LENGTH) throw new InvalidInputError('TOO_LONG', field, `${field} must be at most ${MAX_NAME_LENGTH} characters`);
  if (FORBIDDEN_NAME_CHARS.test(trimmed)) throw new InvalidInputError('INVALID_CHARACTERS', field, `${field} must not contain control characters`);
  return trimmed;
}

/** An expiry in the future (or none). */
export function validateExpiry(expiresAt: Date | null | undefined, now: Date, field: string): Date | null {
  if (expiresAt == null) return null;
  if (Number.isNaN(expiresAt.getTime())) throw new InvalidInputError('INVALID_DATE', field, `${field} is not a valid date-time`);
  if (expiresAt.getTime() <= now.getTime()) throw new InvalidInputError('IN_THE_PAST', field, `${field} must be in the future`);
  return expiresAt;
}
