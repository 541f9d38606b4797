import { nuveiFakeAnswers } from '@prism-sessions/connectors-nuvei/testing';
import type { Fault } from '@prism-sessions/testing-fake-gateway';
import { FAULT_KINDS } from '@prism-sessions/testing-fake-gateway';
import { CONNECTORS_QUERY, CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, TEST_NUVEI, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';
import { parsePromText, sumOf, type PromSample } from '../testing/prometheus-text';

jest.setTimeout(120_000);

interface Payload {
  createSessionToken: { statusCode: number; replayed: boolean; error: null | { unifiedDetails: { code: string } }; session: { status: string } | null };
}

type Step = { readonly connector: 'NUVEI' | 'PAYTM'; readonly id: string; readonly amount?: number; readonly fault?: Fault; readonly expect: 'success' | 'failure' | 'fault' | 'replay' | 'conflict' };

// One request per fault kind (each hits one gateway call), plus success, replay and conflict on both connectors.
const FAULTS: Record<(typeof FAULT_KINDS)[number], { fault: Fault; expect: Step['expect'] }> = {
  latency: { fault: { kind: 'latency', ms: 20 }, expect: 'success' },
  timeout: { fault: { kind: 'timeout' }, expect: 'fault' },
  reset: { fault: { kind: 'reset' }, expect: 'fault' },
  status: { fault: { kind: 'status', status: 503, body: '<html>Service Unavailable</html>', contentType: 'text/html' }, expect: 'failure' },
  'malformed-json': { fault: { kind: 'malformed-json' }, expect: 'fault' },
  truncated: { fault: { kind: 'truncated' }, expect: 'fault' },
  answer: { fault: { kind: 'answer', response: nuveiFakeAnswers.statusError(1069, 'Session expired') }, expect: 'failure' },
};

const SCRIPT: Step[] = [
  { connector: 'NUVEI', id: 'm_ok_1', expect: 'success' },
  { connector: 'NUVEI', id: 'm_ok_1', expect: 'replay' },
  { connector: 'NUVEI', id: 'm_ok_1', amount: 5, expect: 'conflict' },
  { connector: 'PAYTM', id: 'M_OK_2', expect: 'success' },
  { connector: 'PAYTM', id: 'M_OK_2', expect: 'replay' },
  { connector: 'PAYTM', id: 'M_OK_2', amount: 7, expect: 'conflict' },
  ...Object.entries(FAULTS).map(([kind, { fault, expect }]) => ({ connector: 'NUVEI' as const, id: `m_fault_${kind}`, fault, expect })),
];

let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv({ gatewayTimeoutMs: 600 });
});
afterAll(async () => {
  await env?.close();
});

async function scrape(): Promise<PromSample[]> {
  const { status, body } = await env.scrapeMetrics();
  expect(status).toBe(200);
  return parsePromText(body);
}

const outcomeOf = (httpStatus: number) => (httpStatus >= 500 ? 'server_error' : httpStatus >= 400 ? 'client_error' : 'success');

describe('GET /metrics after a scripted set of requests', () => {
  it('counts exactly what was sent: requests, operations, gateway calls, sessions, replays, conflicts', async () => {
    const before = await scrape();
    expect(sumOf(before, 'gateway_calls_total')).toBe(0);

    const httpOutcomes = new Map<string, number>();
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const sessions = new Map<string, number>();
    const gatewayCodes = new Map<string, number>();
    const gatewayOutcomes = new Map<string, number>();
    const replays = new Map<string, number>();
    const conflicts = new Map<string, number>();
    for (const step of SCRIPT) {
      if (step.fault) env.gateway.setFault(step.connector === 'NUVEI' ? 'nuvei' : 'paytm', step.fault, { times: 1 });
      const config = step.connector === 'NUVEI' ? nuveiConfigHeader() : paytmConfigHeader();
      const input = { connector: step.connector, merchantSessionId: step.id, amount: { minorAmount: step.amount ?? 1000, currency: step.connector === 'NUVEI' ? 'USD' : 'INR' } };
      const res = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input }, authHeaders(env.merchantA.apiKey, config));
      const payload = res.data?.createSessionToken;
      expect(payload).toBeDefined();
      count(httpOutcomes, outcomeOf(res.httpStatus));
      const connector = step.connector.toLowerCase();
      if (step.expect === 'replay') {
        expect(payload?.replayed).toBe(true);
        count(replays, connector);
      } else if (step.expect === 'conflict') {
        expect(payload?.error?.unifiedDetails.code).toBe('IDEMPOTENCY_CONFLICT');
        count(conflicts, connector);
      } else {
        count(sessions, `${connector} ${payload?.session?.status}`);
        count(gatewayCodes, `${connector} ${payload?.error?.unifiedDetails.code ?? 'NONE'}`);
        count(gatewayOutcomes, `${connector} ${step.expect}`);
      }
    }
    // Not GraphQL operations of the schema: an unauthenticated call, a two-field query, /health.
    const unauthenticated = await env.gql(CREATE_SESSION_TOKEN, { input: {} }, { authorization: 'Bearer sk_not_a_key' });
    const twoFields = await env.gql('query Free_Form_Name_CANARY { connectors { id } a: connectors { id } }', {}, authHeaders(env.merchantA.apiKey));
    const connectors = await env.gql(CONNECTORS_QUERY, {}, authHeaders(env.merchantA.apiKey));
    expect((await fetch(new URL('/health', env.url))).status).toBe(200);

    const after = await scrape();
    const gatewayCalls = SCRIPT.filter((step) => step.expect !== 'replay' && step.expect !== 'conflict').length;
    expect(env.gateway.requests).toHaveLength(gatewayCalls);
    expect(sumOf(after, 'gateway_calls_total')).toBe(gatewayCalls);
    expect(sumOf(after, 'gateway_call_duration_seconds_count')).toBe(gatewayCalls);
    for (const [key, n] of gatewayOutcomes) {
      const [connector, outcome] = key.split(' ') as [string, string];
      expect([key, sumOf(after, 'gateway_calls_total', { connector, outcome })]).toEqual([key, n]);
      expect([key, sumOf(after, 'gateway_call_duration_seconds_count', { connector, outcome })]).toEqual([key, n]);
    }
    for (const [key, n] of gatewayCodes) {
      const [connector, unified_code] = key.split(' ') as [string, string];
      expect([key, sumOf(after, 'gateway_calls_total', { connector, unified_code })]).toEqual([key, n]);
    }
    for (const [key, n] of sessions) {
      const [connector, status] = key.split(' ') as [string, string];
      expect([key, sumOf(after, 'payment_sessions_created_total', { connector, status })]).toEqual([key, n]);
    }
    expect(sumOf(after, 'payment_sessions_created_total')).toBe(gatewayCalls);
    for (const connector of ['nuvei', 'paytm']) {
      expect(sumOf(after, 'payment_session_replays_total', { connector })).toBe(replays.get(connector));
      expect(sumOf(after, 'payment_session_conflicts_total', { connector, kind: 'idempotency_conflict' })).toBe(conflicts.get(connector));
    }

    // HTTP requests: every createSessionToken by outcome, and the rest under their bounded labels.
    for (const [outcome, n] of httpOutcomes) {
      expect([outcome, sumOf(after, 'http_requests_total', { operation: 'createSessionToken', outcome })]).toEqual([outcome, n]);
    }
    expect(sumOf(after, 'http_requests_total', { operation: 'createSessionToken' })).toBe(SCRIPT.length);
    expect(sumOf(after, 'http_requests_total', { operation: 'connectors', outcome: outcomeOf(connectors.httpStatus) })).toBe(1);
    // Refused before the document is resolved (no operation yet), and a two-field query.
    expect(unauthenticated.httpStatus).toBe(401);
    expect(sumOf(after, 'http_requests_total', { operation: 'other', outcome: 'client_error' })).toBe(1);
    expect(sumOf(after, 'http_requests_total', { operation: 'other', outcome: 'success' })).toBe(1);
    expect(twoFields.errors).toBeUndefined();
    expect(sumOf(after, 'http_requests_total', { operation: 'health', outcome: 'success' })).toBe(1);
    expect(sumOf(after, 'http_requests_total', { operation: 'metrics', outcome: 'success' })).toBe(1); // the first scrape
    expect(sumOf(after, 'graphql_operation_duration_seconds_count', { operation: 'createSessionToken' })).toBe(SCRIPT.length);
    expect(sumOf(after, 'graphql_operation_duration_seconds_count', { operation: 'connectors' })).toBe(1);

    // The pool gauges read the real pool; the rate-limit counter exists at zero.
    expect(sumOf(after, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(after.some((sample) => sample.name === 'rate_limit_rejections_total' && sample.value === 0)).toBe(true);

    // No label value outside the bounded sets; no secret, key, token, id or free-form text anywhere.
    const { body } = await env.scrapeMetrics();
    const secrets = [TEST_NUVEI.merchantSecret, TEST_PAYTM.merchantKey, env.merchantA.apiKey, env.merchantA.id, 'sk_not_a_key', 'CANARY', 'Free_Form', 'm_ok_1', 'M_OK_2', 'm_fault', ...env.nuvei.issuedTokens, ...env.paytm.issuedTokens];
    expect(secrets.filter((secret) => body.includes(secret))).toEqual([]);
    const operations = new Set(after.flatMap((sample) => (sample.labels['operation'] === undefined ? [] : [sample.labels['operation']])));
    expect([...operations].sort()).toEqual(['connectors', 'createSessionToken', 'health', 'metrics', 'other']);
  });
});
