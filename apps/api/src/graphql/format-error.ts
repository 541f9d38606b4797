import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AuthenticationError, InvalidInputError, ServiceUnavailableError } from '../errors/app-errors';
import { isDatabaseUnavailable } from '../errors/database-errors';

interface FieldProblem {
  readonly field: string;
  readonly messages: string[];
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// graphql-js echoes the rejected variable value: `Variable "$v" got invalid value <value> at "<path>"; <reason>`
// (or without ` at "<path>"`). The real path comes after the value, so the match is greedy: a value
// that itself contains `at "..."; ` cannot move it. Only the path and the reason are kept.
const WITH_PATH = /^Variable "\$(\w+)" got invalid value [\s\S]* at "(\1(?:\.\w+|\[\d+\])*)"; ([^\n]*)$/;
const WITHOUT_PATH = /^Variable "\$(\w+)" got invalid value [\s\S]*; ([^\n;]*)$/;
const MAX_REASON = 200;

function sanitiseVariableError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const withPath = WITH_PATH.exec(formatted.message);
  const withoutPath = withPath ? undefined : WITHOUT_PATH.exec(formatted.message);
  if (!withPath && !withoutPath) {
    return formatted.message.includes(' got invalid value ') ? { message: 'Invalid variable value', extensions: { code: 'BAD_USER_INPUT' } } : formatted;
  }
  const field = withPath ? (withPath[2] as string) : (withoutPath?.[1] as string);
  const reason = withoutEchoedValue((withPath ? withPath[3] : withoutPath?.[2]) ?? '');
  return { message: `Invalid value at "${field}": ${reason.slice(0, MAX_REASON)}`.trim(), extensions: { code: 'BAD_USER_INPUT', field } };
}

// graphql-js reasons that quote the rejected value: `Value "x" does not exist in "E" enum.`,
// `String cannot represent a non string value: x`.
function withoutEchoedValue(reason: string): string {
  return reason.replace(/^Value (?:"(?:[^"\\]|\\.)*"|\S+) does not exist in/, 'Value does not exist in').replace(/^(.* cannot represent [^:]*): .*$/, '$1');
}

const PASSTHROUGH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The single place errors become client-visible. Known errors keep their message and get a stable
 * `extensions.code`; everything else becomes a generic INTERNAL_SERVER_ERROR (details are logged
 * with the request id, never returned). No stack traces, no Prisma or gateway text.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof InvalidInputError) {
    return { message: original.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: original.field, reason: original.reason } };
  }
  if (original instanceof ArgumentValidationError) {
    const problems = flatten(original.extensions.validationErrors as ValidationError[], 'input');
    const summary = problems.map((p) => `${p.field}: ${p.messages.join(', ')}`).join('; ');
    return { message: `Invalid input: ${summary}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields: problems } };
  }
  if (original instanceof AuthenticationError) {
    return { message: original.message, path: formatted.path, extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (original instanceof ServiceUnavailableError || isDatabaseUnavailable(original)) {
    return { message: 'The service is temporarily unavailable; retry shortly', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } };
  }
  const code = formatted.extensions?.['code'];
  if (code === 'BAD_USER_INPUT') return sanitiseVariableError(formatted);
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) return { message: formatted.message, extensions: { code } };
  // Raised by our own context function (authentication, database down), with an HTTP status set there.
  if ((code === 'UNAUTHENTICATED' || code === 'SERVICE_UNAVAILABLE') && original instanceof GraphQLError) {
    return { message: original.message, extensions: { code, ...(code === 'SERVICE_UNAVAILABLE' ? { retryable: true } : {}) } };
  }
  // Raised by the publishable-key plugin before any resolver runs.
  if (code === 'FORBIDDEN' && original instanceof GraphQLError) return { message: original.message, extensions: { code } };
  if (original instanceof GraphQLError && original.extensions['code'] === undefined && formatted.path === undefined) {
    return { message: formatted.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { message: 'Unexpected error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
