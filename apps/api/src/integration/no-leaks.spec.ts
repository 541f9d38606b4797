import { authHeaders, CREATE_SESSION_TOKEN, nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, TEST_NUVEI, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

// Canaries: every secret, token and piece of PII that passes through the service.
let tokenCount = 0;
const CANARY_TOKEN = 'CANARYTOKEN';
const canaries = {
  nuveiSecret: TEST_NUVEI.merchantSecret,
  paytmKey: TEST_PAYTM.merchantKey,
  wrongSecret: 'CANARY_WRONG_SECRET_77',
  metadata: 'CANARY_METADATA_email=jane.doe@example.com',
  connectorFeatureData: 'CANARY_FEATURE_DATA_42',
  accessToken: 'CANARY_ACCESS_TOKEN_99',
  userAgent: 'CANARY_USER_AGENT/1.0',
};

let env: IntegrationEnv;
const responses: string[] = [];

async function call(input: Record<string, unknown>, headers: Record<string, string>): Promise<{ sessionToken: string | null; session: { id: string } | null }> {
  const res = await env.gql<{ createSessionToken: { sessionToken: string | null; session: { id: string } | null } }>(CREATE_SESSION_TOKEN, { input }, headers);
  responses.push(res.raw);
  return res.data?.createSessionToken ?? { sessionToken: null, session: null };
}

async function dumpTables(): Promise<string> {
  const tables = ['merchants', 'payment_sessions', 'payment_session_attempts', 'connector_states', '_prisma_migrations'];
  const dump: Record<string, unknown> = {};
  for (const table of tables) {
    const rows = await env.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
    // Render bytes both as hex and as text, so a plaintext stored in a bytea column would show.
    dump[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? `${Buffer.from(v).toString('hex')} ${Buffer.from(v).toString('latin1')}` : typeof v === 'bigint' ? v.toString() : v])),
    );
  }
  return JSON.stringify(dump);
}

beforeAll(async () => {
  env = await startIntegrationEnv({ gatewayTimeoutMs: 3000, newToken: () => `${CANARY_TOKEN}${(tokenCount += 1)}` });
});
afterAll(async () => {
  await env?.close();
});

describe('no secret, token or PII in clear anywhere', () => {
  it('runs every flow and finds no canary in logs, responses (bar the owner’s token) or any table', async () => {
    const a = (config: string) => authHeaders(env.merchantA.apiKey, config);
    const pii = {
      metadata: canaries.metadata,
      connectorFeatureData: canaries.connectorFeatureData,
      state: { accessToken: { token: canaries.accessToken, expiresInSeconds: 3600, tokenType: 'Bearer' }, connectorCustomerId: 'cus_1' },
      browserInfo: { userAgent: canaries.userAgent, ipAddress: '203.0.113.7', osType: 'Android' },
    };
    const nuvei = (id: string, extra: Record<string, unknown> = {}) => ({ connector: 'NUVEI', merchantSessionId: id, amount: { minorAmount: 1000, currency: 'USD' }, ...pii, ...extra });
    const paytm = (id: string, extra: Record<string, unknown> = {}) => ({ connector: 'PAYTM', merchantSessionId: id, amount: { minorAmount: 1000, currency: 'INR' }, ...pii, ...extra });

    // success, replay, conflict, revoke
    const created = await call(nuvei('leak_1'), a(nuveiConfigHeader()));
    expect(created.sessionToken).toMatch(/^CANARYTOKEN/);
    await call(nuvei('leak_1'), a(nuveiConfigHeader()));
    await call(nuvei('leak_1', { amount: { minorAmount: 5, currency: 'USD' } }), a(nuveiConfigHeader()));
    await call(paytm('LEAK_2'), a(paytmConfigHeader()));
    const owner = await env.gql('query($id: ID!) { paymentSession(id: $id) { id token status } }', { id: created.session?.id }, a(nuveiConfigHeader()));
    responses.push(owner.raw);
    const list = await env.gql('query { paymentSessions { edges { node { id status error { unifiedDetails { code } } } } } }', {}, a(nuveiConfigHeader()));
    responses.push(list.raw);
    const revoke = await env.gql('mutation($id: ID!) { revokePaymentSession(id: $id) { session { status token } } }', { id: created.session?.id }, a(nuveiConfigHeader()));
    responses.push(revoke.raw);
    // other merchant reading A's session
    const other = await env.gql('query($id: ID!) { paymentSession(id: $id) { token } }', { id: created.session?.id }, authHeaders(env.merchantB.apiKey));
    responses.push(other.raw);

    // each failure class
    await call(nuvei('leak_3'), a(nuveiConfigHeader(canaries.wrongSecret)));
    await call(paytm('LEAK_4'), a(paytmConfigHeader('CANARYwrongkey16')));
    env.gateway.setFault('nuvei', { kind: 'status', status: 500, body: '{"error":"boom"}', contentType: 'application/json' }, { times: 1 });
    await call(nuvei('leak_5'), a(nuveiConfigHeader()));
    env.gateway.setFault('nuvei', { kind: 'timeout' }, { times: 1 });
    await call(nuvei('leak_6'), a(nuveiConfigHeader()));
    env.gateway.setFault('nuvei', { kind: 'malformed-json' }, { times: 1 });
    await call(nuvei('leak_7'), a(nuveiConfigHeader()));
    env.gateway.setFault('paytm', { kind: 'truncated' }, { times: 1 });
    await call(paytm('LEAK_8'), a(paytmConfigHeader()));
    env.gateway.setFault('paytm', { kind: 'reset' }, { times: 1 });
    await call(paytm('LEAK_9'), a(paytmConfigHeader()));
    // invalid input carrying secrets
    await call(nuvei('bad id with spaces'), a(nuveiConfigHeader()));
    await call(nuvei('leak_10'), a(JSON.stringify({ config: { Nuvei: { merchant_id: canaries.nuveiSecret } } })));
    const badKey = await env.gql(CREATE_SESSION_TOKEN, { input: nuvei('leak_11') }, authHeaders(`sk_${canaries.nuveiSecret}`, nuveiConfigHeader()));
    responses.push(badKey.raw);

    const issuedTokens = [...env.nuvei.issuedTokens, ...env.paytm.issuedTokens];
    expect(issuedTokens.length).toBeGreaterThanOrEqual(3);
    // Signatures and checksums the gateway received must not be echoed anywhere either.
    const wireSecrets = env.gateway.requests.flatMap((request) => {
      const found = /"(?:checksum|signature)":"([^"]+)"/g;
      return [...request.body.matchAll(found)].map((m) => m[1] as string);
    });
    expect(wireSecrets.length).toBeGreaterThan(0);

    const logs = env.logs.join('\n');
    const tables = await dumpTables();
    // The owner legitimately receives its live token in `sessionToken` / `token`; strip exactly those fields.
    const responseText = responses.map((raw) => raw.replace(/"(sessionToken|token)":"CANARYTOKEN\d+"/g, '"$1":"<owner token>"')).join('\n');
    const everything = { logs, tables, responses: responseText };
    const secrets = [...Object.values(canaries), env.merchantA.apiKey, env.merchantB.apiKey, ...wireSecrets, CANARY_TOKEN];
    const found: string[] = [];
    for (const [where, text] of Object.entries(everything)) {
      for (const secret of secrets) if (text.includes(secret)) found.push(`${secret.slice(0, 12)}… in ${where}`);
    }
    expect(found).toEqual([]);
    // The owner did receive its token (so the strip above was not vacuous).
    expect(responses.join('\n')).toContain(created.sessionToken ?? 'missing');
    expect(logs.length).toBeGreaterThan(1000);
    // The dump really holds the flows' rows (revoked, failed, unknown outcome, encrypted state).
    for (const status of ['REVOKED', 'FAILED', 'OUTCOME_UNKNOWN', 'ACTIVE']) expect(tables).toContain(`"${status}"`);
    expect(tables).toContain('access_token_ciphertext');
  });
});
