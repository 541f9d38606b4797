import { rmSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { Writable } from 'node:stream';
import { createNuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { createPaytmFakeGateway } from '@prism-sessions/connectors-paytm/testing';
import { startFakeGatewayServer, type FakeGatewayServer } from '@prism-sessions/testing-fake-gateway';
import { createApp, type App } from '../app/create-app';
import { loadConfig } from '../config/env';
import { createFieldEncryptor, generateEncryptionKey } from '../crypto/field-encryption';
import { applyMigrations, createScratchDir, findFreePort, startEmbeddedPostgres, type EmbeddedPostgres } from '@prism-sessions/platform-database';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createLogger } from '../logging/logger';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { SessionTokenGrpcClient } from '../testing/grpc-client';
import { authHeaders, nuveiConfigHeader, TEST_NUVEI, TEST_PAYTM } from '../testing/integration-harness';

jest.setTimeout(120_000);

// Its own embedded Postgres, because this test stops and restarts the database under the app.
let dataDir: string;
let port: number;
let database: EmbeddedPostgres | undefined;
let prisma: PrismaClient;
let gateway: FakeGatewayServer;
let app: App;
let url: string;
let grpcAddress: string;
let apiKey: string;

const create = async (merchantSessionId: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(apiKey, nuveiConfigHeader()) },
    body: JSON.stringify({ query: CREATE_SESSION_TOKEN, variables: { input: { connector: 'NUVEI', merchantSessionId, amount: { minorAmount: 1000, currency: 'USD' } } } }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { createSessionToken: { statusCode: number; sessionToken: string | null } } | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
};

beforeAll(async () => {
  dataDir = createScratchDir('api-outage'); // reachable by the postgres user wherever the checkout is
  port = await findFreePort();
  database = await startEmbeddedPostgres({ dataDir, port });
  await applyMigrations(database.databaseUrl);
  prisma = createPrismaClient(database.databaseUrl, { connectionTimeoutMs: 1000 });
  const nuvei = createNuveiFakeGateway({ merchants: [TEST_NUVEI] });
  const paytm = createPaytmFakeGateway({ merchants: [TEST_PAYTM] });
  gateway = await startFakeGatewayServer({ gateways: { nuvei, paytm } });
  const config = loadConfig({ NODE_ENV: 'test', NUVEI_BASE_URL: gateway.baseUrl('nuvei'), PAYTM_BASE_URL: `${gateway.baseUrl('paytm')}/`, GATEWAY_TIMEOUT_MS: '1000' });
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  app = await createApp({ config, prisma, encryptor: createFieldEncryptor(generateEncryptionKey()), logger: createLogger('info', sink) });
  url = await app.listen(0, '127.0.0.1');
  grpcAddress = await app.listenGrpc(0, '127.0.0.1');
  apiKey = (await app.merchants.create('outage')).apiKey;
});

afterAll(async () => {
  await app?.close();
  await gateway?.stop();
  await prisma?.$disconnect();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('database outage', () => {
  it('fails fast with SERVICE_UNAVAILABLE while the database is down, makes no gateway call, and recovers when it returns', async () => {
    expect((await create('before_outage')).body.data?.createSessionToken.statusCode).toBe(200);
    const callsBefore = gateway.callCount('nuvei');

    await database?.stop();
    database = undefined;

    for (const id of ['during_1', 'during_2']) {
      const started = performance.now();
      const { status, body } = await create(id);
      expect(performance.now() - started).toBeLessThan(10_000); // 1 s connect timeout; generous for a busy machine
      expect(status).toBeLessThan(600);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    }
    // The gRPC surface says UNAVAILABLE, without the driver's text.
    const grpcClient = new SessionTokenGrpcClient(grpcAddress);
    const grpcOutcome = await grpcClient.call(
      'CreateSessionToken',
      { merchant_session_id: 'during_grpc', amount: { minor_amount: 1000, currency: 'USD' } },
      { ...authHeaders(apiKey, nuveiConfigHeader()) },
    );
    grpcClient.close();
    expect(grpcOutcome.error?.code).toBe(status.UNAVAILABLE);
    expect(grpcOutcome.error?.details).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    expect(gateway.callCount('nuvei')).toBe(callsBefore);
    const health = await fetch(url.replace('/graphql', '/health'));
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', database: 'down' });

    database = await startEmbeddedPostgres({ dataDir, port });
    // Recovers once the pool reconnects: poll until then, with a generous deadline.
    let recovered: Awaited<ReturnType<typeof create>> | undefined;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      recovered = await create('after_outage');
      if (recovered.body.data?.createSessionToken.statusCode === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered?.body.data?.createSessionToken.statusCode).toBe(200);
    // /health probes with a 1 s timeout: on a busy machine give it a few tries.
    let healthStatus = 0;
    for (const deadline = Date.now() + 30_000; healthStatus !== 200 && Date.now() < deadline; ) {
      healthStatus = (await fetch(url.replace('/graphql', '/health'))).status;
      if (healthStatus !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(healthStatus).toBe(200);
    expect(await prisma.paymentSession.count()).toBe(2);
  });
});
