import { ApolloServer } from '@apollo/server';
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { complexityPlugin, variablesAffectingCost } from './complexity-plugin';

const Item = new GraphQLObjectType({ name: 'Item', fields: { id: { type: GraphQLString }, name: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) }, label: { type: GraphQLString } },
        extensions: { complexity: ({ args, childComplexity }: { args: { first: number }; childComplexity: number }) => 1 + args.first * childComplexity },
        resolve: (_: unknown, { first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_, i) => ({ id: String(i), name: `n${i}` })),
      },
      echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_: unknown, { text }: { text: string }) => text },
    },
  }),
});

const PAGE = 'query Page($first: Int!, $label: String) { items(first: $first, label: $label) { id name } }';

describe('variablesAffectingCost', () => {
  it('keeps only variables of cost functions and directives', () => {
    expect(variablesAffectingCost(schema, parse(PAGE))).toEqual(['first', 'label']);
    expect(variablesAffectingCost(schema, parse('query ($t: String) { echo(text: $t) }'))).toEqual([]);
    expect(variablesAffectingCost(schema, parse('query ($t: String, $show: Boolean!) { echo(text: $t) @include(if: $show) }'))).toEqual(['show']);
  });
});

describe('complexityPlugin', () => {
  // Cost of PAGE = 1 + first * 2 (two scalar children); the limit 41 admits first <= 20.
  const server = new ApolloServer({ schema, plugins: [complexityPlugin(schema, 41)] });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const run = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await server.executeOperation({ query, variables });
    if (body.kind !== 'single') throw new Error('expected a single result');
    return body.singleResult;
  };

  it('re-estimates when a cost variable changes, on the same cached document', async () => {
    expect((await run(PAGE, { first: 20 })).errors).toBeUndefined();
    const over = await run(PAGE, { first: 21 });
    expect(over.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(over.errors?.[0]?.message).toContain('Query complexity 43 exceeds the maximum of 41');
    expect((await run(PAGE, { first: 20 })).errors).toBeUndefined();
    expect((await run(PAGE, { first: 21 })).errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts a field included through a directive variable only when it is included', async () => {
    const query = 'query ($show: Boolean!) { a: items(first: 20) { id name } b: items(first: 20) @include(if: $show) { id name } }';
    expect((await run(query, { show: false })).errors).toBeUndefined();
    expect((await run(query, { show: true })).errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect((await run(query, { show: false })).errors).toBeUndefined();
  });

  it('leaves invalid variables to execution, which names them', async () => {
    const result = await run(PAGE, { first: 'many' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('$first');
  });
});
