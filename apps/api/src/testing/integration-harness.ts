import 'reflect-metadata';
import { Writable } from 'node:stream';
import { systemClock, type Clock } from '@prism-sessions/connector-interfaces';
import { createNuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { createPaytmFakeGateway } from '@prism-sessions/connectors-paytm/testing';
import { createPaypalFakeGateway } from '@prism-sessions/connectors-paypal/testing';
import { startFakeGatewayServer, type FakeGatewayServer } from '@prism-sessions/testing-fake-gateway';
import { createApp, type App } from '../app/create-app';
import { loadConfig } from '../config/env';
import { createFieldEncryptor, generateEncryptionKey } from '../crypto/field-encryption';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createTestDatabase, type TestDatabase } from '@prism-sessions/platform-database';
import { createLogger } from '../logging/logger';
import type { RateLimitRejectionHook } from '../rate-limit/rate-limit-plugin';
import type { ApplePayMerchantSessionClient } from '../wallets/apple-pay/apple-pay-merchant-session';

/** Fake credentials the fake gateways accept. */
export const TEST_NUVEI = { merchantId: 'it_nuvei_merchant', merchantSiteId: 'it_site_77', merchantSecret: 'it_nuvei_secret_CANARY_N1' } as const;
/** A second Nuvei merchant the fake gateway knows (two accounts of one connector side by side). */
export const TEST_NUVEI_2 = { merchantId: 'it_nuvei_merchant_2', merchantSiteId: 'it_site_88', merchantSecret: 'it_nuvei_secret_CANARY_N2' } as const;
export const TEST_PAYTM = { merchantId: 'ITMID000000000000001', merchantKey: 'itPaytmKeyCANARY', website: 'WEBSTAGING' } as const;
export const TEST_PAYPAL = { clientId: 'it_paypal_client_id', clientSecret: 'it_paypal_secret_CANARY_P1' } as const;

/** `x-connector-config` header values for the test merchants. */
export const nuveiConfigHeader = (secret: string = TEST_NUVEI.merchantSecret): string =>
  JSON.stringify({ config: { Nuvei: { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: secret } } });
export const paytmConfigHeader = (key: string = TEST_PAYTM.merchantKey): string =>
  JSON.stringify({ config: { Paytm: { merchant_id: TEST_PAYTM.merchantId, merchant_key: key, website: TEST_PAYTM.website } } });

export const paypalConfigHeader = (secret: string = TEST_PAYPAL.clientSecret, clientId: string = TEST_PAYPAL.clientId): string =>
  JSON.stringify({ config: { Paypal: { client_id: clientId, client_secret: secret } } });

/** A GraphQL answer as received over HTTP. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly httpStatus: number;
  readonly data?: T;
  readonly errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  readonly raw: string;
}

export interface IntegrationEnv {
  readonly url: string;
  /** The gRPC server's `127.0.0.1:<port>`. */
  readonly grpcAddress: string;
  readonly prisma: PrismaClient;
  /** The current encryption key (base64) the server seals columns with. */
  readonly encryptionKey: string;
  readonly gateway: FakeGatewayServer;
  readonly nuvei: ReturnType<typeof createNuveiFakeGateway>;
  readonly paytm: ReturnType<typeof createPaytmFakeGateway>;
  readonly paypal: ReturnType<typeof createPaypalFakeGateway>;
  /** `apiKey` is the merchant's secret key; `publishableKey` its publishable key. */
  readonly merchantA: { id: string; apiKey: string; publishableKey: string };
  readonly merchantB: { id: string; apiKey: string; publishableKey: string };
  /** Every log line the server wrote. */
  readonly logs: string[];
  /** The app's client-token minting (PayPal), as other modules call it. */
  readonly clientTokens: App['clientTokens'];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** POSTs a raw body (a string is sent as is) to a REST path of the API, e.g. `/payments/session_tokens`. */
  rest(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; raw: string; headers: Headers }>;
  /** `GET /metrics` on the API. */
  scrapeMetrics(headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /**
   * Database operations the app has sent so far (each Prisma operation or raw statement is one round
   * trip; a transaction's BEGIN/COMMIT are not counted). Only with `countDatabaseOperations`.
   */
  databaseOperations(): number;
  /**
   * Starts another API instance on the same database, gateways and clock (its own Prisma pool, service
   * and in-process state): stands in for a second API process. `encryptionKey`/`previousKeys` default
   * to this one's key. Closed by {@link close} too.
   */
  startPeer(keys?: { encryptionKey: string; previousKeys?: string }): Promise<PeerApi>;
  /** Deletes all sessions, connector state and connector accounts, resets gateways and faults. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A second API instance of an {@link IntegrationEnv}. */
export interface PeerApi {
  readonly url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const raw = await response.text();
  const parsed = JSON.parse(raw) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { httpStatus: response.status, raw, ...(parsed.data !== undefined ? { data: parsed.data } : {}), ...(parsed.errors ? { errors: parsed.errors } : {}) };
}

export interface IntegrationOptions {
  readonly gatewayTimeoutMs?: number;
  /** Token generator of the fake gateways (e.g. canaries for leak tests). */
  readonly newToken?: () => string;
  readonly clock?: Clock;
  readonly env?: Record<string, string>;
  /** Called on every RATE_LIMITED answer. */
  readonly onRateLimited?: RateLimitRejectionHook;
  /** Count the app's database operations (see {@link IntegrationEnv.databaseOperations}). */
  readonly countDatabaseOperations?: boolean;
  /** Apple Pay merchant validation client (a fake; the real one talks to APPLE_PAY_BASE_URL). */
  readonly applePay?: ApplePayMerchantSessionClient;
}

/**
 * Starts the real API (HTTP on 127.0.0.1, port 0) on a fresh database (the DATABASE_URL server,
 * or an embedded Postgres), with the connectors' fake gateways behind a real local HTTP server.
 */
export async function startIntegrationEnv(options: IntegrationOptions = {}): Promise<IntegrationEnv> {
  const database: TestDatabase = await createTestDatabase('api_it');
  const prisma = createPrismaClient(database.databaseUrl, { poolMax: 20 });
  const clock = options.clock ?? systemClock;
  const newToken = options.newToken ? { newToken: options.newToken } : {};
  const nuvei = createNuveiFakeGateway({ merchants: [TEST_NUVEI, TEST_NUVEI_2], clock, ...newToken });
  const paytm = createPaytmFakeGateway({ merchants: [TEST_PAYTM], clock, ...newToken });
  const paypal = createPaypalFakeGateway({ merchants: [TEST_PAYPAL], now: () => clock.now().getTime(), ...newToken });
  const gateway = await startFakeGatewayServer({ gateways: { nuvei, paytm, paypal } });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    NUVEI_BASE_URL: gateway.baseUrl('nuvei'),
    PAYTM_BASE_URL: `${gateway.baseUrl('paytm')}/`,
    PAYPAL_BASE_URL: gateway.baseUrl('paypal'),
    // Generous: a cold first request on a busy machine must not time out against the in-process fake.
    GATEWAY_TIMEOUT_MS: String(options.gatewayTimeoutMs ?? 3000),
    GATEWAY_CONNECT_TIMEOUT_MS: '500',
    ...options.env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const encryptionKey = generateEncryptionKey();
  let operations = 0;
  const appPrisma = options.countDatabaseOperations
    ? (prisma.$extends({
        query: {
          async $allOperations({ args, query }) {
            operations += 1;
            return query(args);
          },
        },
      }) as unknown as PrismaClient)
    : prisma;
  const app: App = await createApp({
    config,
    prisma: appPrisma,
    encryptor: createFieldEncryptor(encryptionKey),
    logger: createLogger('info', sink),
    clock,
    ...(options.onRateLimited ? { onRateLimited: options.onRateLimited } : {}),
    ...(options.applePay ? { applePay: options.applePay } : {}),
  });
  const url = await app.listen(0, '127.0.0.1');
  const grpcAddress = await app.listenGrpc(0, '127.0.0.1');
  const a = await app.merchants.create('merchant-a');
  const b = await app.merchants.create('merchant-b');

  const gql = <T,>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> =>
    postGraphQL<T>(url, query, variables, headers);

  const peers: PeerApi[] = [];
  const startPeer = async (keys: { encryptionKey: string; previousKeys?: string } = { encryptionKey }): Promise<PeerApi> => {
    const peerPrisma = createPrismaClient(database.databaseUrl, { poolMax: 20 });
    const peerApp = await createApp({
      config,
      prisma: peerPrisma,
      encryptor: createFieldEncryptor(keys.encryptionKey, keys.previousKeys),
      logger: createLogger('info', sink),
      clock,
    });
    const peerUrl = await peerApp.listen(0, '127.0.0.1');
    const peer: PeerApi = {
      url: peerUrl,
      gql: <T,>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => postGraphQL<T>(peerUrl, query, variables, headers),
      close: async () => {
        const index = peers.indexOf(peer);
        if (index < 0) return;
        peers.splice(index, 1);
        await peerApp.close();
        await peerPrisma.$disconnect();
      },
    };
    peers.push(peer);
    return peer;
  };

  const rest = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const raw = await response.text();
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, raw, headers: response.headers };
  };

  const scrapeMetrics = async (headers: Record<string, string> = {}) => {
    const response = await fetch(new URL('/metrics', url), { headers });
    return { status: response.status, body: await response.text() };
  };

  return {
    url,
    grpcAddress,
    prisma,
    encryptionKey,
    gateway,
    nuvei,
    paytm,
    paypal,
    merchantA: { id: a.merchant.id, apiKey: a.apiKey, publishableKey: a.publishableKey },
    merchantB: { id: b.merchant.id, apiKey: b.apiKey, publishableKey: b.publishableKey },
    logs,
    clientTokens: app.clientTokens,
    databaseOperations: () => operations,
    gql,
    rest,
    scrapeMetrics,
    startPeer,
    reset: async () => {
      await prisma.paymentSession.deleteMany({});
      await prisma.payment.deleteMany({});
      await prisma.connectorState.deleteMany({});
      await prisma.connectorAccount.deleteMany({});
      gateway.reset();
      nuvei.reset();
      paytm.reset();
      paypal.reset();
    },
    close: async () => {
      for (const peer of [...peers]) await peer.close();
      await app.close();
      await gateway.stop();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** Real time shifted by an adjustable offset: lets tests jump past token expiry while timeouts stay real. */
export class OffsetClock implements Clock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Authorization (+ connector config) headers for a merchant. */
export function authHeaders(apiKey: string, connectorConfig?: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}`, ...(connectorConfig !== undefined ? { 'x-connector-config': connectorConfig } : {}) };
}
