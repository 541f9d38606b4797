/**
 * ADR 0023: `WEB_CONCURRENCY=2` runs a node:cluster primary with two API workers sharing the HTTP and
 * gRPC ports. Against the built process: both workers serve; 40 concurrent identical creates spread
 * over the workers still make one gateway call and one row; a worker killed by PID is replaced; and
 * SIGTERM to the primary stops every worker (checked by PID) and exits 0.
 */
import * as grpc from '@grpc/grpc-js';
import { loadGrpcContract, type CreateSessionTokenResponseMessage } from '@prism-sessions/grpc-contract';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { DbInspector } from './support/db-inspector';
import { authHeaders, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload } from './support/graphql-client';
import { simulatorControl, type SimulatorControl } from './support/simulator-control';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const WORKERS = 2;
const REQUESTS = 40;
const GATEWAY_LATENCY_MS = 200;
/** Generous: a busy 2-core machine can take a minute to start a worker, or seconds to drain one. */
const DEADLINE_MS = 120_000;

// Starting a primary and two workers on a loaded machine can take longer than jest's default.
jest.setTimeout(5 * 60_000);
const BANNER = /(\d+) API workers \(node:cluster\), pids ([\d, ]+); primary pid (\d+)/;

let env: E2eEnv;
let db: DbInspector;
let control: SimulatorControl;
let api: ApiProcess | undefined;
let starting: Promise<ApiProcess> | undefined;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  control = simulatorControl(env.simulatorUrl);
  starting = startApi('api-cluster', { ...env.apiEnv, WEB_CONCURRENCY: String(WORKERS) }, env.logDir);
  api = await starting;
});

afterAll(async () => {
  await control?.clearFaults().catch(() => undefined);
  // Stopped by PID even when the start outlived beforeAll's timeout (the workers follow their primary).
  const started = api ?? (await starting?.catch(() => undefined));
  await started?.proc.stop(DEADLINE_MS);
  await db?.close();
});

function cluster(): ApiProcess {
  if (!api) throw new Error('the cluster did not start');
  return api;
}

/** The JSON log lines the cluster wrote to stdout (workers and primary share it). */
function logLines(): Array<Record<string, unknown>> {
  return cluster()
    .proc.stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** PIDs of the workers the primary reported ready (in order; a replaced worker adds one). */
function readyWorkerPids(): number[] {
  return logLines()
    .filter((line) => line['msg'] === 'API worker ready')
    .map((line) => line['pid'] as number);
}

/** PIDs of the workers that logged a createSessionToken operation with a request id of this prefix. */
function servedBy(prefix: string): Set<number> {
  return new Set(
    logLines()
      .filter((line) => line['msg'] === 'graphql operation' && String(line['requestId']).startsWith(prefix))
      .map((line) => line['pid'] as number),
  );
}

describe(`WEB_CONCURRENCY=${WORKERS}: a node:cluster primary and its API workers`, () => {
  it('prints one banner with the worker PIDs, and every worker listens on the same HTTP and gRPC ports', () => {
    const match = BANNER.exec(cluster().proc.stdout());
    expect(match?.[1]).toBe(String(WORKERS));
    expect(Number(match?.[3])).toBe(cluster().proc.pid);
    const pids = (match?.[2] ?? '').split(', ').map(Number);
    expect(pids).toHaveLength(WORKERS);
    expect(pids.every(alive)).toBe(true);
    const ready = logLines().filter((line) => line['msg'] === 'API worker ready');
    expect(ready.map((line) => line['pid']).sort()).toEqual([...pids].sort());
    expect(new Set(ready.map((line) => line['url'])).size).toBe(1);
    expect(new Set(ready.map((line) => line['grpcAddress'])).size).toBe(1);
  });

  it(`turns ${REQUESTS} concurrent identical creates spread over the workers into one gateway call, one row and one token`, async () => {
    await control.setFault('nuvei', { kind: 'latency', ms: GATEWAY_LATENCY_MS });
    try {
      const merchantSessionId = uniqueSessionId('cluster');
      const input = sessionInput('NUVEI', merchantSessionId);
      const headers = authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig);
      const results = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          gql<{ createSessionToken: CreateSessionTokenPayload }>(cluster().url, CREATE_SESSION_TOKEN, { input }, { ...headers, 'x-request-id': `${merchantSessionId}-${i}` }),
        ),
      );
      // Every answer is the token (a waiter that gave up would answer SESSION_IN_PROGRESS; one that
      // presumed the winner dead would have made a second gateway call): no wall-clock bound needed.
      for (const result of results) {
        expect(result.httpStatus).toBe(200);
        expect(result.errors).toBeUndefined();
        expect(result.data?.createSessionToken.statusCode).toBe(200);
      }
      const payloads = results.map((result) => result.data?.createSessionToken as CreateSessionTokenPayload);
      expect(new Set(payloads.map((payload) => payload.sessionToken)).size).toBe(1);
      expect(payloads.filter((payload) => !payload.replayed)).toHaveLength(1);
      expect(await control.requestsFor('nuvei', merchantSessionId)).toBe(1);
      const rows = await db.sessions(merchantSessionId);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe('ACTIVE');
      expect(rows[0]?.attempt_count).toBe(1);
      // Each request came on its own connection; the primary hands connections to the workers in turn.
      await until(() => servedBy(`${merchantSessionId}-`).size === WORKERS, 'both workers to log their share');
      expect([...servedBy(`${merchantSessionId}-`)].sort()).toEqual([...readyWorkerPids()].sort());
    } finally {
      await control.clearFaults();
    }
  });

  it('answers gRPC CreateSessionToken through the shared gRPC port', async () => {
    const address = (/gRPC \(types\.MerchantAuthenticationService, with reflection\) ready at (\S+)/.exec(cluster().proc.stdout())?.[1] ?? '').replace(/^localhost:/, '127.0.0.1:');
    const proto = grpc.loadPackageDefinition(loadGrpcContract()) as unknown as { types: { MerchantAuthenticationService: grpc.ServiceClientConstructor } };
    const client = new proto.types.MerchantAuthenticationService(address, grpc.credentials.createInsecure());
    try {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${env.merchant.apiKey}`);
      metadata.set('x-connector', 'nuvei');
      metadata.set('x-connector-config', env.nuveiConnectorConfig);
      const call = (client as unknown as { CreateSessionToken: (r: unknown, m: grpc.Metadata, cb: (e: grpc.ServiceError | null, r?: CreateSessionTokenResponseMessage) => void) => void }).CreateSessionToken.bind(client);
      const body = { merchant_session_id: uniqueSessionId('cluster_grpc'), amount: { minor_amount: 1000, currency: 'USD' }, test_mode: true };
      const response = await new Promise<CreateSessionTokenResponseMessage>((resolve, reject) => call(body, metadata, (error, answer) => (error || !answer ? reject(error ?? new Error('no answer')) : resolve(answer))));
      expect(response.status_code).toBe(200);
      expect(response.session_token).not.toBe('');
    } finally {
      client.close();
    }
  });

  it('replaces a worker that dies, and keeps serving', async () => {
    const [victim] = readyWorkerPids();
    process.kill(victim as number, 'SIGKILL');
    await until(() => !alive(victim as number), `worker ${victim} to die`);
    await until(() => readyWorkerPids().length === WORKERS + 1, 'a replacement worker');
    const replacement = readyWorkerPids()[WORKERS] as number;
    expect(replacement).not.toBe(victim);
    expect(alive(replacement)).toBe(true);
    expect(logLines().some((line) => line['msg'] === 'an API worker died; starting a new one' && line['pid'] === victim && line['signal'] === 'SIGKILL')).toBe(true);

    const prefix = uniqueSessionId('after_restart');
    const headers = authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql<{ createSessionToken: CreateSessionTokenPayload }>(cluster().url, CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', `${prefix}_${i}`) }, { ...headers, 'x-request-id': `${prefix}-${i}` })),
    );
    for (const result of results) expect(result.data?.createSessionToken.statusCode).toBe(200);
    await until(() => servedBy(`${prefix}-`).has(replacement), 'the replacement worker to serve a request');
  });

  it('stops every worker on SIGTERM to the primary (graceful drain) and exits 0', async () => {
    const workers = readyWorkerPids().filter(alive);
    expect(workers).toHaveLength(WORKERS);
    const exit = await cluster().proc.stop(DEADLINE_MS);
    expect(exit).toEqual({ code: 0, signal: null });
    await until(() => workers.every((pid) => !alive(pid)), 'every worker to exit');
    const lines = logLines();
    for (const pid of workers) expect(lines.some((line) => line['msg'] === 'shutting down' && line['pid'] === pid && line['signal'] === 'SIGTERM')).toBe(true);
    expect(lines.some((line) => line['msg'] === 'all API workers stopped' && line['exitCode'] === 0)).toBe(true);
  });
});
