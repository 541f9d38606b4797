import 'reflect-metadata';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { systemClock, type Clock, type HttpTransport } from '@prism-sessions/connector-interfaces';
import { publishableKeyPlugin } from '../access/publishable-key-plugin';
import { ApiKeyRepository } from '../api-keys/api-key.repository';
import { ApiKeyResolver } from '../api-keys/api-key.resolver';
import { baseUrlOverridesOf, type AppConfig } from '../config/env';
import { readConnectorHeaders } from '../connectors/connector-headers';
import { createConnectorRegistry, type ConnectorRegistry } from '../connectors/connector-registry';
import { ConnectorResolver } from '../connectors/connector.resolver';
import { GatewayHttpTransport } from '../connectors/gateway-http-transport';
import { ConnectorClientTokens } from '../client-tokens/connector-client-tokens';
import { ConnectorStateRepository } from '../connector-state/connector-state.repository';
import { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { ConnectorAccountResolver } from '../connector-accounts/connector-account.resolver';
import { ConnectorAccountService } from '../connector-accounts/connector-account.service';
import type { FieldEncryptor } from '../crypto/field-encryption';
import { isDatabaseUnavailable } from '../errors/database-errors';
import { poolOf } from '../db/prisma';
import type { PrismaClient } from '../generated/prisma/client';
import type { GraphQLContext, RequestObservation } from '../graphql/context';
import { complexityPlugin } from '../graphql/complexity-plugin';
import { formatError } from '../graphql/format-error';
import { loggingPlugin } from '../graphql/logging-plugin';
import { buildAppSchema } from '../graphql/schema';
import { createGrpcServer } from '../grpc/grpc-server';
import { SessionTokenEndpoint } from '../grpc/session-token.endpoint';
import { createSessionTokenRoute } from '../http/create-session-token.route';
import { createHttpServer } from '../http/http-server';
import type { Logger } from '../logging/logger';
import { AUTHENTICATION_MESSAGES, MerchantAuthenticator } from '../merchants/merchant-authenticator';
import { AppMetrics } from '../metrics/app-metrics';
import { metricsHandler } from '../metrics/metrics-endpoint';
import { metricsPlugin } from '../metrics/metrics-plugin';
import { MerchantRepository } from '../merchants/merchant.repository';
import { PaymentSessionRepository } from '../payment-sessions/payment-session.repository';
import { PaymentSessionResolver } from '../payment-sessions/payment-session.resolver';
import { PaymentSessionService } from '../payment-sessions/payment-session.service';
import { rateLimitPlugin, type RateLimitRejectionHook } from '../rate-limit/rate-limit-plugin';
import { TokenBucketLimiter } from '../rate-limit/token-bucket';
import { ClientSigningKeyRepository } from '../signing-keys/client-signing-key.repository';
import { ClientSigningKeyResolver } from '../signing-keys/client-signing-key.resolver';
import { ClientAuthTokenRepository } from '../hyperapi/client-auth-token';
import { HYPER_ERRORS } from '../hyperapi/hyper-errors';
import { HyperProcessService } from '../hyperapi/hyper-process.service';
import { HyperSessionRepository } from '../hyperapi/hyper-session.repository';
import { hyperapiProcessRoute } from '../hyperapi/hyperapi.route';
import { HyperApiResolver } from '../hyperapi/hyperapi.resolver';
import { UpiCustomerRepository } from '../hyperapi/upi-customer.repository';
import { UpiCustomerResolver } from '../hyperapi/upi-customer.resolver';
import { readFileSync } from 'node:fs';
import { resolveGatewayBaseUrl } from '../connectors/gateway-base-url';
import { createSessionTokensRoute } from '../http/session-tokens.route';
import { PaymentRepository } from '../payments/payment.repository';
import { PaymentResolver } from '../payments/payment.resolver';
import { PaymentService } from '../payments/payment.service';
import { WalletSessionTokensResolver } from '../wallet-sessions/wallet-session-tokens.resolver';
import { WalletSessionService } from '../wallet-sessions/wallet-session.service';
import { createApplePayMerchantSessionClient, type ApplePayMerchantSessionClient } from '../wallets/apple-pay/apple-pay-merchant-session';
import { createWalletBuilders } from '../wallets/wallet-builder-registry';

/** Everything the app is built from. Tests pass their own clock, registry or transport. */
export interface AppDeps {
  readonly config: AppConfig;
  readonly prisma: PrismaClient;
  readonly encryptor: FieldEncryptor;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly connectors?: ConnectorRegistry;
  readonly transport?: HttpTransport;
  /** Called on every RATE_LIMITED answer (e.g. a metrics counter). */
  readonly onRateLimited?: RateLimitRejectionHook;
  /** Apple Pay merchant validation (tests inject a fake); built from APPLE_PAY_* otherwise. */
  readonly applePay?: ApplePayMerchantSessionClient;
}

/** A built application, not yet listening. */
export interface App {
  readonly server: Server;
  readonly merchants: MerchantRepository;
  /** This app's metrics (its own registry); e.g. for the rate limiter's `rateLimitRejected()`. */
  readonly metrics: AppMetrics;
  /** Starts HTTP (GraphQL, `/health`, the `/payments/create_session_token` alias); resolves with the GraphQL URL. */
  readonly apiKeys: ApiKeyRepository;
  /** Mints SDK client tokens (PayPal) for stored connector accounts, reusing stored access tokens. */
  readonly clientTokens: ConnectorClientTokens;
  listen(port: number, host?: string): Promise<string>;
  /** Starts the Prism-compatible gRPC server; resolves with the bound `host:port`. */
  listenGrpc(port: number, host?: string): Promise<string>;
  /** Stops gRPC and HTTP (letting running calls finish), then Apollo and the transport. */
  close(): Promise<void>;
}

const MAX_QUERY_DEPTH = 6;
const MAX_QUERY_COMPLEXITY = 3_000;
const MAX_QUERY_TOKENS = 2_000;


function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Composition root: wires repositories, service, resolvers, Apollo and the HTTP server. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, prisma, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const connectors = deps.connectors ?? createConnectorRegistry();
  const ownTransport = deps.transport ? undefined : new GatewayHttpTransport({ connectTimeoutMs: config.GATEWAY_CONNECT_TIMEOUT_MS, totalTimeoutMs: config.GATEWAY_TIMEOUT_MS });
  const transport = deps.transport ?? (ownTransport as HttpTransport);
  const metrics = new AppMetrics({ merchantLabel: config.METRICS_MERCHANT_LABEL });
  const pool = poolOf(prisma);
  if (pool) metrics.watchPool(pool);
  const merchants = new MerchantRepository(prisma);
  const apiKeys = new ApiKeyRepository(prisma);
  const authenticator = new MerchantAuthenticator({
    keys: apiKeys,
    clock,
    cacheTtlMs: config.API_KEY_CACHE_TTL_MS,
    onTouchError: (error) => logger.warn({ err: error }, 'could not record an API key use'),
  });
  const rateLimiter = new TokenBucketLimiter({ ratePerSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST, clock });
  const onRateLimited: RateLimitRejectionHook = (rejection) => {
    metrics.rateLimitRejected(rejection.merchantId);
    deps.onRateLimited?.(rejection);
  };
  const gatewayCallOptions = { baseUrlOverrides: baseUrlOverridesOf(config), baseUrlAllowlist: config.baseUrlAllowlist };
  const accountRepository = new ConnectorAccountRepository(prisma, deps.encryptor);
  const accountSource = new AccountCredentialSource(accountRepository, connectors, config.CONNECTOR_ACCOUNT_CACHE_TTL_MS);
  const accountService = new ConnectorAccountService({ accounts: accountRepository, source: accountSource, connectors, transport, clock, logger, options: gatewayCallOptions });
  const sessionRepository = new PaymentSessionRepository(prisma, deps.encryptor);
  const service = new PaymentSessionService({
    sessions: sessionRepository,
    connectorStates: new ConnectorStateRepository(prisma, deps.encryptor),
    connectors,
    transport,
    clock,
    logger,
    metrics,
    options: {
      expiryMarginSeconds: config.SESSION_EXPIRY_MARGIN_SECONDS,
      gatewayTimeoutMs: config.GATEWAY_TIMEOUT_MS,
      ...gatewayCallOptions,
    },
  });
  const upiCustomers = new UpiCustomerRepository(prisma);
  const clientAuthTokens = new ClientAuthTokenRepository(prisma);
  const hyperapi = new HyperProcessService({
    sessions: new HyperSessionRepository(prisma),
    tokens: clientAuthTokens,
    customers: upiCustomers,
    clock,
    logger,
    observer: {
      rejected: (reason) => metrics.hyperapiRejected(reason, HYPER_ERRORS[reason].errorCode),
      accepted: (action, authMethod) => metrics.hyperapiSession(action, authMethod),
    },
    options: { ttlMs: config.SIGNATURE_TTL_SECONDS * 1000, skewMs: config.SIGNATURE_CLOCK_SKEW_SECONDS * 1000, upiPrefix: config.UPI_PREFIX ?? '' },
  });
  const clientTokens = new ConnectorClientTokens({
    connectors,
    accounts: accountSource,
    accessTokens: service.accessTokens,
    transport,
    clock,
    logger,
    options: { ...gatewayCallOptions, expiryMarginSeconds: config.SESSION_EXPIRY_MARGIN_SECONDS },
  });
  const ownApplePay = deps.applePay
    ? undefined
    : createApplePayMerchantSessionClient({
        baseUrl: config.APPLE_PAY_BASE_URL,
        timeoutMs: config.APPLE_PAY_TIMEOUT_MS,
        ...(config.APPLE_PAY_CA_FILE ? { caPem: readFileSync(config.APPLE_PAY_CA_FILE, 'utf8') } : {}),
      });
  const applePay = deps.applePay ?? (ownApplePay as ApplePayMerchantSessionClient);
  const payments = new PaymentRepository(prisma);
  const paymentService = new PaymentService({ payments, sessions: sessionRepository, clock });
  const walletSessions = new WalletSessionService({
    payments,
    accounts: accountRepository,
    connectors,
    clock,
    builders: createWalletBuilders({
      apple: applePay,
      sessions: service,
      clientTokens,
      paytmHost: (testMode) => new URL(resolveGatewayBaseUrl(connectors.paytm, testMode, gatewayCallOptions.baseUrlOverrides, new Set())).origin,
    }),
    // Apple may be asked twice (client domain, then the configured one), then a gateway call; plus slack.
    lockTimeoutMs: 2 * config.APPLE_PAY_TIMEOUT_MS + config.GATEWAY_TIMEOUT_MS + 5_000,
    metrics,
  });
  const schema = await buildAppSchema({
    paymentSessions: new PaymentSessionResolver(service, clock, connectors, accountSource),
    connectorAccounts: new ConnectorAccountResolver(accountService),
    connectors: new ConnectorResolver(connectors, config.SESSION_EXPIRY_MARGIN_SECONDS),
    apiKeys: new ApiKeyResolver(apiKeys, clock, (id) => authenticator.forget(id)),
    clientSigningKeys: new ClientSigningKeyResolver(new ClientSigningKeyRepository(prisma), clock),
    hyperApi: new HyperApiResolver(hyperapi),
    upiCustomers: new UpiCustomerResolver(upiCustomers, clientAuthTokens, clock),
    payments: new PaymentResolver(paymentService, clock),
    walletSessionTokens: new WalletSessionTokensResolver(walletSessions),
  });
  const production = config.NODE_ENV === 'production';
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP drain, Apollo, Prisma, embedded Postgres, in that order); Apollo's own
    // signal handlers would stop it first and make our later stop() wait forever.
    stopOnTerminationSignals: false,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    // Decided by our config, not by Apollo's own reading of process.env.NODE_ENV.
    plugins: [
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      loggingPlugin(logger),
      // All before any resolver runs. The first two check in didResolveOperation (concurrently); the
      // rate limit takes tokens in responseForOperation, only once both have passed.
      publishableKeyPlugin(schema),
      complexityPlugin(schema, MAX_QUERY_COMPLEXITY),
      metricsPlugin(metrics, schema),
      rateLimitPlugin(schema, rateLimiter, onRateLimited),
    ],
  });
  await apollo.start();

  async function createContext(req: IncomingMessage, requestId: string, observation: RequestObservation): Promise<GraphQLContext> {
    let requestLogger: Logger | undefined;
    let result: Awaited<ReturnType<MerchantAuthenticator['authenticate']>>;
    try {
      result = await authenticator.authenticate({ authorization: header(req, 'authorization'), apiKey: header(req, 'api-key') });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        throw new GraphQLError('The service is temporarily unavailable; retry shortly', { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, http: { status: 503 } } });
      }
      throw error;
    }
    if (typeof result === 'string' && result !== 'MISSING_API_KEY') throw new GraphQLError(AUTHENTICATION_MESSAGES[result], { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    return {
      requestId,
      merchant: typeof result === 'string' ? null : result.merchant,
      apiKeyKind: typeof result === 'string' ? null : result.apiKey.kind,
      connectorHeaders: readConnectorHeaders((name) => header(req, name)),
      // Made on first use: most requests log nothing (at LOG_LEVEL=warn, nothing at all).
      get logger() {
        return (requestLogger ??= logger.child({ requestId }));
      },
      observation,
    };
  }

  async function health(): Promise<{ database: 'up' | 'down' }> {
    const probe = prisma.$queryRaw`SELECT 1`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('health probe timed out')), 1_000).unref());
    try {
      await Promise.race([probe, timeout]);
      return { database: 'up' };
    } catch {
      return { database: 'down' };
    }
  }

  const metricsEndpoint = metricsHandler(metrics, { production, ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) }, logger);
  const endpoint = new SessionTokenEndpoint({ service, connectors, authenticator, accounts: accountSource, rateLimiter, onRateLimited });
  const grpcServer = createGrpcServer({ endpoint, logger });
  const server = createHttpServer({
    apollo,
    createContext,
    health,
    maxBodyBytes: config.MAX_BODY_BYTES,
    logger,
    metrics,
    metricsEndpoint,
    createSessionTokenAlias: createSessionTokenRoute(endpoint, logger),
    hyperapiProcess: hyperapiProcessRoute(hyperapi, logger, config.MAX_BODY_BYTES),
    sessionTokens: createSessionTokensRoute({ service: walletSessions, authenticator, connectors, logger, paytmCheckout: config.PAYTM_CHECKOUT_SESSION_TOKENS, rateLimiter, onRateLimited }),
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    merchants,
    metrics,
    apiKeys,
    clientTokens,
    listen: (port, host = config.HOST) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}/graphql`);
        });
      }),
    listenGrpc: (port, host = config.HOST) => grpcServer.listen(port, host),
    close: async () => {
      await grpcServer.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await ownTransport?.close();
      await ownApplePay?.close();
    },
  };
}
