import { ApolloServer } from '@apollo/server';
import {
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  locatedError,
  type GraphQLFormattedError,
} from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { AuthenticationError, InvalidInputError, ServiceUnavailableError } from '../errors/app-errors';
import { formatError } from './format-error';
import { Int64Scalar } from './scalars/int64.scalar';

const PATH = ['createSessionToken'];

/** What graphql-js does with an error thrown in a resolver. */
function resolverError(thrown: unknown): GraphQLError {
  return locatedError(thrown, undefined, PATH);
}

/** What Apollo hands to `formatError` as its first argument (with stack traces on, the worst case). */
function apolloFormatted(error: GraphQLError): GraphQLFormattedError {
  return { ...error.toJSON(), extensions: { ...error.extensions, code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR', stacktrace: error.stack?.split('\n') } };
}

function format(error: GraphQLError): GraphQLFormattedError {
  return formatError(apolloFormatted(error), error);
}

function validationError(property: string, value: unknown, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  const error = new ValidationError();
  error.property = property;
  error.value = value;
  error.target = { leaked: 'TARGET_CANARY', [property]: value };
  if (constraints) error.constraints = constraints;
  error.children = children;
  return error;
}

const SERVICE_UNAVAILABLE: GraphQLFormattedError = {
  message: 'The service is temporarily unavailable; retry shortly',
  path: PATH,
  extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
};

describe('formatError', () => {
  it('renders InvalidInputError as BAD_USER_INPUT with field and reason', () => {
    const result = format(resolverError(new InvalidInputError('INVALID_CURSOR', 'after', 'after is not a cursor returned by paymentSessions')));
    expect(result).toEqual({
      message: 'after is not a cursor returned by paymentSessions',
      path: PATH,
      extensions: { code: 'BAD_USER_INPUT', field: 'after', reason: 'INVALID_CURSOR' },
    });
  });

  it('renders a type-graphql ArgumentValidationError as BAD_USER_INPUT with field paths and messages, never values or targets', () => {
    const errors = [
      validationError('merchantSessionId', 'VALUE_CANARY_1', { maxLength: 'merchantSessionId must be shorter than or equal to 64 characters' }),
      validationError('amount', { minorAmount: -5n }, undefined, [
        validationError('minorAmount', 'VALUE_CANARY_2', { isPositiveMinorAmount: 'minorAmount must be a positive integer no larger than 2^63-1' }),
        validationError('currency', 'VALUE_CANARY_3', { isIn: 'currency must be a supported code', isUpperCase: 'currency must be upper case' }),
      ]),
      validationError('browserInfo', {}, undefined, [validationError('ipAddress', 'VALUE_CANARY_4', { isIp: 'ipAddress must be an ip address' })]),
    ];
    const result = format(resolverError(new ArgumentValidationError(errors)));

    expect(result).toEqual({
      message:
        'Invalid input: input.merchantSessionId: merchantSessionId must be shorter than or equal to 64 characters; ' +
        'input.amount.minorAmount: minorAmount must be a positive integer no larger than 2^63-1; ' +
        'input.amount.currency: currency must be a supported code, currency must be upper case; ' +
        'input.browserInfo.ipAddress: ipAddress must be an ip address',
      path: PATH,
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.merchantSessionId', messages: ['merchantSessionId must be shorter than or equal to 64 characters'] },
          { field: 'input.amount.minorAmount', messages: ['minorAmount must be a positive integer no larger than 2^63-1'] },
          { field: 'input.amount.currency', messages: ['currency must be a supported code', 'currency must be upper case'] },
          { field: 'input.browserInfo.ipAddress', messages: ['ipAddress must be an ip address'] },
        ],
      },
    });
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/VALUE_CANARY|TARGET_CANARY|"value"|"target"|validationErrors|stacktrace/);
  });

  it('renders an ArgumentValidationError with an array child using its index in the path', () => {
    const errors = [validationError('items', [], undefined, [validationError('0', {}, undefined, [validationError('name', '', { isNotEmpty: 'name should not be empty' })])])];
    const result = format(resolverError(new ArgumentValidationError(errors)));
    expect(result.extensions?.['fields']).toEqual([{ field: 'input.items.0.name', messages: ['name should not be empty'] }]);
  });

  it('renders AuthenticationError as UNAUTHENTICATED', () => {
    expect(format(resolverError(new AuthenticationError('Invalid API key')))).toEqual({ message: 'Invalid API key', path: PATH, extensions: { code: 'UNAUTHENTICATED' } });
  });

  it.each<[string, unknown]>([
    ['ServiceUnavailableError', new ServiceUnavailableError('db down at 10.0.0.5:5432')],
    ['ECONNREFUSED nested as cause', new Error('query failed on db.internal:5432', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }) })],
    ['ECONNREFUSED two causes deep', new Error('outer', { cause: new Error('middle', { cause: Object.assign(new Error('inner'), { code: 'ECONNREFUSED' }) }) })],
    ['Prisma P1001', Object.assign(new Error("Can't reach database server at `db.internal:5432`"), { code: 'P1001', clientVersion: '7.0.0' })],
    ['Prisma P2024 (pool timeout)', Object.assign(new Error('Timed out fetching a new connection from the connection pool. (password=hunter2)'), { code: 'P2024' })],
    ['pg "Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly')],
    ['Postgres 57P03 in meta', Object.assign(new Error('driver adapter error'), { meta: { code: '57P03' } })],
  ])('renders a database outage (%s) as SERVICE_UNAVAILABLE without the original text', (_label, thrown) => {
    const result = format(resolverError(thrown));
    expect(result).toEqual(SERVICE_UNAVAILABLE);
    expect(JSON.stringify(result)).not.toMatch(/db\.internal|10\.0\.0\.5|hunter2|stacktrace/);
  });

  it('renders an unknown error as a generic INTERNAL_SERVER_ERROR with no original text and no stack', () => {
    const result = format(resolverError(new Error('db password is hunter2')));
    expect(result).toEqual({ message: 'Unexpected error', path: PATH, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|stacktrace|at /);
  });

  it('renders a thrown non-Error value as a generic INTERNAL_SERVER_ERROR', () => {
    const result = format(resolverError('db password is hunter2'));
    expect(result).toEqual({ message: 'Unexpected error', path: PATH, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('renders a GraphQLError thrown inside a resolver (e.g. an output scalar failure) as INTERNAL_SERVER_ERROR', () => {
    const result = format(resolverError(new GraphQLError('Int64 must fit in a signed 64-bit integer (value 99999999999999999999999)')));
    expect(result).toEqual({ message: 'Unexpected error', path: PATH, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  describe('variable coercion errors (graphql-js echoes the rejected value)', () => {
    function variableError(message: string): GraphQLError {
      const original = new GraphQLError('Int64 must be an integer, given as a JSON number up to 2^53 or a decimal string');
      return new GraphQLError(message, { originalError: original, extensions: { code: 'BAD_USER_INPUT' } });
    }

    it('keeps the path and the reason, drops the value', () => {
      const result = format(variableError('Variable "$input" got invalid value "CANARY_SECRET" at "input.amount.minorAmount"; Int64 must be an integer'));
      expect(result).toEqual({ message: 'Invalid value at "input.amount.minorAmount": Int64 must be an integer', extensions: { code: 'BAD_USER_INPUT', field: 'input.amount.minorAmount' } });
      expect(JSON.stringify(result)).not.toContain('CANARY_SECRET');
    });

    it('uses the variable name when there is no path, and drops object values', () => {
      const result = format(variableError('Variable "$id" got invalid value { secret: "CANARY_SECRET", nested: ["a", "b"] }; Expected type "ID".'));
      expect(result).toEqual({ message: 'Invalid value at "id": Expected type "ID".', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    });

    it('handles values spanning several lines', () => {
      const result = format(variableError('Variable "$input" got invalid value "CANARY\nSECRET" at "input.merchantSessionId"; String cannot represent a non string value'));
      expect(result.message).toBe('Invalid value at "input.merchantSessionId": String cannot represent a non string value');
      expect(result.message).not.toContain('CANARY');
    });

    it('passes other BAD_USER_INPUT messages through (they carry no value)', () => {
      const result = format(variableError('Variable "$input" of required type "CreateSessionTokenInput!" was not provided.'));
      expect(result.message).toBe('Variable "$input" of required type "CreateSessionTokenInput!" was not provided.');
      expect(result.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['Value "sk_live_CANARY" does not exist in "CurrencyCode" enum.', 'Value does not exist in "CurrencyCode" enum.'],
      ['String cannot represent a non string value: {canary: "sk_live_CANARY"}', 'String cannot represent a non string value'],
      ['Int cannot represent non-integer value: "sk_live_CANARY"', 'Int cannot represent non-integer value'],
    ])('drops a value graphql-js quotes in the reason: %s', (reason, expected) => {
      const result = format(variableError(`Variable "$input" got invalid value "sk_live_CANARY" at "input.amount.currency"; ${reason}`));
      expect(result.message).toBe(`Invalid value at "input.amount.currency": ${expected}`);
      expect(JSON.stringify(result)).not.toContain('CANARY');
    });

    // A "; " inside the echoed value must neither leak the rest of the value nor lose the real path.
    it('drops a rejected value that itself contains "; "', () => {
      const result = format(variableError('Variable "$input" got invalid value "CANARY; SECRET_SUFFIX" at "input.amount.minorAmount"; Int64 must be an integer'));
      expect(result).toEqual({ message: 'Invalid value at "input.amount.minorAmount": Int64 must be an integer', extensions: { code: 'BAD_USER_INPUT', field: 'input.amount.minorAmount' } });
      expect(JSON.stringify(result)).not.toContain('SECRET_SUFFIX');
    });
  });

  it.each(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'])(
    'passes %s through with its message and code only',
    (code) => {
      const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code, http: { status: 400 } } });
      expect(format(error)).toEqual({ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code } });
    },
  );

  it('passes the publishable-key plugin’s FORBIDDEN through, without the http extension', () => {
    const forbidden = new GraphQLError('A publishable key cannot call apiKeys: use a secret key (sk_…) from your server', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    expect(format(forbidden)).toEqual({ message: forbidden.message, extensions: { code: 'FORBIDDEN' } });
  });

  it('treats an uncoded GraphQLError outside any resolver (a document validation error) as GRAPHQL_VALIDATION_FAILED', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".');
    expect(format(error)).toEqual({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('hides a plain Error that reached Apollo outside any resolver', () => {
    const raw = new Error('db password is hunter2');
    const formatted: GraphQLFormattedError = { message: raw.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(formatted, raw)).toEqual({ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('formatError through a real Apollo Server', () => {
  const MoneyInput = new GraphQLInputObjectType({ name: 'MoneyInput', fields: { minorAmount: { type: new GraphQLNonNull(Int64Scalar) } } });
  const Input = new GraphQLInputObjectType({ name: 'Input', fields: { amount: { type: new GraphQLNonNull(MoneyInput) } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        amount: { type: GraphQLString, args: { input: { type: new GraphQLNonNull(Input) } }, resolve: (_root, args: { input: { amount: { minorAmount: bigint } } }) => args.input.amount.minorAmount.toString() },
        leak: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('db password is hunter2');
          },
        },
        invalid: {
          type: GraphQLString,
          resolve: () => {
            throw new InvalidInputError('INVALID_ID', 'id', 'id is not a session id');
          },
        },
        down: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('query failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) });
          },
        },
      },
    }),
  });
  const server = new ApolloServer({ schema, formatError, includeStacktraceInErrorResponses: true });

  beforeAll(async () => {
    await server.start();
  });

  afterAll(async () => {
    await server.stop();
  });

  async function errorsOf(query: string, variables?: Record<string, unknown>): Promise<readonly GraphQLFormattedError[]> {
    const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult.errors ?? [];
  }

  it('accepts a valid Int64 variable (sanity check of the schema)', async () => {
    const response = await server.executeOperation({ query: 'query($input: Input!) { amount(input: $input) }', variables: { input: { amount: { minorAmount: '9223372036854775807' } } } });
    expect(response.body.kind === 'single' ? response.body.singleResult.data : undefined).toEqual({ amount: '9223372036854775807' });
  });

  it('strips the echoed value from a variable coercion error', async () => {
    const errors = await errorsOf('query($input: Input!) { amount(input: $input) }', { input: { amount: { minorAmount: 'CANARY_SECRET' } } });
    expect(errors).toEqual([
      {
        message: 'Invalid value at "input.amount.minorAmount": Int64 must be an integer, given as a JSON number up to 2^53 or a decimal string',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.amount.minorAmount' },
      },
    ]);
  });

  it('strips an echoed value that contains "; " from a variable coercion error', async () => {
    const errors = await errorsOf('query($input: Input!) { amount(input: $input) }', { input: { amount: { minorAmount: 'CANARY; SECRET_SUFFIX' } } });
    expect(JSON.stringify(errors)).not.toContain('SECRET_SUFFIX');
    expect(errors[0]?.extensions?.['field']).toBe('input.amount.minorAmount');
  });

  it('hides unknown resolver errors and their stack trace', async () => {
    const errors = await errorsOf('{ leak }');
    expect(errors).toEqual([{ message: 'Unexpected error', path: ['leak'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('renders InvalidInputError and database outages from resolvers', async () => {
    expect(await errorsOf('{ invalid }')).toEqual([{ message: 'id is not a session id', path: ['invalid'], extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_ID' } }]);
    expect(await errorsOf('{ down }')).toEqual([{ ...SERVICE_UNAVAILABLE, path: ['down'] }]);
  });

  it('passes parse and validation errors through with their code only', async () => {
    const [parse] = await errorsOf('{ leak');
    expect(parse).toEqual({ message: expect.stringContaining('Syntax Error'), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const [validation] = await errorsOf('{ nope }');
    expect(validation).toEqual({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('agrees with plain graphql-js on the message it sanitises', async () => {
    const result = await graphql({ schema, source: 'query($input: Input!) { amount(input: $input) }', variableValues: { input: { amount: { minorAmount: 'CANARY_SECRET' } } } });
    expect(result.errors?.[0]?.message).toBe('Variable "$input" got invalid value "CANARY_SECRET" at "input.amount.minorAmount"; Int64 must be an integer, given as a JSON number up to 2^53 or a decimal string');
  });
});
