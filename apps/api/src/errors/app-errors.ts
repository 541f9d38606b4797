/**
 * Invalid input found before anything was written or sent. Rendered as a top-level GraphQL error
 * with `extensions.code = BAD_USER_INPUT` and `extensions.field`. Messages never echo values.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';

  constructor(
    readonly reason: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Missing or wrong API key: `UNAUTHENTICATED`. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The database (or another dependency) is down: `SERVICE_UNAVAILABLE`, retryable. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
}

/** A publishable key on an operation that needs a secret key: `FORBIDDEN` (gRPC `PERMISSION_DENIED`). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Over the merchant's gateway-call rate: `RATE_LIMITED` (gRPC `RESOURCE_EXHAUSTED`), retry after the given time. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';

  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limited: too many gateway calls for this merchant; retry after ${retryAfterSeconds} s`);
  }
}
