import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import type { AppMetrics } from './app-metrics';
import { operationLabel, rootFieldNames } from './operation-label';

/**
 * Names each operation with a bounded label (for the HTTP counter, via the request's observation)
 * and observes its latency.
 */
export function metricsPlugin(metrics: AppMetrics, schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  const known = rootFieldNames(schema);
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didResolveOperation({ operation }) {
          contextValue.observation.operation = operationLabel(operation, known);
        },
        async willSendResponse() {
          metrics.graphqlOperation(contextValue.observation.operation, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
