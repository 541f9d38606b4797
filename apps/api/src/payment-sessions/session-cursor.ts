import { InvalidInputError } from '../errors/app-errors';

/** Opaque Relay cursor: base64url of `<createdAt ISO>|<id>`. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor from {@link encodeCursor}; anything else is a BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (id === undefined || !UUID.test(id) || Number.isNaN(createdAt.getTime())) throw new InvalidInputError('INVALID_CURSOR', 'after', 'after is not a cursor returned by paymentSessions');
  return { createdAt, id };
}

/** Whether a string is a UUID (session ids are); other ids simply match nothing. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
