import { describePaypalErrorCode, parsePaypalErrorResponse } from './paypal.errors';

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('parsePaypalErrorResponse', () => {
  it('maps the OAuth invalid_client answer to INVALID_CREDENTIALS', () => {
    expect(parsePaypalErrorResponse(json(401, { error: 'invalid_client', error_description: 'Client Authentication failed' }))).toEqual({
      code: 'invalid_client',
      message: 'Client Authentication failed',
      reason: 'Client Authentication failed',
      statusCode: 401,
      unifiedCode: 'INVALID_CREDENTIALS',
      retryable: false,
    });
  });

  it('maps an expired bearer (invalid_token) to ACCESS_TOKEN_EXPIRED', () => {
    expect(parsePaypalErrorResponse(json(401, { error: 'invalid_token', error_description: 'Token signature verification failed' }))).toMatchObject({
      code: 'invalid_token',
      unifiedCode: 'ACCESS_TOKEN_EXPIRED',
      retryable: false,
    });
  });

  it('maps a REST error with PayPal’s name as the code, the first issue and the debug_id kept in the reason', () => {
    const body = {
      name: 'INVALID_REQUEST',
      message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
      debug_id: '9a8b7c6d5e4f3',
      details: [{ field: '/customer_id', issue: 'INVALID_PARAMETER_SYNTAX', description: 'The value of a field does not conform to the expected format.' }],
    };
    expect(parsePaypalErrorResponse(json(400, body))).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
      reason: 'INVALID_PARAMETER_SYNTAX: The value of a field does not conform to the expected format.; debug_id 9a8b7c6d5e4f3',
      statusCode: 400,
      unifiedCode: 'INVALID_REQUEST',
      retryable: false,
    });
  });

  it('maps AUTHENTICATION_FAILURE to ACCESS_TOKEN_EXPIRED and keeps the debug_id without details', () => {
    expect(parsePaypalErrorResponse(json(401, { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.', debug_id: 'abc123' }))).toMatchObject({
      code: 'AUTHENTICATION_FAILURE',
      reason: 'debug_id abc123',
      unifiedCode: 'ACCESS_TOKEN_EXPIRED',
    });
  });

  it('treats 429 and 5xx as retryable, a REST 5xx keeping its name', () => {
    expect(parsePaypalErrorResponse(json(429, { name: 'RATE_LIMIT_REACHED', message: 'Too many requests', debug_id: 'd1' }))).toMatchObject({ unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true });
    expect(parsePaypalErrorResponse(json(500, { name: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred.', debug_id: 'd2' }))).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'debug_id d2',
      unifiedCode: 'GATEWAY_UNAVAILABLE',
      retryable: true,
    });
    expect(parsePaypalErrorResponse({ status: 502, headers: {}, body: '<html>bad gateway</html>' })).toMatchObject({ code: '502', message: 'bad_gateway', retryable: true });
  });

  it('keeps a short excerpt of an unknown body, with control characters removed', () => {
    const error = parsePaypalErrorResponse({ status: 403, headers: {}, body: `<html>\r\n${'x'.repeat(500)}</html>` });
    expect(error).toMatchObject({ code: '403', message: 'Unsupported response type', unifiedCode: 'GATEWAY_MALFORMED_RESPONSE', retryable: false });
    expect(error.reason?.length).toBeLessThanOrEqual(200);
    expect(error.reason).not.toMatch(/[\r\n]/);
  });
});

describe('describePaypalErrorCode', () => {
  it('explains the codes it knows and nothing else', () => {
    expect(describePaypalErrorCode('invalid_client')).toContain('client_secret');
    expect(describePaypalErrorCode(' invalid_token ')).toContain('fetch a new one');
    expect(describePaypalErrorCode('toString')).toBeUndefined();
    expect(describePaypalErrorCode('nope')).toBeUndefined();
  });
});
