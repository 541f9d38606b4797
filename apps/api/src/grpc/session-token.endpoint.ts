import type { CreateSessionTokenRequestMessage, CreateSessionTokenResponseMessage } from '@prism-sessions/grpc-contract';
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import { readConnectorHeaders } from '../connectors/connector-headers';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import { AuthenticationError, ForbiddenError, RateLimitedError } from '../errors/app-errors';
import { AUTHENTICATION_MESSAGES, type MerchantAuthenticator } from '../merchants/merchant-authenticator';
import type { RateLimitRejectionHook } from '../rate-limit/rate-limit-plugin';
import type { TokenBucketLimiter } from '../rate-limit/token-bucket';
import { toCreateSessionCommand } from '../payment-sessions/create-session-token.command';
import type { PaymentSessionService } from '../payment-sessions/payment-session.service';
import { toCreateSessionTokenInput } from './session-token-request';
import { toSessionTokenResponse } from './session-token-response';

/** What the endpoint needs. */
export interface SessionTokenEndpointDeps {
  readonly service: PaymentSessionService;
  readonly connectors: ConnectorRegistry;
  readonly authenticator: MerchantAuthenticator;
  /** Stored connector accounts (cached), for requests without credential headers. */
  readonly accounts: AccountCredentialSource;
  /** The same per-merchant limiter the GraphQL operations spend from (one token per call). */
  readonly rateLimiter: TokenBucketLimiter;
  readonly onRateLimited?: RateLimitRejectionHook;
}

/** An answer, plus what the gRPC/HTTP layers add as headers. */
export interface SessionTokenAnswer {
  readonly response: CreateSessionTokenResponseMessage;
  readonly sessionId: string;
  readonly replayed: boolean;
}

/**
 * The Prism-compatible door into `PaymentSessionService.createSessionToken`, shared by the gRPC
 * service (both RPC names) and the HTTP alias: authenticates `authorization: Bearer <api key>`,
 * builds the same command the GraphQL mutation builds, and maps the result to upstream's message.
 * @throws AuthenticationError, InvalidInputError, or the service's own errors (database down).
 */
export class SessionTokenEndpoint {
  constructor(private readonly deps: SessionTokenEndpointDeps) {}

  async createSessionToken(request: CreateSessionTokenRequestMessage, header: (name: string) => string | undefined, deadline?: Date): Promise<SessionTokenAnswer> {
    const caller = await this.deps.authenticator.authenticate({ authorization: header('authorization'), apiKey: header('api-key') });
    if (caller === 'MISSING_API_KEY') throw new AuthenticationError('Missing API key: send the authorization header "Bearer <api key>"');
    if (typeof caller === 'string') throw new AuthenticationError(AUTHENTICATION_MESSAGES[caller]);
    if (caller.apiKey.kind !== 'SECRET') throw new ForbiddenError('A publishable key cannot create server sessions: use a secret key');
    const merchantId = caller.merchant.id;
    const input = await toCreateSessionTokenInput(request);
    const command = await toCreateSessionCommand(this.deps.connectors, this.deps.accounts, merchantId, input, readConnectorHeaders(header), { connectorFromConfig: true });
    // Spent after validation, as the GraphQL plugin spends before resolvers: invalid input costs nothing.
    const taken = this.deps.rateLimiter.take(merchantId, 1);
    if (!taken.allowed) {
      try {
        this.deps.onRateLimited?.({ merchantId, cost: 1, retryAfterSeconds: taken.retryAfterSeconds });
      } catch {
        // A metrics hook never changes the answer.
      }
      throw new RateLimitedError(taken.retryAfterSeconds);
    }
    const result = await this.deps.service.createSessionToken(deadline ? { ...command, deadline } : command);
    return { response: toSessionTokenResponse(result), sessionId: result.session.id, replayed: result.replayed };
  }
}
