import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from './root-fields';

/** The root type and root field names (one per selection) of a resolved operation. */
export function operationRootFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): { type: GraphQLObjectType | null | undefined; fields: string[] } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return { type: schema.getRootType(operation.operation), fields: rootFieldNames(operation, fragments) };
}
