import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Rejects operations whose estimated cost exceeds `maxComplexity` before any resolver runs.
 * Each field costs 1; list fields declare their own cost (e.g. `paymentSessions` multiplies its
 * children by `first`), so aliasing many large pages is refused.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              ...(request.operationName ? { operationName: request.operationName } : {}),
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Invalid variables: leave them to execution, which reports them as BAD_USER_INPUT.
            return;
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
