import type { IncomingMessage, ServerResponse } from 'node:http';
import { Secret } from '@prism-sessions/masking';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import { isDatabaseUnavailable } from '../errors/database-errors';
import type { Logger } from '../logging/logger';
import type { MerchantAuthenticator } from '../merchants/merchant-authenticator';
import type { RateLimitRejectionHook } from '../rate-limit/rate-limit-plugin';
import type { TokenBucketLimiter } from '../rate-limit/token-bucket';
import { hsErrorBody, internalError, malformedBody, type HsError } from '../wallet-sessions/hs-error';
import { parseClientContext } from '../wallet-sessions/client-context';
import { parseSessionTokensBody } from '../wallet-sessions/session-tokens.body';
import type { WalletSessionService } from '../wallet-sessions/wallet-session.service';

/** Upstream's client-side endpoint (seed 003). */
export const SESSION_TOKENS_PATH = '/payments/session_tokens';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Sends an upstream error body with its status. */
export function sendHsError(res: ServerResponse, error: HsError): void {
  sendJson(res, error.httpStatus, hsErrorBody(error));
}

/** What the route needs. */
export interface SessionTokensRouteDeps {
  readonly service: WalletSessionService;
  readonly authenticator: MerchantAuthenticator;
  readonly connectors: ConnectorRegistry;
  readonly logger: Logger;
  /** PAYTM_CHECKOUT_SESSION_TOKENS: emit the non-upstream `paytm_checkout` wallet. */
  readonly paytmCheckout: boolean;
  /** The merchant's gateway-call bucket (shared with GraphQL and gRPC): one token per call of a publishable key. */
  readonly rateLimiter: TokenBucketLimiter;
  readonly onRateLimited?: RateLimitRejectionHook;
}

/**
 * `POST /payments/session_tokens`, faithful to upstream (seed 003 §2-§6, §13.1): body errors `IR_06`,
 * then the publishable key in `api-key` (`IR_01` for anything else, secret keys included), then
 * the domain service's checks; answers `{payment_id, client_secret, session_token}` with 200 even
 * when no wallet produced a token.
 */
export function createSessionTokensRoute(deps: SessionTokensRouteDeps): (req: IncomingMessage & { body?: unknown }, res: ServerResponse, requestId: string) => Promise<void> {
  return async (req, res, requestId) => {
    const logger = deps.logger.child({ requestId, route: SESSION_TOKENS_PATH });
    const body = parseSessionTokensBody(deps.connectors, req.body, deps.paytmCheckout);
    if ('code' in body) {
      logger.info({ code: body.code }, 'wallet session tokens refused: body');
      sendHsError(res, body);
      return;
    }
    try {
      const apiKey = header(req, 'api-key');
      // Upstream reads the publishable key from `api-key` only.
      const caller = apiKey === undefined ? 'MISSING_API_KEY' : await deps.authenticator.authenticate({ apiKey });
      if (typeof caller !== 'string' && caller.apiKey.kind === 'PUBLISHABLE') {
        const taken = deps.rateLimiter.take(caller.merchant.id, 1);
        if (!taken.allowed) {
          deps.onRateLimited?.({ merchantId: caller.merchant.id, cost: 1, retryAfterSeconds: taken.retryAfterSeconds });
          // Not an upstream answer (upstream has no per-merchant limit here); same shape, our code.
          res.setHeader('retry-after', String(taken.retryAfterSeconds));
          sendJson(res, 429, { error: { type: 'invalid_request', message: `Too many requests; retry after ${taken.retryAfterSeconds} s`, code: 'RATE_LIMITED' } });
          return;
        }
      }
      const result = await deps.service.createTokens({
        caller: typeof caller === 'string' ? null : { merchantId: caller.merchant.id, keyKind: caller.apiKey.kind },
        paymentId: body.paymentId,
        clientSecret: new Secret(body.clientSecret),
        wallets: body.wallets,
        client: parseClientContext((name) => header(req, name), logger),
        ...(body.credentialOverrides ? { credentialOverrides: body.credentialOverrides } : {}),
        extensions: deps.paytmCheckout,
        logger,
      });
      if (!result.ok) {
        sendHsError(res, result.error);
        return;
      }
      sendJson(res, 200, { payment_id: result.paymentId, client_secret: result.clientSecret.expose(), session_token: result.tokens.map((entry) => entry.token) });
    } catch (error) {
      logger.error({ err: error }, isDatabaseUnavailable(error) ? 'database unavailable serving session_tokens' : 'unexpected error serving session_tokens');
      sendHsError(res, internalError());
    }
  };
}

/** The `IR_06` of a body that is not JSON at all (the HTTP server's parser failed). */
export const unparseableBody = (): HsError => malformedBody('expected value');
