import { isDatabaseUnavailable } from './database-errors';
import { AuthenticationError, InvalidInputError, ServiceUnavailableError } from './app-errors';

function withCode(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

/** Wraps `inner` in `depth` layers of `{ cause }`. */
function nest(inner: unknown, depth: number): unknown {
  let error = inner;
  for (let i = 0; i < depth; i += 1) error = new Error(`layer ${i}`, { cause: error });
  return error;
}

describe('isDatabaseUnavailable', () => {
  const UNAVAILABLE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'P1001', 'P1002', 'P1017', 'P2024', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'];

  it.each(UNAVAILABLE_CODES)('is true for code %s', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each(UNAVAILABLE_CODES)('is true for originalCode %s (driver adapter errors)', (code) => {
    expect(isDatabaseUnavailable({ originalCode: code })).toBe(true);
  });

  it.each(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'ECONNREFUSED'])('is true for kind %s', (kind) => {
    expect(isDatabaseUnavailable({ kind })).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'connection terminated due to connection timeout',
    'Connection timeout',
    'timeout exceeded when trying to connect',
    "Can't reach database server at `localhost:5432`",
    'Client has encountered a connection error and is not queryable',
    'the database system is starting up',
    'FATAL: the database system is shutting down',
    'CONNECTION TERMINATED',
  ])('is true for message %j', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('is true for a ServiceUnavailableError only when it carries a matching code or message', () => {
    // formatError handles ServiceUnavailableError by class; this function looks at codes and text only.
    expect(isDatabaseUnavailable(new ServiceUnavailableError('dependency down'))).toBe(false);
    expect(isDatabaseUnavailable(new ServiceUnavailableError('x', { cause: withCode('ECONNREFUSED') }))).toBe(true);
  });

  it('looks through cause and meta', () => {
    expect(isDatabaseUnavailable(new Error('query failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'Invalid `prisma.merchant.findFirst()` invocation', meta: { code: 'P1001' } })).toBe(true);
    expect(isDatabaseUnavailable({ meta: { cause: { kind: 'DatabaseNotReachable' } } })).toBe(true);
    expect(isDatabaseUnavailable({ cause: { meta: { originalCode: '57P01' } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
  });

  it.each([
    [0, true],
    [1, true],
    [3, true],
    [5, true],
    [6, false],
    [10, false],
  ])('with the cause %d levels deep is %s (search stops after 5 levels)', (depth, expected) => {
    expect(isDatabaseUnavailable(nest(withCode('ECONNREFUSED'), depth))).toBe(expected);
  });

  it('terminates on cyclic causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('something broke')],
    ['an Error with another code', withCode('P2002', 'Unique constraint failed')],
    ['a Prisma record-not-found error', withCode('P2025', 'Record to update not found.')],
    ['an unrelated Postgres code', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a lower-case code', withCode('econnrefused')],
    ['a numeric code', { code: 1001 }],
    ['a code in a non-string wrapper', { code: ['ECONNREFUSED'] }],
    ['an InvalidInputError', new InvalidInputError('INVALID', 'input', 'bad')],
    ['an AuthenticationError', new AuthenticationError('Invalid API key')],
    ['a message merely mentioning a database', new Error('database row not found')],
    ['a TypeError', new TypeError('Cannot read properties of undefined')],
    ['null', null],
    ['undefined', undefined],
    ['a string containing a code', 'ECONNREFUSED'],
    ['a number', 42],
    ['an empty object', {}],
    ['a non-string message', { message: 42 }],
  ])('is false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
