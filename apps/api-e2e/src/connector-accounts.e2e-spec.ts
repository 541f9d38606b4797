/**
 * Stored connector accounts on real processes: an account created (and verified live against the
 * simulator) through the shared API serves createSessionToken on a second API process without any
 * x-connector-config header; disabling it through the first process is refused by the second within
 * its cache bound (CONNECTOR_ACCOUNT_CACHE_TTL_MS); the secret is in no answer and no log file.
 */
import { readFileSync } from 'node:fs';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_SESSION_TOKEN, DISABLE_CONNECTOR_ACCOUNT } from '@prism-sessions/testing-graphql-documents';
import { DbInspector } from './support/db-inspector';
import { authHeaders, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload } from './support/graphql-client';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const CACHE_TTL_MS = 1_000;
/** Far above the bound: a busy machine may be slow, but the refusal must come. */
const DISABLE_DEADLINE_MS = 30_000;

interface AccountPayload {
  createConnectorAccount: { connectorAccount: { id: string; lastVerifiedAt: string | null; credentialHints: Record<string, string> } | null; error: unknown };
}
type SessionAnswer = { createSessionToken: CreateSessionTokenPayload & { session: { connectorAccountId: string | null } | null } };

let env: E2eEnv;
let db: DbInspector;
let second: ApiProcess | undefined;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  second = await startApi('api-accounts', { ...env.apiEnv, CONNECTOR_ACCOUNT_CACHE_TTL_MS: String(CACHE_TTL_MS) }, env.logDir);
});
afterAll(async () => {
  const exit = await second?.proc.stop();
  await db?.close();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

it('creates sessions from a stored account without x-connector-config, across processes, until it is disabled', async () => {
  const credentials = (JSON.parse(env.nuveiConnectorConfig) as { config: { Nuvei: Record<string, string> } }).config.Nuvei;
  const secret = credentials['merchant_secret'] as string;
  const auth = authHeaders(env.merchant.apiKey);
  const answers: string[] = [];

  // A named account (not a default): the other e2e specs' requests without a header stay unaffected.
  const created = await gql<AccountPayload>(env.apiUrl, CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'e2e', testMode: true, credentials, verify: true } }, auth);
  answers.push(created.raw);
  const account = created.data?.createConnectorAccount.connectorAccount;
  expect(account?.lastVerifiedAt).toEqual(expect.any(String));
  expect(account?.credentialHints).toEqual({ merchant_id: credentials['merchant_id'], merchant_site_id: credentials['merchant_site_id'] });
  const accountId = account?.id ?? '';

  const orderId = uniqueSessionId('stored');
  const session = await gql<SessionAnswer>(second?.url ?? '', CREATE_SESSION_TOKEN, { input: { ...sessionInput('NUVEI', orderId), connectorAccountId: accountId } }, auth);
  answers.push(session.raw);
  expect(session.data?.createSessionToken.statusCode).toBe(200);
  expect(session.data?.createSessionToken.session?.connectorAccountId).toBe(accountId);
  expect((await db.session(orderId)) as unknown as Record<string, unknown>).toMatchObject({ connector_account_id: accountId, status: 'ACTIVE' });

  const disabled = await gql(env.apiUrl, DISABLE_CONNECTOR_ACCOUNT, { id: accountId }, auth);
  answers.push(disabled.raw);
  const deadline = Date.now() + DISABLE_DEADLINE_MS;
  let refusal: Record<string, unknown> | undefined;
  while (refusal === undefined && Date.now() < deadline) {
    const attempt = await gql<SessionAnswer>(second?.url ?? '', CREATE_SESSION_TOKEN, { input: { ...sessionInput('NUVEI', uniqueSessionId('after_disable')), connectorAccountId: accountId } }, auth);
    answers.push(attempt.raw);
    refusal = attempt.errors?.[0]?.extensions;
    if (refusal === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connectorAccountId', reason: 'CONNECTOR_ACCOUNT_DISABLED' });

  const logs = [second?.proc.stdout() ?? '', readFileSync(second?.proc.stdoutFile ?? '', 'utf8')].join('\n');
  expect(logs.length).toBeGreaterThan(0);
  for (const text of [...answers, logs]) expect(text).not.toContain(secret);
});
