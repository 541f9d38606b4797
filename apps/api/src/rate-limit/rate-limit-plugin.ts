import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { callsGateway } from '../access/field-policy';
import { operationRootFields } from '../access/operation';
import type { GraphQLContext } from '../graphql/context';
import type { TokenBucketLimiter } from './token-bucket';

/** One refused operation, for a metrics counter (no key, no request content). */
export interface RateLimitRejection {
  readonly merchantId: string;
  /** Gateway-calling fields the operation selected. */
  readonly cost: number;
  readonly retryAfterSeconds: number;
}

/** Called on every rejection; must not throw (errors are swallowed). Wire a metrics counter here. */
export type RateLimitRejectionHook = (rejection: RateLimitRejection) => void;

/**
 * Takes one token per selected `@CallsGateway()` root field (aliases count) from the merchant's bucket
 * before any resolver runs. Over the limit: `RATE_LIMITED`, `extensions.retryAfterSeconds`, HTTP 429,
 * a `Retry-After` header; nothing is written and no gateway is called.
 */
export function rateLimitPlugin(schema: GraphQLSchema, limiter: TokenBucketLimiter, onRejected?: RateLimitRejectionHook): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, response }) {
          const merchantId = contextValue.merchant?.id;
          if (merchantId === undefined || !operation) return;
          const { type, fields } = operationRootFields(schema, document, operation);
          const cost = type ? fields.filter((field) => callsGateway(type, field)).length : 0;
          if (cost === 0) return;
          const result = limiter.take(merchantId, cost);
          if (result.allowed) return;
          try {
            onRejected?.({ merchantId, cost, retryAfterSeconds: result.retryAfterSeconds });
          } catch {
            // A metrics hook never changes the answer.
          }
          response.http.headers.set('retry-after', String(result.retryAfterSeconds));
          const message = result.exceedsBurst
            ? `Rate limited: this request makes ${cost} gateway calls, more than the burst allows; split it into smaller requests`
            : `Rate limited: too many gateway calls for this merchant; retry after ${result.retryAfterSeconds} s`;
          throw new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds, http: { status: 429 } } });
        },
      };
    },
  };
}
