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

// graphql-js echoes the rejected variable value; we keep the path and the reason only.
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/;

function sanitiseVariableError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = VARIABLE_ERROR.exec(formatted.message);
  if (!match) return formatted;
  const [, variable, path, reason] = match;
  const field = path ?? variable ?? 'input';
  return { message: `Invalid value at "${field}": ${reason ?? ''}`.trim(), extensions: { code: 'BAD_USER_INPUT', field } };
}

const PASSTHROUGH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

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
  if (original instanceof GraphQLError && original.extensions['code'] === undefined && formatted.path === undefined) {
    return { message: formatted.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { message: 'Unexpected error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
