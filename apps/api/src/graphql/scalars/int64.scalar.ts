import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
const INTEGER = /^-?\d+$/;

function toInt64(value: unknown): bigint {
  let parsed: bigint;
  if (typeof value === 'bigint') parsed = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) parsed = BigInt(value);
  else if (typeof value === 'string' && INTEGER.test(value)) parsed = BigInt(value);
  else throw new GraphQLError('Int64 must be an integer, given as a JSON number up to 2^53 or a decimal string');
  if (parsed < MIN || parsed > MAX) throw new GraphQLError('Int64 must fit in a signed 64-bit integer');
  return parsed;
}

/**
 * A signed 64-bit integer (upstream `int64`). Accepted as a JSON number (safe integers) or a
 * decimal string; always returned as a string, because JSON numbers above 2^53 lose precision in
 * JavaScript clients (graphql-scalars' `BigInt` returns numbers, which is why we do not use it).
 */
export const Int64Scalar = new GraphQLScalarType<bigint, string>({
  name: 'Int64',
  description: 'Signed 64-bit integer. Input: JSON number (up to 2^53) or decimal string. Output: decimal string.',
  serialize: (value) => toInt64(value).toString(),
  parseValue: (value) => toInt64(value),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toInt64(ast.kind === Kind.INT ? ast.value : ast.value);
    throw new GraphQLError('Int64 literal must be an integer or a string');
  },
});
