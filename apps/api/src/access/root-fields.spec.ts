import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from './root-fields';

function fieldsOf(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return rootFieldNames(operation as OperationDefinitionNode, fragments);
}

describe('rootFieldNames', () => {
  it('lists each root selection once, aliases included', () => {
    expect(fieldsOf('mutation { a: createSessionToken(input: {}) { x } b: createSessionToken(input: {}) { x } revokePaymentSession(id: "1") { x } }')).toEqual([
      'createSessionToken',
      'createSessionToken',
      'revokePaymentSession',
    ]);
  });

  it('looks through inline fragments and fragment spreads, but not into child selections', () => {
    expect(fieldsOf('query { ... on Query { apiKeys { id } } ...F } fragment F on Query { connectors { id } paymentSession(id: "x") { id } }')).toEqual(['apiKeys', 'connectors', 'paymentSession']);
  });

  it('counts conditional fields (@skip/@include) as selected', () => {
    expect(fieldsOf('mutation($s: Boolean!) { a: createSessionToken(input: {}) @skip(if: $s) { x } }')).toEqual(['createSessionToken']);
  });

  it('reads a fragment spread twice once (fields merge)', () => {
    expect(fieldsOf('query { ...F ...F } fragment F on Query { apiKeys { id } }')).toEqual(['apiKeys']);
  });
});
