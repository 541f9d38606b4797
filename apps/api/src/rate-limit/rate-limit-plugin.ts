import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
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
 * Takes one token per selected `@CallsGateway()` root field (aliases count) from the merchant's bucket,
 * all or none, before any resolver runs. Over the limit: `RATE_LIMITED`, `extensions.retryAfterSeconds`,
 * HTTP 429 and a `Retry-After` header; nothing is written and no gateway is called.
 *
 * It runs in `responseForOperation`, which Apollo calls only once every plugin's `didResolveOperation`
 * has passed (those run concurrently, so no order among them can be relied on): a document refused
 * for its key kind or its complexity takes no token.
 */
export function rateLimitPlugin(schema: GraphQLSchema, limiter: TokenBucketLimiter, onRejected?: RateLimitRejectionHook): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, document, operation }) {
          const merchantId = contextValue.merchant?.id;
          if (merchantId === undefined) return null;
          const { type, fields } = operationRootFields(schema, document, operation);
          const cost = type ? fields.filter((field) => callsGateway(type, field)).length : 0;
          if (cost === 0) return null;
          const result = limiter.take(merchantId, cost);
          if (result.allowed) return null;
          try {
            onRejected?.({ merchantId, cost, retryAfterSeconds: result.retryAfterSeconds });
          } catch {
            // A metrics hook never changes the answer.
          }
          const message = result.exceedsBurst
            ? `Rate limited: this request makes ${cost} gateway calls, more than the burst allows; split it into smaller requests`
            : `Rate limited: too many gateway calls for this merchant; retry after ${result.retryAfterSeconds} s`;
          // A plugin's response bypasses formatError: this is already the client-visible shape.
          return {
            http: { status: 429, headers: new HeaderMap([['retry-after', String(result.retryAfterSeconds)]]) },
            body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds, retryable: true } }] } },
          };
        },
      };
    },
  };
}
