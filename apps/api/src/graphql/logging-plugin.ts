import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Logger } from '../logging/logger';
import type { GraphQLContext } from './context';

const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Logs each operation (name, duration) at `info` and every unexpected error with its request id.
 * Values go through the redacting logger. `logger` is the process's root logger: when it does not
 * log at `info`, the per-operation hook is not installed at all (no per-request work for a line that
 * would be dropped, and the request's child logger is never created: see `createContext`).
 */
export function loggingPlugin(logger: Pick<Logger, 'isLevelEnabled'>): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const didEncounterErrors: NonNullable<GraphQLRequestListener<GraphQLContext>['didEncounterErrors']> = async ({ errors }) => {
        for (const error of errors) {
          const code = error.extensions['code'];
          if (typeof code === 'string' && EXPECTED_CODES.has(code)) {
            contextValue.logger.info({ code, path: error.path }, 'request rejected');
          } else {
            contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'operation failed');
          }
        }
      };
      if (!logger.isLevelEnabled('info')) return { didEncounterErrors };
      const started = performance.now();
      return {
        didEncounterErrors,
        async willSendResponse({ operationName }) {
          contextValue.logger.info({ operationName, durationMs: Math.round(performance.now() - started) }, 'graphql operation');
        },
      };
    },
  };
}
