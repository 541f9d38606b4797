import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { isClientFacing } from './field-policy';
import { operationRootFields } from './operation';

/**
 * Refuses, before any resolver runs, an operation made with a PUBLISHABLE key that selects a root
 * field not marked `@ClientFacing()`: `FORBIDDEN`, HTTP 403. Secret keys and anonymous callers pass
 * (resolvers refuse the latter with UNAUTHENTICATED).
 */
export function publishableKeyPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (contextValue.apiKeyKind !== 'PUBLISHABLE' || !operation) return;
          const { type, fields } = operationRootFields(schema, document, operation);
          const refused = type ? fields.filter((field) => !isClientFacing(type, field)) : fields;
          if (refused.length === 0) return;
          throw new GraphQLError(`A publishable key cannot call ${[...new Set(refused)].join(', ')}: use a secret key (sk_…) from your server`, {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}
