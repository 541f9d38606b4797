import { InvalidInputError } from '../errors/app-errors';
import { decodeCursor, encodeCursor, isUuid } from './session-cursor';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

function cursorError(cursor: string): InvalidInputError {
  try {
    decodeCursor(cursor);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(cursor)} to be refused`);
}

function raw(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('encodeCursor / decodeCursor', () => {
  it.each([
    new Date('2024-01-02T03:04:05.678Z'),
    new Date(0),
    new Date('1999-12-31T23:59:59.999Z'),
    new Date('2099-06-30T12:00:00.001Z'),
  ])('round-trips %s to the millisecond', (createdAt) => {
    const decoded = decodeCursor(encodeCursor(createdAt, ID));
    expect(decoded.id).toBe(ID);
    expect(decoded.createdAt.getTime()).toBe(createdAt.getTime());
    expect(decoded.createdAt.toISOString()).toBe(createdAt.toISOString());
  });

  it('keeps upper-case UUIDs as given', () => {
    expect(decodeCursor(encodeCursor(new Date(0), ID.toUpperCase())).id).toBe(ID.toUpperCase());
  });

  it('is opaque URL-safe base64 of "<ISO>|<id>"', () => {
    const cursor = encodeCursor(new Date('2024-01-02T03:04:05.678Z'), ID);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe(`2024-01-02T03:04:05.678Z|${ID}`);
  });

  it('orders distinct sessions into distinct cursors', () => {
    const at = new Date('2024-01-02T03:04:05.678Z');
    const other = '00000000-0000-4000-8000-000000000000';
    expect(encodeCursor(at, ID)).not.toBe(encodeCursor(at, other));
    expect(encodeCursor(at, ID)).not.toBe(encodeCursor(new Date(at.getTime() + 1), ID));
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not-a-cursor'],
    ['non-base64 characters', '%%%$$$***'],
    ['a bare UUID', ID],
    ['base64 of a bare UUID', raw(ID)],
    ['base64 of a bare date', raw('2024-01-02T03:04:05.678Z')],
    ['a non-UUID id', raw('2024-01-02T03:04:05.678Z|42')],
    ['an SQL-looking id', raw("2024-01-02T03:04:05.678Z|' OR 1=1 --")],
    ['a UUID with trailing text', raw(`2024-01-02T03:04:05.678Z|${ID}x`)],
    ['a UUID with an extra group', raw(`2024-01-02T03:04:05.678Z|${ID}-0000`)],
    ['an invalid date', raw(`not-a-date|${ID}`)],
    ['an empty date', raw(`|${ID}`)],
    ['an out-of-range date', raw(`2024-13-45T99:99:99.999Z|${ID}`)],
    ['the parts swapped', raw(`${ID}|2024-01-02T03:04:05.678Z`)],
    ['no separator', raw(`2024-01-02T03:04:05.678Z${ID}`)],
  ])('refuses %s with InvalidInputError on "after"', (_label, cursor) => {
    const error = cursorError(cursor);
    expect(error.field).toBe('after');
    expect(error.reason).toBe('INVALID_CURSOR');
    expect(error.message).toBe('after is not a cursor returned by paymentSessions');
  });

  it('does not echo the refused cursor', () => {
    const cursor = raw('CANARY_VALUE|CANARY_ID');
    const error = cursorError(cursor);
    expect(error.message).not.toContain('CANARY');
    expect(error.message).not.toContain(cursor);
  });
});

describe('isUuid', () => {
  it.each([ID, ID.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])('accepts %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each([
    '',
    'not-a-uuid',
    ID.replace(/-/g, ''),
    `{${ID}}`,
    ` ${ID}`,
    `${ID} `,
    `${ID}\n`,
    ID.slice(0, -1),
    `${ID}0`,
    ID.replace('3', 'g'),
    'urn:uuid:' + ID,
  ])('rejects %j', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});
