/**
 * Issue 15 (keys and rate limits) against the built processes: the merchant from `create-merchant.js`
 * has a publishable key that is refused on a secret-key operation; a minted key works through the
 * `api-key` header and stops working once revoked; an API process with a tiny burst answers
 * RATE_LIMITED (429) without calling the gateway or writing a row.
 */
import { API_KEYS, CREATE_API_KEY, CREATE_SESSION_TOKEN, REVOKE_API_KEY } from '@prism-sessions/testing-graphql-documents';
import { DbInspector } from './support/db-inspector';
import { authHeaders, gql, sessionInput, uniqueSessionId } from './support/graphql-client';
import { simulatorControl, type SimulatorControl } from './support/simulator-control';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

let env: E2eEnv;
let db: DbInspector;
let control: SimulatorControl;
let limited: ApiProcess | undefined;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  control = simulatorControl(env.simulatorUrl);
  limited = await startApi('api-rate-limited', { ...env.apiEnv, RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_SECOND: '0.01' }, env.logDir);
});

afterAll(async () => {
  const exit = await limited?.proc.stop();
  await db?.close();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

describe('API keys across the real processes', () => {
  it('create-merchant printed a publishable key, which is refused (403) on createSessionToken', async () => {
    expect(env.merchant.publishableKey).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    const id = uniqueSessionId('pk');
    const res = await gql(env.apiUrl, CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', id) }, authHeaders(env.merchant.publishableKey, env.nuveiConnectorConfig));
    expect(res.httpStatus).toBe(403);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await db.sessions(id)).toEqual([]);
    expect(await control.requestsFor('nuvei', id)).toBe(0);
  });

  it('a minted key works through the api-key header and is refused once revoked', async () => {
    const minted = await gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(env.apiUrl, CREATE_API_KEY, { input: { name: 'e2e', kind: 'SECRET' } }, authHeaders(env.merchant.apiKey));
    const key = minted.data?.createApiKey.key as string;
    expect((await gql(env.apiUrl, API_KEYS, {}, { 'api-key': key })).httpStatus).toBe(200);
    await gql(env.apiUrl, REVOKE_API_KEY, { id: minted.data?.createApiKey.apiKey.id }, authHeaders(env.merchant.apiKey));
    const refused = await gql(env.apiUrl, API_KEYS, {}, { 'api-key': key });
    expect(refused.httpStatus).toBe(401);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('rate limit (an API process with RATE_LIMIT_BURST=2)', () => {
  it('answers RATE_LIMITED with HTTP 429 and retryAfterSeconds once the burst is spent: no gateway call, no row', async () => {
    const url = (limited as ApiProcess).url;
    const headers = authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig);
    for (let i = 0; i < 2; i += 1) {
      expect((await gql(url, CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', uniqueSessionId('rl_ok')) }, headers)).httpStatus).toBe(200);
    }
    const id = uniqueSessionId('rl_refused');
    const res = await gql(url, CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', id) }, headers);
    expect(res.httpStatus).toBe(429);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(await db.sessions(id)).toEqual([]);
    expect(await control.requestsFor('nuvei', id)).toBe(0);
  });
});
