/**
 * The Prism-compatible gRPC surface over real sockets: a client generated from our .proto (by
 * proto-loader, as any Prism user's generated client would be) against the real API, Postgres and
 * the fake gateways. Gateway outcomes come back in the message with gRPC OK; only bad metadata, bad
 * input and authentication fail the call.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { nuveiFakeAnswers } from '@prism-sessions/connectors-nuvei/testing';
import { SessionTokenGrpcClient, listServicesByReflection, type GrpcOutcome } from '../testing/grpc-client';
import { nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, TEST_NUVEI, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

/** Below this the gateway timeout would not matter; the deadline test relies on latency < timeout. */
const GATEWAY_TIMEOUT_MS = 4_000;

/** Seed 000's request body, byte for byte (`../shared/spec/seeds/000-prism-create-session-token.md`). */
const SEED_BODY = `{
    "merchant_session_id": "session_001",
    "amount": {
      "minor_amount": 10000,
      "currency": "USD"
    },
    "browser_info": {
      "accept_header": "text/html",
      "user_agent": "Mozilla/5.0..."
    },
    "test_mode": true
  }`;

let env: IntegrationEnv;
let client: SessionTokenGrpcClient;
let auth: Record<string, string>;

const nuvei = (): Record<string, string> => ({ ...auth, 'x-connector': 'nuvei', 'x-connector-config': nuveiConfigHeader() });
const paytm = (): Record<string, string> => ({ ...auth, 'x-connector': 'paytm', 'x-connector-config': paytmConfigHeader() });
const request = (overrides: Record<string, unknown> = {}) => ({ merchant_session_id: 'grpc_order_1', amount: { minor_amount: 1000, currency: 'USD' }, test_mode: true, ...overrides });

function expectStatus(outcome: GrpcOutcome, code: status): ServiceError {
  expect(outcome.response).toBeUndefined();
  expect(outcome.error?.code).toBe(code);
  return outcome.error as ServiceError;
}

function trailer(error: ServiceError, key: string): string | undefined {
  const value = error.metadata?.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}

async function sessionRows() {
  return env.prisma.paymentSession.findMany({ where: { merchantId: env.merchantA.id } });
}

beforeAll(async () => {
  env = await startIntegrationEnv({ gatewayTimeoutMs: GATEWAY_TIMEOUT_MS });
  client = new SessionTokenGrpcClient(env.grpcAddress);
  auth = { authorization: `Bearer ${env.merchantA.apiKey}` };
});
afterAll(async () => {
  client?.close();
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('success', () => {
  it('answers the seed request body, byte for byte, with a Nuvei session token and status_code 200', async () => {
    const outcome = await client.call('CreateSessionToken', JSON.parse(SEED_BODY), nuvei());
    expect(outcome.error).toBeUndefined();
    expect(outcome.response).toEqual({ session_token: env.nuvei.issuedTokens[0], status_code: 200 });
    expect(outcome.headers?.get('x-replayed')).toEqual(['false']);
    const [row] = await sessionRows();
    expect(row?.status).toBe('ACTIVE');
    expect(row?.merchantSessionId).toBe('session_001');
    expect(row?.minorAmount).toBe(10000n);
    expect(row?.tokenCiphertext).not.toBeNull();
    expect(outcome.headers?.get('x-session-id')).toEqual([row?.id]);
    expect(JSON.parse(env.gateway.requests[0]?.body ?? '{}')).toMatchObject({ clientRequestId: 'session_001' });
  });

  it('creates a Paytm txnToken (INR) from x-connector-config', async () => {
    const outcome = await client.call('CreateSessionToken', request({ merchant_session_id: 'GRPC-PAYTM-1', amount: { minor_amount: '250000', currency: 'INR' } }), paytm());
    expect(outcome.response).toEqual({ session_token: env.paytm.issuedTokens[0], status_code: 200 });
    expect(env.gateway.requests[0]?.body).toContain('"txnAmount":{"value":"2500.00","currency":"INR"}');
  });

  it('accepts upstream’s legacy headers: Paytm signature-key and multi-auth-key, Nuvei signature-key', async () => {
    const legacyPaytm = { ...auth, 'x-connector': 'paytm', 'x-auth': 'signature-key', 'x-api-key': TEST_PAYTM.merchantId, 'x-key1': TEST_PAYTM.merchantKey, 'x-api-secret': TEST_PAYTM.website };
    const first = await client.call('CreateSessionToken', request({ merchant_session_id: 'LEGACY-1', amount: { minor_amount: 100, currency: 'INR' } }), legacyPaytm);
    expect(first.response?.status_code).toBe(200);
    const multi = await client.call('CreateSessionToken', request({ merchant_session_id: 'LEGACY-2', amount: { minor_amount: 100, currency: 'INR' } }), {
      ...legacyPaytm,
      'x-auth': 'multi-auth-key',
      'x-key2': 'client-7',
    });
    expect(multi.response?.status_code).toBe(200);
    expect(JSON.parse(env.gateway.requests[1]?.body ?? '{}')).toMatchObject({ head: { clientId: 'client-7' } });
    const legacyNuvei = { ...auth, 'x-connector': 'nuvei', 'x-auth': 'signature-key', 'x-api-key': TEST_NUVEI.merchantId, 'x-key1': TEST_NUVEI.merchantSiteId, 'x-api-secret': TEST_NUVEI.merchantSecret };
    const third = await client.call('CreateSessionToken', request({ merchant_session_id: 'LEGACY-3' }), legacyNuvei);
    expect(third.response).toEqual({ session_token: env.nuvei.issuedTokens[0], status_code: 200 });
  });

  it('lets x-connector-config win over the legacy headers', async () => {
    const outcome = await client.call('CreateSessionToken', request(), { ...nuvei(), 'x-auth': 'signature-key', 'x-api-key': 'other', 'x-key1': 'other', 'x-api-secret': 'other' });
    expect(outcome.response?.status_code).toBe(200);
  });

  it('serves the newer name CreateServerSessionAuthenticationToken (domain_context.payment) from the same handler', async () => {
    const outcome = await client.call(
      'CreateServerSessionAuthenticationToken',
      { merchant_server_session_id: 'grpc_cs_c', payment: { amount: { minor_amount: 1500, currency: 'USD' }, browser_info: { user_agent: 'UA' } }, test_mode: true },
      nuvei(),
    );
    expect(outcome.response).toEqual({ session_token: env.nuvei.issuedTokens[0], status_code: 200 });
    expect((await sessionRows())[0]?.merchantSessionId).toBe('grpc_cs_c');
  });
});

describe('replay and conflict', () => {
  it('replays an identical request without a second gateway call', async () => {
    const first = await client.call('CreateSessionToken', request(), nuvei());
    const second = await client.call('CreateSessionToken', request(), nuvei());
    expect(second.response).toEqual(first.response);
    expect(second.headers?.get('x-replayed')).toEqual(['true']);
    expect(env.gateway.callCount('nuvei')).toBe(1);
  });

  it('answers a reuse with other parameters as a 409 IDEMPOTENCY_CONFLICT in the message, gRPC OK', async () => {
    await client.call('CreateSessionToken', request(), nuvei());
    const outcome = await client.call('CreateSessionToken', request({ amount: { minor_amount: 2000, currency: 'USD' } }), nuvei());
    expect(outcome.error).toBeUndefined();
    expect(outcome.response?.status_code).toBe(409);
    expect(outcome.response?.session_token).toBe('');
    expect(outcome.response?.error?.unified_details?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(env.gateway.callCount('nuvei')).toBe(1);
  });
});

describe('gateway faults come back in the message with gRPC OK', () => {
  const cases = [
    { name: 'no answer (timeout)', fault: { kind: 'timeout' as const }, statusCode: 504, code: 'GATEWAY_TIMEOUT', stored: 'OUTCOME_UNKNOWN' },
    { name: 'connection reset', fault: { kind: 'reset' as const }, statusCode: 502, code: 'NETWORK_ERROR', stored: 'OUTCOME_UNKNOWN' },
    { name: 'truncated body', fault: { kind: 'truncated' as const }, statusCode: 502, code: 'NETWORK_ERROR', stored: 'OUTCOME_UNKNOWN' },
    { name: 'malformed JSON with HTTP 200', fault: { kind: 'malformed-json' as const }, statusCode: 502, code: 'GATEWAY_MALFORMED_RESPONSE', stored: 'FAILED' },
    {
      name: 'HTTP 503 with an HTML body',
      fault: { kind: 'status' as const, status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' },
      statusCode: 503,
      code: 'GATEWAY_UNAVAILABLE',
      stored: 'FAILED',
      connectorCode: '503',
    },
    { name: 'HTTP 500 JSON', fault: { kind: 'answer' as const, response: nuveiFakeAnswers.serverError(500) }, statusCode: 500, code: 'GATEWAY_UNAVAILABLE', stored: 'FAILED', connectorCode: '500' },
    { name: 'HTTP 400 JSON (errCode "1001")', fault: { kind: 'answer' as const, response: nuveiFakeAnswers.clientErrorStringCode(400) }, statusCode: 400, code: 'INVALID_SIGNATURE', stored: 'FAILED', connectorCode: '1001' },
  ];

  it.each(cases)('$name → status_code $statusCode, $code', async ({ fault, statusCode, code, stored, connectorCode }) => {
    env.gateway.setFault('nuvei', fault);
    const outcome = await client.call('CreateSessionToken', request(), nuvei());
    expect(outcome.error).toBeUndefined();
    expect(outcome.response?.status_code).toBe(statusCode);
    expect(outcome.response?.session_token).toBe('');
    expect(outcome.response?.error?.unified_details?.code).toBe(code);
    expect(outcome.response?.error?.unified_details?.message).toEqual(expect.any(String));
    if (connectorCode) expect(outcome.response?.error?.connector_details?.code).toBe(connectorCode);
    else expect(outcome.response?.error?.connector_details).toBeUndefined();
    expect((await sessionRows())[0]?.status).toBe(stored);
  });

  it('reports a Nuvei rejection (wrong secret) with the gateway’s code, and a Paytm 5xx', async () => {
    const rejected = await client.call('CreateSessionToken', request(), { ...nuvei(), 'x-connector-config': nuveiConfigHeader('wrong_secret_CANARY_G1') });
    expect(rejected.response?.status_code).toBe(422);
    expect(rejected.response?.error?.connector_details?.code).toBe('1001');
    expect(JSON.stringify(rejected)).not.toContain('CANARY_G1');
    env.gateway.setFault('paytm', { kind: 'status', status: 502, body: '<html>bad gateway</html>', contentType: 'text/html' });
    const paytm5xx = await client.call('CreateSessionToken', request({ merchant_session_id: 'PAYTM-5XX', amount: { minor_amount: 100, currency: 'INR' } }), paytm());
    expect(paytm5xx.response?.status_code).toBe(502);
    expect(paytm5xx.response?.error?.unified_details?.code).toBe('GATEWAY_UNAVAILABLE');
  });
});

describe('deadlines', () => {
  it('cancels a call past its deadline and records the attempt like a timeout (the gateway would have answered in time)', async () => {
    // 1.5 s of latency is below the 4 s gateway timeout: without the deadline this call succeeds.
    env.gateway.setFault('nuvei', { kind: 'latency', ms: 1_500 });
    const outcome = await client.call('CreateSessionToken', request(), nuvei(), { deadline: new Date(Date.now() + 300) });
    expectStatus(outcome, status.DEADLINE_EXCEEDED);
    let row = (await sessionRows())[0];
    for (const until = Date.now() + 30_000; (!row || row.status === 'PENDING') && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = (await sessionRows())[0];
    }
    expect(row?.status).toBe('OUTCOME_UNKNOWN');
    expect(row?.unifiedErrorCode).toBe('GATEWAY_TIMEOUT');
  });
});

describe('bad metadata', () => {
  it('refuses a missing or wrong API key with UNAUTHENTICATED', async () => {
    const { authorization: _, ...noAuth } = nuvei();
    expectStatus(await client.call('CreateSessionToken', request(), noAuth), status.UNAUTHENTICATED);
    expectStatus(await client.call('CreateSessionToken', request(), { ...nuvei(), authorization: 'Bearer sk_wrong' }), status.UNAUTHENTICATED);
    expect(await sessionRows()).toHaveLength(0);
  });

  it('refuses a publishable key with PERMISSION_DENIED (creating a server session needs a secret key), by either header', async () => {
    const { authorization: _, ...noAuth } = nuvei();
    expectStatus(await client.call('CreateSessionToken', request(), { ...noAuth, authorization: `Bearer ${env.merchantA.publishableKey}` }), status.PERMISSION_DENIED);
    expectStatus(await client.call('CreateSessionToken', request(), { ...noAuth, 'api-key': env.merchantA.publishableKey }), status.PERMISSION_DENIED);
    expect(await sessionRows()).toHaveLength(0);
    expect(env.gateway.requests).toHaveLength(0);
  });

  const cases: Array<{ name: string; headers: () => Record<string, string>; subCode: string; field: string }> = [
    { name: 'no credentials at all', headers: () => ({ ...auth, 'x-connector': 'nuvei' }), subCode: 'MISSING_METADATA', field: 'x-connector-config' },
    { name: 'an unknown x-connector', headers: () => ({ ...nuvei(), 'x-connector': 'stripe' }), subCode: 'INVALID_CONNECTOR', field: 'x-connector' },
    { name: 'x-connector-config that is not JSON', headers: () => ({ ...nuvei(), 'x-connector-config': '{"config":' }), subCode: 'INVALID_CONNECTOR_CONFIG_JSON', field: 'x-connector-config' },
    {
      name: 'x-connector-config missing merchant_secret',
      headers: () => ({ ...nuvei(), 'x-connector-config': JSON.stringify({ config: { Nuvei: { merchant_id: 'm', merchant_site_id: 's' } } }) }),
      subCode: 'FAILED_TO_OBTAIN_AUTH_TYPE',
      field: 'x-connector-config.config.Nuvei.merchant_secret',
    },
    { name: 'x-auth that upstream does not know', headers: () => ({ ...auth, 'x-connector': 'nuvei', 'x-auth': 'certificate-auth' }), subCode: 'INVALID_AUTH_TYPE', field: 'x-auth' },
    { name: 'x-auth the connector does not accept', headers: () => ({ ...auth, 'x-connector': 'nuvei', 'x-auth': 'header-key', 'x-api-key': 'k' }), subCode: 'AUTH_CONVERSION_FAILED', field: 'x-auth' },
    {
      name: 'a legacy key header missing',
      headers: () => ({ ...auth, 'x-connector': 'nuvei', 'x-auth': 'signature-key', 'x-api-key': 'm', 'x-key1': 's' }),
      subCode: 'MISSING_METADATA',
      field: 'x-api-secret',
    },
    { name: 'legacy headers without x-connector', headers: () => ({ ...auth, 'x-auth': 'signature-key', 'x-api-key': 'm', 'x-key1': 's', 'x-api-secret': 'x' }), subCode: 'MISSING_METADATA', field: 'x-connector' },
    { name: 'x-connector naming another connector than the config', headers: () => ({ ...nuvei(), 'x-connector': 'paytm' }), subCode: 'CONNECTOR_MISMATCH', field: 'x-connector-config' },
  ];

  it.each(cases)('$name → INVALID_ARGUMENT $subCode naming $field', async ({ headers, subCode, field }) => {
    const error = expectStatus(await client.call('CreateSessionToken', request(), headers()), status.INVALID_ARGUMENT);
    expect(trailer(error, 'x-error-sub-code')).toBe(subCode);
    expect(trailer(error, 'x-error-field')).toBe(field);
    expect(error.details).toContain(field);
    expect(await sessionRows()).toHaveLength(0);
    expect(env.gateway.requests).toHaveLength(0);
  });
});

describe('bad input', () => {
  const cases: Array<{ name: string; body: Record<string, unknown>; field: string; subCode?: string; rpc?: 'CreateServerSessionAuthenticationToken' }> = [
    { name: 'no amount', body: request({ amount: undefined }), field: 'amount', subCode: 'MISSING_AMOUNT' },
    { name: 'CURRENCY_UNSPECIFIED', body: request({ amount: { minor_amount: 1000 } }), field: 'amount.currency', subCode: 'unsupported_currency' },
    { name: 'zero minor_amount', body: request({ amount: { minor_amount: 0, currency: 'USD' } }), field: 'amount.minor_amount' },
    { name: 'negative minor_amount', body: request({ amount: { minor_amount: -5, currency: 'USD' } }), field: 'amount.minor_amount' },
    { name: 'no merchant_session_id', body: request({ merchant_session_id: undefined }), field: 'merchant_session_id' },
    { name: 'merchant_session_id with a space', body: request({ merchant_session_id: 'order 1' }), field: 'merchant_session_id' },
    { name: '51-character merchant_session_id', body: request({ merchant_session_id: 'a'.repeat(51) }), field: 'merchant_session_id' },
    { name: 'browser_info.ip_address that is not an IP', body: request({ browser_info: { ip_address: 'not-an-ip' } }), field: 'browser_info.ip_address' },
    { name: 'time_zone_offset_minutes out of range', body: request({ browser_info: { time_zone_offset_minutes: 5000 } }), field: 'browser_info.time_zone_offset_minutes' },
    { name: 'metadata over 8 KiB', body: request({ metadata: { value: 'x'.repeat(8193) } }), field: 'metadata.value' },
    { name: 'CS-C without domain_context', body: { merchant_server_session_id: 'cs_c_1' }, field: 'payment.amount', subCode: 'MISSING_AMOUNT', rpc: 'CreateServerSessionAuthenticationToken' },
    {
      name: 'CS-C with a bad merchant_server_session_id',
      body: { merchant_server_session_id: 'a b', payment: { amount: { minor_amount: 1, currency: 'USD' } } },
      field: 'merchant_server_session_id',
      rpc: 'CreateServerSessionAuthenticationToken',
    },
  ];

  it.each(cases)('$name → INVALID_ARGUMENT naming $field, nothing written or sent', async ({ body, field, subCode, rpc }) => {
    const error = expectStatus(await client.call(rpc ?? 'CreateSessionToken', body, nuvei()), status.INVALID_ARGUMENT);
    expect(trailer(error, 'x-error-field')).toBe(field);
    if (subCode) expect(trailer(error, 'x-error-sub-code')).toBe(subCode);
    expect(await sessionRows()).toHaveLength(0);
    expect(env.gateway.requests).toHaveLength(0);
  });
});

describe('no secret in any status, trailer or log line', () => {
  it('keeps canary credentials out of statuses, trailers, answers and logs', async () => {
    const canaries = ['CANARY_GRPC_SECRET_1', 'CANARY_GRPC_KEY_2', 'CANARY_GRPC_META_3'];
    const outcomes = [
      await client.call('CreateSessionToken', request(), { ...nuvei(), 'x-connector-config': nuveiConfigHeader(canaries[0]) }),
      await client.call('CreateSessionToken', request({ merchant_session_id: 'bad id' }), { ...nuvei(), 'x-connector-config': nuveiConfigHeader(canaries[0]) }),
      await client.call('CreateSessionToken', request(), { ...auth, 'x-connector': 'paytm', 'x-auth': 'signature-key', 'x-api-key': 'mid', 'x-key1': canaries[1] as string }),
      await client.call('CreateSessionToken', request(), { ...auth, 'x-connector-config': `{"config":{"${canaries[1]}":{}}}` }),
      await client.call('CreateSessionToken', request({ metadata: { value: canaries[2] } }), { ...nuvei(), authorization: `Bearer ${canaries[2]}` }),
    ];
    const seen = JSON.stringify(outcomes.map((outcome) => ({ response: outcome.response, code: outcome.error?.code, details: outcome.error?.details, trailers: outcome.error?.metadata?.getMap() })));
    const logs = env.logs.join('\n');
    for (const canary of canaries) {
      expect(seen).not.toContain(canary);
      expect(logs).not.toContain(canary);
    }
  });
});

describe('reflection', () => {
  it('lists types.MerchantAuthenticationService, so grpcurl works without the proto file', async () => {
    expect(await listServicesByReflection(env.grpcAddress)).toContain('types.MerchantAuthenticationService');
  });
});

describe('HTTP alias POST /payments/create_session_token', () => {
  const alias = () => env.url.replace('/graphql', '/payments/create_session_token');

  it('answers the seed body (proto3 JSON, sent byte for byte) like the RPC', async () => {
    const response = await fetch(alias(), { method: 'POST', headers: { 'content-type': 'application/json', ...nuvei() }, body: SEED_BODY });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ session_token: env.nuvei.issuedTokens[0], status_code: 200 });
    expect((await sessionRows())[0]?.merchantSessionId).toBe('session_001');
  });

  it('accepts lowerCamelCase JSON names, int64 as a string and SecretString as { "value": … }', async () => {
    const body = { merchantSessionId: 'alias_camel', amount: { minorAmount: '1000', currency: 'USD' }, metadata: { value: 'opaque' }, testMode: true };
    const response = await fetch(alias(), { method: 'POST', headers: { 'content-type': 'application/json', ...nuvei() }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status_code: number }).status_code).toBe(200);
  });

  it('maps refusals to HTTP statuses with the sub-code and field', async () => {
    const bad = await fetch(alias(), { method: 'POST', headers: { 'content-type': 'application/json', ...nuvei() }, body: JSON.stringify(request({ amount: { minor_amount: 'ten', currency: 'USD' } })) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'amount.minor_amount', sub_code: 'INVALID_INT64' }) });
    const { authorization: _, ...noAuth } = nuvei();
    const unauthenticated = await fetch(alias(), { method: 'POST', headers: { 'content-type': 'application/json', ...noAuth }, body: SEED_BODY });
    expect(unauthenticated.status).toBe(401);
    const wrongMethod = await fetch(alias(), { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(await sessionRows()).toHaveLength(0);
  });
});

describe('rate limit (the per-merchant bucket the GraphQL operations spend from)', () => {
  let limited: IntegrationEnv;
  let limitedClient: SessionTokenGrpcClient;
  const rejections: unknown[] = [];

  beforeAll(async () => {
    limited = await startIntegrationEnv({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_SECOND: '0.001' }, onRateLimited: (r) => rejections.push(r) });
    limitedClient = new SessionTokenGrpcClient(limited.grpcAddress);
  });
  afterAll(async () => {
    limitedClient?.close();
    await limited?.close();
  });

  it('answers RESOURCE_EXHAUSTED with a retry-after trailer once the burst is spent: no gateway call, nothing written', async () => {
    const headers = { authorization: `Bearer ${limited.merchantA.apiKey}`, 'x-connector': 'nuvei', 'x-connector-config': nuveiConfigHeader() };
    for (const id of ['rl_1', 'rl_2']) expect((await limitedClient.call('CreateSessionToken', request({ merchant_session_id: id }), headers)).response?.status_code).toBe(200);
    const error = expectStatus(await limitedClient.call('CreateSessionToken', request({ merchant_session_id: 'rl_3' }), headers), status.RESOURCE_EXHAUSTED);
    expect(Number(trailer(error, 'retry-after'))).toBeGreaterThan(0);
    expect(limited.gateway.callCount('nuvei')).toBe(2);
    expect(await limited.prisma.paymentSession.count({ where: { merchantSessionId: 'rl_3' } })).toBe(0);
    expect(rejections).toHaveLength(1);
  });
});
