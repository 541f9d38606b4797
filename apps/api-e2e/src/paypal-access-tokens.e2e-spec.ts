/**
 * ADR 0019 across real processes: a second API process on the same database; 50 concurrent PayPal
 * sessions (distinct merchantSessionIds, so 50 client tokens), none of which finds a stored access
 * token, 25 to each process, while the simulated PayPal is slow (200 ms). The advisory lock on the
 * token's scope makes them share one token call.
 */
import { DbInspector } from './support/db-inspector';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload } from './support/graphql-client';
import { simulatorControl, type SimulatorControl } from './support/simulator-control';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const REQUESTS = 50;
const GATEWAY_LATENCY_MS = 200;
const TOKEN_PATH = '/v1/oauth2/token';
const CLIENT_TOKEN_PATH = '/v1/identity/generate-token';

let env: E2eEnv;
let db: DbInspector;
let control: SimulatorControl;
let second: ApiProcess | undefined;

async function paypalCalls(): Promise<{ token: number; clientToken: number }> {
  const requests = await control.requests('paypal');
  const count = (path: string) => requests.filter((request) => request.path.replace(/^\/+/, '/') === path).length;
  return { token: count(TOKEN_PATH), clientToken: count(CLIENT_TOKEN_PATH) };
}

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  control = simulatorControl(env.simulatorUrl);
  second = await startApi('api-second-paypal', { ...env.apiEnv }, env.logDir);
});

afterAll(async () => {
  await control?.clearFaults().catch(() => undefined);
  const exit = await second?.proc.stop();
  await db?.close();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

describe('PayPal access tokens across two API processes', () => {
  it(`makes one token call for ${REQUESTS} concurrent first sessions split over both processes, then reuses the stored token`, async () => {
    const api2 = second as ApiProcess;
    expect(api2.proc.pid).not.toBe(env.apiPid);
    const headers = authHeaders(env.merchant.apiKey, env.paypalConnectorConfig);
    const before = await paypalCalls();
    expect(await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM connector_states WHERE connector = 'PAYPAL'`)).toEqual([{ n: '0' }]);

    await control.setFault('paypal', { kind: 'latency', ms: GATEWAY_LATENCY_MS });
    const urls = [env.apiUrl, api2.url];
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        gql<{ createSessionToken: CreateSessionTokenPayload }>(urls[i % 2] as string, CREATE_SESSION_TOKEN, { input: sessionInput('PAYPAL', uniqueSessionId(`pp_mp_${i}`)) }, headers),
      ),
    );
    await control.clearFaults();
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.createSessionToken.statusCode).toBe(200);
      expect(result.data?.createSessionToken.sessionToken).toEqual(expect.any(String));
    }
    const after = await paypalCalls();
    expect(after.token - before.token).toBe(1);
    expect(after.clientToken - before.clientToken).toBe(REQUESTS);

    const sources = await db.query<{ access_token_source: string; n: string }>(
      `SELECT a.access_token_source, count(*)::text AS n FROM payment_session_attempts a JOIN payment_sessions s ON s.id = a.session_id
       WHERE s.connector = 'PAYPAL' GROUP BY a.access_token_source ORDER BY 1`,
    );
    expect(sources).toEqual([
      { access_token_source: 'FETCHED', n: '1' },
      { access_token_source: 'STORED', n: String(REQUESTS - 1) },
    ]);

    // The next session, on either process, reuses the stored token.
    const next = await gql<{ createSessionToken: CreateSessionTokenPayload }>(api2.url, CREATE_SESSION_TOKEN, { input: sessionInput('PAYPAL', uniqueSessionId('pp_mp_next')) }, headers);
    expect(next.data?.createSessionToken.statusCode).toBe(200);
    expect((await paypalCalls()).token - before.token).toBe(1);
  });
});
