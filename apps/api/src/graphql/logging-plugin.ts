import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/** Logs each operation (name, duration) and every unexpected error with its request id. Values go through the redacting logger. */
export function loggingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions['code'];
            if (typeof code === 'string' && EXPECTED_CODES.has(code)) {
              contextValue.logger.info({ code, path: error.path }, 'request rejected');
            } else {
              contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'operation failed');
            }
          }
        },
        async willSendResponse({ operationName }) {
          contextValue.logger.info({ operationName, durationMs: Math.round(performance.now() - started) }, 'graphql operation');
        },
      };
    },
  };
}
