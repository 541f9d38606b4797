import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Distinct variable values remembered per document (e.g. page sizes); older ones are recomputed. */
const MAX_CACHED_VARIANTS = 64;

/**
 * Rejects operations whose estimated cost exceeds `maxComplexity` before any resolver runs.
 * Each field costs 1; list fields declare their own cost (e.g. `paymentSessions` multiplies its
 * children by `first`), so aliasing many large pages is refused.
 *
 * The estimate is cached per parsed document (Apollo reuses the same `DocumentNode` for the same
 * query text), keyed by the operation name and by the only variables that can change it: those
 * passed to fields whose cost is a function of their arguments, and those of directives
 * (`@include(if: $x)`). A checkout mutation's estimate is therefore computed once, not per request.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  const cache = new WeakMap<DocumentNode, { readonly costVariables: readonly string[]; readonly estimates: Map<string, number> }>();
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let entry = cache.get(document);
          if (!entry) {
            entry = { costVariables: variablesAffectingCost(schema, document), estimates: new Map() };
            cache.set(document, entry);
          }
          const variables = request.variables ?? {};
          const key = JSON.stringify([request.operationName ?? null, ...entry.costVariables.map((name) => variables[name] ?? null)]);
          let complexity = entry.estimates.get(key);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({ schema, query: document, ...(request.operationName ? { operationName: request.operationName } : {}), variables, estimators });
            } catch {
              // Invalid variables: leave them to execution, which reports them as BAD_USER_INPUT.
              return;
            }
            if (entry.estimates.size >= MAX_CACHED_VARIANTS) entry.estimates.clear();
            entry.estimates.set(key, complexity);
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(`Query complexity ${complexity} exceeds the maximum of ${maxComplexity}; request fewer fields or smaller pages`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Names of the variables used in arguments of directives or of fields whose cost depends on arguments. */
export function variablesAffectingCost(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        if (typeof typeInfo.getFieldDef()?.extensions['complexity'] === 'function') field.arguments?.forEach(collect);
      },
      Directive(directive) {
        directive.arguments?.forEach(collect);
      },
    }),
  );
  return [...names].sort();
}
