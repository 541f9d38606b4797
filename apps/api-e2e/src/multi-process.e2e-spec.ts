/**
 * ADR 0004 across processes: a second API process on the same database; 50 concurrent identical
 * createSessionToken requests, 25 to each process, while the gateway is slow (200 ms). The session
 * row is the lock: exactly one gateway call, one row, one token for all 50.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DbInspector } from './support/db-inspector';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload, type GraphQLConnector } from './support/graphql-client';
import { simulatorControl, type SimulatedConnector, type SimulatorControl } from './support/simulator-control';
import { GATEWAY_TIMEOUT_MS, readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const REQUESTS = 50;
const GATEWAY_LATENCY_MS = 200;

let env: E2eEnv;
let db: DbInspector;
let control: SimulatorControl;
let second: ApiProcess | undefined;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  control = simulatorControl(env.simulatorUrl);
  second = await startApi('api-second', { ...env.apiEnv }, env.logDir);
  // Warm both processes up (first-request JIT, database pool) so the timing bound below measures
  // the coordination, not a cold start.
  for (const url of [env.apiUrl, second.url]) {
    for (const [graphql, header] of [
      ['NUVEI', env.nuveiConnectorConfig],
      ['PAYTM', env.paytmConnectorConfig],
    ] as const) {
      await Promise.all(
        Array.from({ length: 5 }, () => gql(url, CREATE_SESSION_TOKEN, { input: sessionInput(graphql, uniqueSessionId('warmup')) }, authHeaders(env.merchant.apiKey, header))),
      );
    }
  }
});

afterAll(async () => {
  await control?.clearFaults().catch(() => undefined);
  // Stopped by PID (SIGTERM, then SIGKILL after 5 s), also when a test failed.
  const exit = await second?.proc.stop();
  await db?.close();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

const cases: ReadonlyArray<{ simulated: SimulatedConnector; graphql: GraphQLConnector; header: () => string }> = [
  { simulated: 'nuvei', graphql: 'NUVEI', header: () => env.nuveiConnectorConfig },
  { simulated: 'paytm', graphql: 'PAYTM', header: () => env.paytmConnectorConfig },
];

describe.each(cases)('two API processes, one database: $simulated', ({ simulated, graphql, header }) => {
  afterEach(async () => {
    await control.clearFaults();
  });

  it(`turns ${REQUESTS} concurrent identical requests split over both processes into one gateway call, one row and one token`, async () => {
    const api2 = second as ApiProcess;
    expect(api2.proc.pid).not.toBe(env.apiPid);
    expect(api2.url).not.toBe(env.apiUrl);

    await control.setFault(simulated, { kind: 'latency', ms: GATEWAY_LATENCY_MS });
    const merchantSessionId = uniqueSessionId(`mp_${simulated}`);
    const input = sessionInput(graphql, merchantSessionId);
    const headers = authHeaders(env.merchant.apiKey, header());
    const urls = [env.apiUrl, api2.url];

    const started = performance.now();
    // Each request carries its own x-request-id, which the API logs: proof of which process served it.
    const requestId = (i: number) => `${merchantSessionId}-${i}`;
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        gql<{ createSessionToken: CreateSessionTokenPayload }>(urls[i % 2] as string, CREATE_SESSION_TOKEN, { input }, { ...headers, 'x-request-id': requestId(i) }),
      ),
    );
    const wallMs = performance.now() - started;

    // No errors anywhere: every answer is a 200 payload with the token.
    for (const result of results) {
      expect(result.httpStatus).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data?.createSessionToken.error).toBeNull();
      expect(result.data?.createSessionToken.statusCode).toBe(200);
      expect(result.data?.createSessionToken.session?.status).toBe('ACTIVE');
    }
    const payloads = results.map((result) => result.data?.createSessionToken as CreateSessionTokenPayload);
    const tokens = new Set(payloads.map((payload) => payload.sessionToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toEqual(expect.any(String));
    expect(new Set(payloads.map((payload) => payload.session?.id)).size).toBe(1);
    // One request made the gateway call; the other 49 got its result.
    expect(payloads.filter((payload) => !payload.replayed)).toHaveLength(1);

    // Exactly one gateway call, one session row, one attempt.
    expect(await control.requestsFor(simulated, merchantSessionId)).toBe(1);
    const rows = await db.sessions(merchantSessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('ACTIVE');
    expect(rows[0]?.attempt_count).toBe(1);
    expect((await db.attempts(rows[0]?.id as string)).map((a) => a.status)).toEqual(['ACTIVE']);

    // The split really happened: each process logged exactly its 25 (log lines arrive through a pipe: poll briefly).
    // The shared API was started by the global setup: read its log file.
    const firstLog = () => readFileSync(path.join(env.logDir, 'api.stdout.log'), 'utf8');
    const servedBy = (stdout: string) => operationRequestIds(stdout, `${merchantSessionId}-`);
    const deadline = Date.now() + 15_000;
    while ((servedBy(api2.proc.stdout()).length < REQUESTS / 2 || servedBy(firstLog()).length < REQUESTS / 2) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const odd = Array.from({ length: REQUESTS / 2 }, (_, k) => requestId(2 * k + 1)).sort();
    const even = Array.from({ length: REQUESTS / 2 }, (_, k) => requestId(2 * k)).sort();
    expect(servedBy(api2.proc.stdout()).sort()).toEqual(odd);
    expect(servedBy(firstLog()).sort()).toEqual(even);
    // Waiters poll the winner's row and are answered with its result (checked above); they would give
    // up, or presume the winner dead, only GATEWAY_TIMEOUT_MS + 5 s after starting. Finishing before that
    // shows none did. (Unloaded this takes well under a second; a tighter bound measured machine load:
    // 3.0-4.5 s with load average 15-20 on 2 cores.)
    expect(wallMs).toBeLessThan(GATEWAY_TIMEOUT_MS + 5_000);
  });
});

/** Request ids (with this prefix) of the createSessionToken operations a process logged. */
function operationRequestIds(stdout: string, prefix: string): string[] {
  const ids: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.includes('"operationName":"Create"')) continue;
    const id = /"requestId":"([^"]+)"/.exec(line)?.[1];
    if (id?.startsWith(prefix)) ids.push(id);
  }
  return ids;
}
