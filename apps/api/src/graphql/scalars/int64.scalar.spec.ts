import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, graphql, parseValue as parseValueNode, type ValueNode } from 'graphql';
import { Int64Scalar } from './int64.scalar';

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

function literal(source: string): ValueNode {
  return parseValueNode(source);
}

const NOT_AN_INTEGER = 'Int64 must be an integer, given as a JSON number up to 2^53 or a decimal string';
const OUT_OF_RANGE = 'Int64 must fit in a signed 64-bit integer';

describe('Int64Scalar', () => {
  it('is named Int64', () => {
    expect(Int64Scalar.name).toBe('Int64');
  });

  describe('parseValue (variables)', () => {
    it.each<[unknown, bigint]>([
      [0, 0n],
      [-0, 0n],
      [1000, 1000n],
      [-1000, -1000n],
      [Number.MAX_SAFE_INTEGER, 9007199254740991n],
      [Number.MIN_SAFE_INTEGER, -9007199254740991n],
      [1e3, 1000n],
      ['0', 0n],
      ['-0', 0n],
      ['1000', 1000n],
      ['007', 7n],
      ['9007199254740993', 9007199254740993n],
      ['9223372036854775807', MAX],
      ['-9223372036854775808', MIN],
      [MAX, MAX],
      [MIN, MIN],
      [12n, 12n],
    ])('parses %p to %p', (input, expected) => {
      expect(Int64Scalar.parseValue(input)).toBe(expected);
    });

    it.each<[string, unknown]>([
      ['a float', 1.5],
      ['a tiny float', 0.1],
      ['an unsafe integer (2^53)', 2 ** 53],
      ['a large number', 1e20],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['-Infinity', Number.NEGATIVE_INFINITY],
      ['a decimal string', '1.5'],
      ['a decimal string with zero fraction', '1.0'],
      ['an exponent string', '1e3'],
      ['a hex string', '0x10'],
      ['a plus sign', '+1'],
      ['leading space', ' 1'],
      ['trailing space', '1 '],
      ['trailing newline', '1\n'],
      ['an empty string', ''],
      ['a lone minus', '-'],
      ['a non-numeric string', 'abc'],
      ['digits with a separator', '1_000'],
      ['unicode digits', '١٢٣'],
      ['a boolean', true],
      ['null', null],
      ['undefined', undefined],
      ['an object', { value: 1 }],
      ['an array', [1]],
    ])('rejects %s', (_label, input) => {
      expect(() => Int64Scalar.parseValue(input)).toThrow(GraphQLError);
      expect(() => Int64Scalar.parseValue(input)).toThrow(NOT_AN_INTEGER);
    });

    it.each<[string, unknown]>([
      ['2^63 as a string', '9223372036854775808'],
      ['-(2^63)-1 as a string', '-9223372036854775809'],
      ['2^63 as a bigint', 2n ** 63n],
      ['-(2^63)-1 as a bigint', MIN - 1n],
      ['a 100-digit string', '9'.repeat(100)],
    ])('rejects %s as out of range', (_label, input) => {
      expect(() => Int64Scalar.parseValue(input)).toThrow(OUT_OF_RANGE);
    });

    it('does not echo the rejected value', () => {
      for (const input of ['CANARY_VALUE', '12345678901234567890123']) {
        let message: string | undefined;
        try {
          Int64Scalar.parseValue(input);
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toBeDefined();
        expect(message).not.toContain(input);
      }
    });
  });

  describe('parseLiteral (inline arguments)', () => {
    it.each<[string, bigint]>([
      ['0', 0n],
      ['42', 42n],
      ['-42', -42n],
      ['9223372036854775807', MAX],
      ['-9223372036854775808', MIN],
      ['"9223372036854775807"', MAX],
      ['"-9223372036854775808"', MIN],
      ['"123"', 123n],
    ])('parses %s', (source, expected) => {
      expect(Int64Scalar.parseLiteral(literal(source), undefined)).toBe(expected);
    });

    it.each(['9223372036854775808', '-9223372036854775809', '"9223372036854775808"'])('rejects %s as out of range', (source) => {
      expect(() => Int64Scalar.parseLiteral(literal(source), undefined)).toThrow(OUT_OF_RANGE);
    });

    it.each(['"1.5"', '"1e3"', '"abc"', '""', '" 1"'])('rejects the string %s as not an integer', (source) => {
      expect(() => Int64Scalar.parseLiteral(literal(source), undefined)).toThrow(NOT_AN_INTEGER);
    });

    it.each(['1.5', '1e3', '1.0', 'true', 'null', 'ABC', '[1]', '{ a: 1 }'])('rejects the %s literal kind', (source) => {
      expect(() => Int64Scalar.parseLiteral(literal(source), undefined)).toThrow('Int64 literal must be an integer or a string');
    });

    it('keeps literals beyond 2^53 exact', () => {
      const node = literal('9007199254740993');
      expect(node.kind).toBe(Kind.INT);
      expect(Int64Scalar.parseLiteral(node, undefined)).toBe(9007199254740993n);
    });
  });

  describe('serialize (output)', () => {
    it.each<[unknown, string]>([
      [0n, '0'],
      [1000n, '1000'],
      [-5n, '-5'],
      [MAX, '9223372036854775807'],
      [MIN, '-9223372036854775808'],
      [1000, '1000'],
      [Number.MAX_SAFE_INTEGER, '9007199254740991'],
      ['9223372036854775807', '9223372036854775807'],
      ['42', '42'],
    ])('serializes %p as the decimal string %p', (value, expected) => {
      expect(Int64Scalar.serialize(value)).toBe(expected);
    });

    it.each<[string, unknown, string]>([
      ['2^63', 2n ** 63n, OUT_OF_RANGE],
      ['-(2^63)-1', MIN - 1n, OUT_OF_RANGE],
      ['a float', 1.5, NOT_AN_INTEGER],
      ['an unsafe number', 2 ** 53, NOT_AN_INTEGER],
      ['a non-numeric string', 'abc', NOT_AN_INTEGER],
      ['null', null, NOT_AN_INTEGER],
    ])('refuses to serialize %s', (_label, value, message) => {
      expect(() => Int64Scalar.serialize(value)).toThrow(message);
    });

    it('produces a JSON string, never a JSON number', () => {
      expect(JSON.stringify({ minorAmount: Int64Scalar.serialize(MAX) })).toBe('{"minorAmount":"9223372036854775807"}');
      expect(JSON.stringify({ minorAmount: Int64Scalar.serialize(1000n) })).toBe('{"minorAmount":"1000"}');
    });
  });

  describe('in a schema', () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          echo: {
            type: Int64Scalar,
            args: { value: { type: Int64Scalar } },
            resolve: (_root, args: { value?: bigint }) => {
              if (typeof args.value !== 'bigint' && args.value !== undefined) throw new Error('expected a bigint argument');
              return args.value === undefined ? undefined : args.value + 1n;
            },
          },
          typeOf: { type: GraphQLString, args: { value: { type: Int64Scalar } }, resolve: (_root, args: { value: unknown }) => typeof args.value },
        },
      }),
    });

    it('delivers bigint to resolvers and strings to clients (variables and literals)', async () => {
      const viaVariable = await graphql({ schema, source: 'query($v: Int64) { echo(value: $v) typeOf(value: $v) }', variableValues: { v: '9223372036854775806' } });
      expect(viaVariable).toEqual({ data: { echo: '9223372036854775807', typeOf: 'bigint' } });
      expect(JSON.stringify(viaVariable)).toBe('{"data":{"echo":"9223372036854775807","typeOf":"bigint"}}');

      const viaLiteral = await graphql({ schema, source: '{ echo(value: 9007199254740992) }' });
      expect(viaLiteral).toEqual({ data: { echo: '9007199254740993' } });
    });

    it('reports an overflowing result as a field error instead of a wrong number', async () => {
      const result = await graphql({ schema, source: '{ echo(value: "9223372036854775807") }' });
      expect(result.data).toEqual({ echo: null });
      expect(result.errors?.[0]?.message).toBe(OUT_OF_RANGE);
    });
  });
});
