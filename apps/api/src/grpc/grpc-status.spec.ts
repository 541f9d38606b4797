import { status } from '@grpc/grpc-js';
import { AuthenticationError, ForbiddenError, InvalidInputError, RateLimitedError, ServiceUnavailableError } from '../errors/app-errors';
import { httpStatusOf, toStatusAnswer } from './grpc-status';

describe('toStatusAnswer', () => {
  it('maps invalid input to INVALID_ARGUMENT with the sub-code and the proto field name', () => {
    const answer = toStatusAnswer(new InvalidInputError('MISSING_METADATA', 'x-connector-config', 'Missing x-connector-config header'));
    expect(answer).toEqual({
      code: status.INVALID_ARGUMENT,
      details: 'MISSING_METADATA: Missing x-connector-config header (field x-connector-config)',
      trailers: { 'x-error-sub-code': 'MISSING_METADATA', 'x-error-field': 'x-connector-config' },
    });
    expect(toStatusAnswer(new InvalidInputError('INVALID_FIELD', 'input.amount.minorAmount', 'bad')).trailers['x-error-field']).toBe('amount.minor_amount');
  });

  it('maps authentication, rate limiting, outages and the rest', () => {
    expect(toStatusAnswer(new AuthenticationError('Invalid API key')).code).toBe(status.UNAUTHENTICATED);
    expect(toStatusAnswer(new RateLimitedError(7))).toEqual({ code: status.RESOURCE_EXHAUSTED, details: expect.stringContaining('retry after 7 s'), trailers: { 'retry-after': '7' } });
    expect(toStatusAnswer(new ForbiddenError('publishable')).code).toBe(status.PERMISSION_DENIED);
    expect(toStatusAnswer(new ServiceUnavailableError('db down')).code).toBe(status.UNAVAILABLE);
    const internal = toStatusAnswer(new Error('connect ECONNREFUSED 10.0.0.1:5432 password=hunter2'));
    expect(internal).toEqual({ code: status.INTERNAL, details: 'Unexpected error', trailers: {} });
  });
});

describe('httpStatusOf', () => {
  it('gives the HTTP alias the usual statuses', () => {
    expect([status.INVALID_ARGUMENT, status.UNAUTHENTICATED, status.PERMISSION_DENIED, status.RESOURCE_EXHAUSTED, status.UNAVAILABLE, status.INTERNAL].map(httpStatusOf)).toEqual([400, 401, 403, 429, 503, 500]);
  });
});
