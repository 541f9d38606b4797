import { status } from '@grpc/grpc-js';
import { AuthenticationError, ForbiddenError, InvalidInputError, RateLimitedError, ServiceUnavailableError } from '../errors/app-errors';
import { isDatabaseUnavailable } from '../errors/database-errors';
import { protoFieldName } from './proto-field-names';

/** A failure as a gRPC status. `details` and `trailers` never hold a secret or an echoed value. */
export interface StatusAnswer {
  readonly code: status;
  readonly details: string;
  /** Extra trailers: `x-error-sub-code` (upstream's sub-code) and `x-error-field`, for INVALID_ARGUMENT. */
  readonly trailers: Readonly<Record<string, string>>;
}

/**
 * The single place errors become gRPC statuses (the HTTP alias maps these codes to HTTP statuses).
 * Gateway rejections and faults never come here: they are answers (`error` in the message, status OK).
 * @param renames - CS-C field renames, so the field named is the one the caller sent.
 */
export function toStatusAnswer(error: unknown, renames: Readonly<Record<string, string>> = {}): StatusAnswer {
  if (error instanceof InvalidInputError) {
    const field = protoFieldName(error.field, renames);
    return { code: status.INVALID_ARGUMENT, details: `${error.reason}: ${error.message} (field ${field})`, trailers: { 'x-error-sub-code': error.reason, 'x-error-field': field } };
  }
  if (error instanceof AuthenticationError) return { code: status.UNAUTHENTICATED, details: error.message, trailers: {} };
  if (error instanceof ForbiddenError) return { code: status.PERMISSION_DENIED, details: error.message, trailers: {} };
  if (error instanceof RateLimitedError) return { code: status.RESOURCE_EXHAUSTED, details: error.message, trailers: { 'retry-after': String(error.retryAfterSeconds) } };
  if (error instanceof ServiceUnavailableError || isDatabaseUnavailable(error)) {
    return { code: status.UNAVAILABLE, details: 'The service is temporarily unavailable; retry shortly', trailers: {} };
  }
  return { code: status.INTERNAL, details: 'Unexpected error', trailers: {} };
}

/** HTTP status of a gRPC status code, for the `POST /payments/create_session_token` alias. */
export function httpStatusOf(code: status): number {
  switch (code) {
    case status.INVALID_ARGUMENT:
      return 400;
    case status.UNAUTHENTICATED:
      return 401;
    case status.PERMISSION_DENIED:
      return 403;
    case status.RESOURCE_EXHAUSTED:
      return 429;
    case status.UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}
