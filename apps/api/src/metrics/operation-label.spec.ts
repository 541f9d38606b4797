import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { operationLabel, rootFieldNames } from './operation-label';

const schema = buildSchema('type Query { connectors: [String!]! paymentSession(id: ID!): String } type Mutation { createSessionToken: String }');
const known = rootFieldNames(schema);
const label = (text: string) => operationLabel(parse(text).definitions[0] as OperationDefinitionNode, known);

describe('operationLabel', () => {
  it('is the root field, whatever the client named the operation or aliased the field', () => {
    expect([...known].sort()).toEqual(['connectors', 'createSessionToken', 'paymentSession']);
    expect(label('query AnyName_sk_live_123 { connectors }')).toBe('connectors');
    expect(label('mutation { x: createSessionToken }')).toBe('createSessionToken');
  });

  it('is `other` for several root fields, introspection, fragments or no operation', () => {
    expect(label('{ connectors paymentSession(id: "1") }')).toBe('other');
    expect(label('{ __schema { queryType { name } } }')).toBe('other');
    expect(label('{ ...F } fragment F on Query { connectors }')).toBe('other');
    expect(operationLabel(undefined, known)).toBe('other');
  });
});
