import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** The label of anything outside the bounded set. */
export const OTHER = 'other';

/** The root field names of the schema (queries and mutations): the only operation label values. */
export function rootFieldNames(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(type?.getFields() ?? {})) names.add(name);
  }
  return names;
}

/**
 * The `operation` label of a GraphQL operation: the schema root field it selects (aliases resolved to
 * the real field name), or `other` when it selects several, none, or one we do not know. The
 * client's free-form `operationName` is never used.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined, known: ReadonlySet<string>): string {
  const selections = operation?.selectionSet.selections;
  if (selections?.length !== 1) return OTHER;
  const only = selections[0];
  return only?.kind === Kind.FIELD && known.has(only.name.value) ? only.name.value : OTHER;
}
