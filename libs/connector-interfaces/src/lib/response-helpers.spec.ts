import { RAW_BODY_EXCERPT_LENGTH, defaultServerErrorResponse, isJsonObject, isSuccessStatus, rawBodyExcerpt, tryParseJson } from './response-helpers';

describe('rawBodyExcerpt', () => {
  it('keeps at most 200 characters by default (upstream’s Paytm fallback length)', () => {
    expect(RAW_BODY_EXCERPT_LENGTH).toBe(200);
    const body = `${'a'.repeat(199)}bc${'d'.repeat(500)}`;
    expect(rawBodyExcerpt(body)).toBe(`${'a'.repeat(199)}b`);
    expect(rawBodyExcerpt('short')).toBe('short');
    expect(rawBodyExcerpt('')).toBe('');
  });

  it('honours a custom length', () => {
    expect(rawBodyExcerpt('abcdef', 3)).toBe('abc');
    expect(rawBodyExcerpt('abcdef', 0)).toBe('');
  });

  it('replaces each run of control characters with one space, so a body cannot forge log lines', () => {
    expect(rawBodyExcerpt('line1\r\nline2\tend')).toBe('line1 line2 end');
    expect(rawBodyExcerpt('a\u0000\u0001\u001fb\u007fc')).toBe('a b c');
    expect(rawBodyExcerpt('\u001b[31mred\u001b[0m')).toBe(' [31mred [0m');
    expect(rawBodyExcerpt('c1\u0085\u009bx')).toBe('c1 x');
  });

  it('keeps printable non-ASCII text', () => {
    expect(rawBodyExcerpt('Zahlung abgelehnt – “Fehler” ₹ 😀')).toBe('Zahlung abgelehnt – “Fehler” ₹ 😀');
  });

  it('truncates before collapsing, so the result never exceeds the length', () => {
    const body = `${'x'.repeat(198)}\n\n\n\nyyyy`;
    const excerpt = rawBodyExcerpt(body);
    expect(excerpt).toBe(`${'x'.repeat(198)} `);
    expect(excerpt.length).toBeLessThanOrEqual(200);
  });
});

describe('tryParseJson', () => {
  it.each([
    ['an object', '{"a":1}', { a: 1 }],
    ['an array', '[1,2]', [1, 2]],
    ['a string', '"x"', 'x'],
    ['a number', '42', 42],
    ['null', 'null', null],
    ['padded JSON', '  {"a":true}\n', { a: true }],
  ])('parses %s', (_label, body, expected) => {
    expect(tryParseJson(body)).toEqual(expected);
  });

  it.each([
    ['an empty body', ''],
    ['whitespace', ' \r\n\t'],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['truncated JSON', '{"a":'],
    ['single quotes', "{'a':1}"],
    ['plain text', 'Service Unavailable'],
  ])('returns undefined for %s instead of throwing', (_label, body) => {
    expect(tryParseJson(body)).toBeUndefined();
  });
});

describe('isJsonObject', () => {
  it('accepts plain objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ a: 1 })).toBe(true);
    for (const value of [null, undefined, [], [{}], 'x', 1, true]) expect(isJsonObject(value)).toBe(false);
  });
});

describe('defaultServerErrorResponse', () => {
  it.each([
    [500, 'internal_server_error'],
    [501, 'not_implemented'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
    [504, 'gateway_timeout'],
    [505, 'http_version_not_supported'],
    [506, 'variant_also_negotiates'],
    [507, 'insufficient_storage'],
    [508, 'loop_detected'],
    [510, 'not_extended'],
    [511, 'network_authentication_required'],
    [509, 'unknown_error'],
    [512, 'unknown_error'],
    [599, 'unknown_error'],
  ])('HTTP %i → message %s, code = the status, retryable', (status, message) => {
    expect(defaultServerErrorResponse({ status, headers: {}, body: 'upstream down' })).toEqual({
      code: String(status),
      message,
      reason: 'upstream down',
      statusCode: status,
      unifiedCode: 'GATEWAY_UNAVAILABLE',
      retryable: true,
    });
  });

  it('sets no attempt status (upstream leaves it none)', () => {
    expect(defaultServerErrorResponse({ status: 500, headers: {}, body: '' })).not.toHaveProperty('attemptStatus');
  });

  it('keeps only a short, single-line excerpt of the body as reason', () => {
    const response = defaultServerErrorResponse({ status: 502, headers: {}, body: `<html>\n${'z'.repeat(1000)}` });
    expect(response.reason).toBe(`<html> ${'z'.repeat(193)}`);
  });
});

describe('isSuccessStatus', () => {
  it.each([200, 201, 202, 204, 302])('%i is handed to the response transformer', (status) => {
    expect(isSuccessStatus(status)).toBe(true);
  });

  it.each([100, 199, 203, 205, 206, 301, 303, 304, 400, 404, 500, 0, -200, 200.5])('%d is not', (status) => {
    expect(isSuccessStatus(status)).toBe(false);
  });
});
