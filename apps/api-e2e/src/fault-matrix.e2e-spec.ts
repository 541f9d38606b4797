/**
 * The fault matrix: every gateway fault the simulator can inject, for both connectors, through the
 * real API process. Each case checks four things:
 *  (a) the GraphQL payload (statusCode, unified code, the gateway's own code when it answered,
 *      retryable, source, no token);
 *  (b) the stored session row and its attempt row (FAILED vs OUTCOME_UNKNOWN, error columns);
 *  (c) the server still serves: with faults cleared, a clean create succeeds right after;
 *  (d) the time taken is bounded by GATEWAY_TIMEOUT_MS + 2 s (the timeout case included).
 * Margins are sized for a busy machine: latency below the timeout leaves 2.5 s to spare, and the late
 * answer comes after the bound, so finishing within the bound shows the API did not wait for it.
 * Expected mappings come from apps/api/src/payment-sessions/attempt-outcome.ts and the
 * connectors' error parsers; the table is in apps/api-e2e/README.md.
 */
import { nuveiFakeAnswers } from '@prism-sessions/connectors-nuvei/testing';
import { paytmFakeAnswers } from '@prism-sessions/connectors-paytm/testing';
import { DbInspector, type SessionRow } from './support/db-inspector';
import { authHeaders, createSession, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload, type GraphQLConnector } from './support/graphql-client';
import { simulatorControl, type Fault, type SimulatedConnector, type SimulatorControl } from './support/simulator-control';
import { GATEWAY_TIMEOUT_MS, readE2eEnv, type E2eEnv } from './support/stack';

/** Every case must finish within the gateway timeout plus two seconds. */
const MAX_CASE_MS = GATEWAY_TIMEOUT_MS + 2_000;
const LATENCY_MS = 500;

type Stored = 'FAILED' | 'OUTCOME_UNKNOWN';

/** What a failing case must produce. */
interface FailureExpectation {
  readonly statusCode: number;
  readonly unifiedCode: string;
  readonly source: 'GATEWAY' | 'NETWORK';
  readonly retryable: boolean;
  readonly stored: Stored;
  /** The gateway's own code/message, when the gateway answered. */
  readonly connectorCode?: string;
  readonly connectorMessage?: string;
  /** A fragment the stored/returned reason must contain. */
  readonly reasonContains?: string;
  /** `error.gatewayHttpStatus`: the HTTP status the gateway answered with; null when it did not answer. */
  readonly gatewayHttpStatus: number | null;
  /** `payment_sessions.http_status`: the gateway's answer status; null when it did not answer. */
  readonly storedHttpStatus: number | null;
  readonly description?: RegExp;
  /** The gateway said nothing quotable (no answer, or an unreadable one): connectorDetails is null. */
  readonly noConnectorDetails?: boolean;
}

interface FaultCase {
  readonly name: string;
  readonly fault: Fault;
  /** `'success'` for faults the API must absorb (latency below the timeout). */
  readonly expected: FailureExpectation | 'success';
  /** Lower bound on the time taken (latency and timeout cases). */
  readonly minMs?: number;
}

const answer = (response: { status: number; headers?: Readonly<Record<string, string>>; body: string }): Fault => ({
  kind: 'answer',
  response: { status: response.status, ...(response.headers ? { headers: { ...response.headers } } : {}), body: response.body },
});

// ---- faults without a gateway answer: the same for both connectors --------------------------------

const networkCases: readonly FaultCase[] = [
  { name: `latency ${LATENCY_MS} ms (below the timeout) → success`, fault: { kind: 'latency', ms: LATENCY_MS }, expected: 'success', minMs: LATENCY_MS },
  {
    name: 'no answer (timeout) → 504 GATEWAY_TIMEOUT, OUTCOME_UNKNOWN',
    fault: { kind: 'timeout' },
    minMs: GATEWAY_TIMEOUT_MS - 50,
    expected: { statusCode: 504, unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true, stored: 'OUTCOME_UNKNOWN', gatewayHttpStatus: null, storedHttpStatus: null, noConnectorDetails: true, description: /GATEWAY_TIMEOUT/ },
  },
  {
    name: 'connection reset → 502 NETWORK_ERROR, OUTCOME_UNKNOWN',
    fault: { kind: 'reset' },
    expected: { statusCode: 502, unifiedCode: 'NETWORK_ERROR', source: 'NETWORK', retryable: true, stored: 'OUTCOME_UNKNOWN', gatewayHttpStatus: null, storedHttpStatus: null, noConnectorDetails: true, description: /CONNECTION_RESET/ },
  },
  {
    // The gateway processed the request (the simulator issued a token), but half the body arrived.
    name: 'truncated body → 502 NETWORK_ERROR, OUTCOME_UNKNOWN',
    fault: { kind: 'truncated' },
    expected: { statusCode: 502, unifiedCode: 'NETWORK_ERROR', source: 'NETWORK', retryable: true, stored: 'OUTCOME_UNKNOWN', gatewayHttpStatus: null, storedHttpStatus: null, noConnectorDetails: true, description: /CONNECTION_RESET/ },
  },
];

// ---- Nuvei ------------------------------------------------------------------------------------------

const NUVEI_5XX_MESSAGES: Record<number, string> = { 500: 'internal_server_error', 502: 'bad_gateway', 503: 'service_unavailable' };

const nuvei5xx = (status: 500 | 502 | 503, body: 'json' | 'html'): FaultCase => ({
  name: `HTTP ${status} with ${body === 'json' ? 'a JSON' : 'an HTML'} body → ${status} GATEWAY_UNAVAILABLE, retryable, FAILED`,
  fault: answer(body === 'json' ? nuveiFakeAnswers.serverError(status) : nuveiFakeAnswers.htmlError(status)),
  expected: {
    statusCode: status,
    unifiedCode: 'GATEWAY_UNAVAILABLE',
    source: 'GATEWAY',
    retryable: true,
    stored: 'FAILED',
    connectorCode: String(status),
    connectorMessage: NUVEI_5XX_MESSAGES[status] as string,
    reasonContains: body === 'json' ? '"reason":"Internal error"' : '<!DOCTYPE html>',
    gatewayHttpStatus: status,
    storedHttpStatus: status,
  },
});

const nuveiCases: readonly FaultCase[] = [
  ...networkCases,
  nuvei5xx(500, 'json'),
  nuvei5xx(502, 'json'),
  nuvei5xx(503, 'json'),
  nuvei5xx(500, 'html'),
  nuvei5xx(502, 'html'),
  nuvei5xx(503, 'html'),
  {
    name: 'HTTP 400 JSON with a numeric errCode (1022) → 400 INVALID_CREDENTIALS, FAILED',
    fault: answer(nuveiFakeAnswers.clientErrorNumericCode(400)),
    expected: {
      statusCode: 400,
      unifiedCode: 'INVALID_CREDENTIALS',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '1022',
      connectorMessage: 'Invalid merchant site ID',
      gatewayHttpStatus: 400,
      storedHttpStatus: 400,
      description: /merchant site ID/i,
    },
  },
  {
    name: 'HTTP 400 JSON with a string errCode ("1001") → 400 INVALID_SIGNATURE, FAILED',
    fault: answer(nuveiFakeAnswers.clientErrorStringCode(400)),
    expected: {
      statusCode: 400,
      unifiedCode: 'INVALID_SIGNATURE',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '1001',
      connectorMessage: 'Invalid checksum',
      gatewayHttpStatus: 400,
      storedHttpStatus: 400,
      description: /checksum/i,
    },
  },
  {
    name: 'HTTP 403 HTML (WAF page) → 403 GATEWAY_MALFORMED_RESPONSE, not retryable, FAILED',
    fault: answer(nuveiFakeAnswers.htmlError(403)),
    expected: {
      statusCode: 403,
      unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '403',
      connectorMessage: 'Unsupported response type',
      reasonContains: '<!DOCTYPE html>',
      gatewayHttpStatus: 403,
      storedHttpStatus: 403,
    },
  },
  {
    name: 'malformed JSON with HTTP 200 → 502 GATEWAY_MALFORMED_RESPONSE, retryable, FAILED',
    fault: { kind: 'malformed-json' },
    expected: {
      statusCode: 502,
      unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
      source: 'GATEWAY',
      retryable: true,
      stored: 'FAILED',
      noConnectorDetails: true,
      description: /MALFORMED_RESPONSE: Nuvei answered with a body that is not JSON/,
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
    },
  },
  {
    name: 'HTTP 200 status ERROR errCode 1069 → 422 SESSION_EXPIRED, FAILED',
    fault: answer(nuveiFakeAnswers.statusError(1069, 'Session expired')),
    expected: {
      statusCode: 422,
      unifiedCode: 'SESSION_EXPIRED',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '1069',
      connectorMessage: 'Session expired',
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
      description: /15 minutes/,
    },
  },
  {
    name: 'HTTP 200 status ERROR errCode 1021 → 422 INVALID_TIMESTAMP, retryable (clock skew), FAILED',
    fault: answer(nuveiFakeAnswers.statusError(1021, 'Invalid timestamp')),
    expected: {
      statusCode: 422,
      unifiedCode: 'INVALID_TIMESTAMP',
      source: 'GATEWAY',
      retryable: true,
      stored: 'FAILED',
      connectorCode: '1021',
      connectorMessage: 'Invalid timestamp',
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
      description: /clock/i,
    },
  },
];

// ---- Paytm ------------------------------------------------------------------------------------------

const PAYTM_5XX_MESSAGES: Record<number, string> = { 500: 'Internal server error', 502: 'Bad gateway', 503: 'Service temporarily unavailable' };

const paytm5xx = (status: 500 | 502 | 503, body: 'json' | 'html'): FaultCase => ({
  name: `HTTP ${status} with ${body === 'json' ? 'a JSON (resultInfo 501)' : 'an HTML'} body → ${status} GATEWAY_UNAVAILABLE, retryable, OUTCOME_UNKNOWN (Paytm marks 5xx pending)`,
  fault: answer(body === 'json' ? paytmFakeAnswers.serverError(status) : paytmFakeAnswers.htmlError(status)),
  expected: {
    statusCode: status,
    unifiedCode: 'GATEWAY_UNAVAILABLE',
    source: 'GATEWAY',
    retryable: true,
    stored: 'OUTCOME_UNKNOWN',
    connectorCode: body === 'json' ? '501' : String(status),
    connectorMessage: body === 'json' ? 'System Error' : (PAYTM_5XX_MESSAGES[status] as string),
    ...(body === 'html' ? { reasonContains: 'Raw response: <html>' } : {}),
    gatewayHttpStatus: status,
    storedHttpStatus: status,
  },
});

const DUPLICATE_TOKEN = 'paytm-original-txn-token-0002';

const paytmCases: readonly FaultCase[] = [
  ...networkCases,
  paytm5xx(500, 'json'),
  paytm5xx(502, 'json'),
  paytm5xx(503, 'json'),
  paytm5xx(500, 'html'),
  paytm5xx(502, 'html'),
  paytm5xx(503, 'html'),
  {
    name: 'HTTP 400 {head, body:{resultInfo}} (1001) → 400 INVALID_REQUEST, FAILED',
    fault: answer(paytmFakeAnswers.clientErrorResultInfo(400)),
    expected: {
      statusCode: 400,
      unifiedCode: 'INVALID_REQUEST',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '1001',
      connectorMessage: 'Request parameters are not valid',
      gatewayHttpStatus: 400,
      storedHttpStatus: 400,
    },
  },
  {
    name: 'HTTP 400 callback shape (txnInfo RESPCODE 227 wins over resultCode 0001) → 400 GATEWAY_REJECTED, FAILED',
    fault: answer(paytmFakeAnswers.clientErrorCallbackShape(400)),
    expected: {
      statusCode: 400,
      unifiedCode: 'GATEWAY_REJECTED',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '227',
      connectorMessage: 'Your payment has been declined by your bank',
      gatewayHttpStatus: 400,
      storedHttpStatus: 400,
    },
  },
  {
    name: 'HTTP 400 flat {errorCode, errorMessage, errorDescription} (1007) → 400 INVALID_REQUEST, FAILED',
    fault: answer(paytmFakeAnswers.clientErrorFlatShape(400)),
    expected: {
      statusCode: 400,
      unifiedCode: 'INVALID_REQUEST',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '1007',
      connectorMessage: 'Missing mandatory element',
      reasonContains: 'orderId is missing',
      gatewayHttpStatus: 400,
      storedHttpStatus: 400,
    },
  },
  {
    name: 'HTTP 403 HTML → 403 GATEWAY_REJECTED, not retryable, FAILED',
    fault: answer(paytmFakeAnswers.htmlError(403)),
    expected: {
      statusCode: 403,
      unifiedCode: 'GATEWAY_REJECTED',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '403',
      connectorMessage: 'HTTP 403 error',
      reasonContains: 'Raw response: <html>',
      gatewayHttpStatus: 403,
      storedHttpStatus: 403,
    },
  },
  {
    name: 'malformed JSON with HTTP 200 → 502 GATEWAY_MALFORMED_RESPONSE, retryable, FAILED',
    fault: { kind: 'malformed-json' },
    expected: {
      statusCode: 502,
      unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
      source: 'GATEWAY',
      retryable: true,
      stored: 'FAILED',
      noConnectorDetails: true,
      description: /MALFORMED_RESPONSE: Paytm answered initiateTransaction with a body that could not be read/,
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
    },
  },
  {
    name: 'HTTP 200 failure resultInfo (0001) → 422 GATEWAY_REJECTED, FAILED',
    fault: answer(paytmFakeAnswers.failure('0001', 'Failed')),
    expected: {
      statusCode: 422,
      unifiedCode: 'GATEWAY_REJECTED',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '0001',
      connectorMessage: 'Failed',
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
    },
  },
  {
    name: 'HTTP 200 failure resultInfo (501 System Error) → 422 GATEWAY_REJECTED, FAILED',
    fault: answer(paytmFakeAnswers.failure('501', 'System Error')),
    expected: {
      statusCode: 422,
      unifiedCode: 'GATEWAY_REJECTED',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '501',
      connectorMessage: 'System Error',
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
    },
  },
  {
    name: '0002 "Success Idempotent" for an order we never saw → 422 DUPLICATE_REQUEST, FAILED, token not exposed',
    // Signed with the demo merchant's key, as Paytm signs its answers (read once the stack is up).
    get fault() {
      return answer(paytmFakeAnswers.duplicate(DUPLICATE_TOKEN, { merchantKey: demoPaytmKey() }));
    },
    expected: {
      statusCode: 422,
      unifiedCode: 'DUPLICATE_REQUEST',
      source: 'GATEWAY',
      retryable: false,
      stored: 'FAILED',
      connectorCode: '0002',
      connectorMessage: 'Success Idempotent',
      gatewayHttpStatus: 200,
      storedHttpStatus: 200,
      description: /never received its token/,
    },
  },
];

// ---- the runner -------------------------------------------------------------------------------------

interface ConnectorUnderTest {
  readonly simulated: SimulatedConnector;
  readonly graphql: GraphQLConnector;
  readonly header: () => string;
  readonly cases: readonly FaultCase[];
}

let env: E2eEnv;
let db: DbInspector;
let control: SimulatorControl;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  control = simulatorControl(env.simulatorUrl);
  await control.clearFaults();
});

afterEach(async () => {
  await control.clearFaults();
});

afterAll(async () => {
  await control?.clearFaults().catch(() => undefined);
  await db?.close();
});

const connectorsUnderTest: readonly ConnectorUnderTest[] = [
  { simulated: 'nuvei', graphql: 'NUVEI', header: () => env.nuveiConnectorConfig, cases: nuveiCases },
  { simulated: 'paytm', graphql: 'PAYTM', header: () => env.paytmConnectorConfig, cases: paytmCases },
];

function headersFor(connector: ConnectorUnderTest): Record<string, string> {
  return authHeaders(env.merchant.apiKey, connector.header());
}

/** The demo Paytm merchant's key, from the simulator's x-connector-config. */
function demoPaytmKey(): string {
  const config = JSON.parse(env.paytmConnectorConfig) as { config: { Paytm: { merchant_key: string } } };
  return config.config.Paytm.merchant_key;
}

/** The secret half of the demo credentials, which must never come back. */
function secretOf(connector: ConnectorUnderTest): string {
  const config = JSON.parse(connector.header()) as { config: Record<string, Record<string, string>> };
  const fields = config.config[connector.simulated === 'nuvei' ? 'Nuvei' : 'Paytm'] ?? {};
  return (connector.simulated === 'nuvei' ? fields['merchant_secret'] : fields['merchant_key']) ?? 'missing-secret';
}

/** (c): with faults cleared, a brand-new session succeeds right away. */
async function expectCleanCreate(connector: ConnectorUnderTest): Promise<void> {
  await control.clearFaults();
  const clean = await createSession(env.apiUrl, sessionInput(connector.graphql, uniqueSessionId(`clean_${connector.simulated}`)), headersFor(connector));
  expect(clean.payload.statusCode).toBe(200);
  expect(clean.payload.error).toBeNull();
  expect(clean.payload.sessionToken).toEqual(expect.any(String));
  expect(clean.payload.session?.status).toBe('ACTIVE');
}

function expectSuccessPayload(payload: CreateSessionTokenPayload): void {
  expect(payload.statusCode).toBe(200);
  expect(payload.error).toBeNull();
  expect(payload.replayed).toBe(false);
  expect(payload.sessionToken).toEqual(expect.any(String));
  expect(payload.session?.status).toBe('ACTIVE');
  const expiresInMs = new Date(payload.session?.expiresAt ?? 0).getTime() - Date.now();
  // 15 minutes minus the 60 s safety margin.
  expect(expiresInMs).toBeGreaterThan(13 * 60_000);
  expect(expiresInMs).toBeLessThanOrEqual(14 * 60_000);
}

function expectFailurePayload(payload: CreateSessionTokenPayload, expected: FailureExpectation): void {
  expect(payload.sessionToken).toBeNull();
  expect(payload.replayed).toBe(false);
  expect(payload.statusCode).toBe(expected.statusCode);
  expect(payload.session?.status).toBe(expected.stored);
  const error = payload.error;
  expect(error).not.toBeNull();
  expect(error?.unifiedDetails.code).toBe(expected.unifiedCode);
  expect(error?.unifiedDetails.message).toEqual(expect.any(String));
  expect(error?.unifiedDetails.userGuidanceMessage).toEqual(expect.any(String));
  expect(error?.source).toBe(expected.source);
  expect(error?.retryable).toBe(expected.retryable);
  expect(error?.gatewayHttpStatus).toBe(expected.gatewayHttpStatus);
  if (expected.connectorCode !== undefined) {
    expect(error?.connectorDetails?.code).toBe(expected.connectorCode);
    expect(error?.connectorDetails?.message).toBe(expected.connectorMessage);
  }
  if (expected.reasonContains !== undefined) expect(error?.connectorDetails?.reason).toContain(expected.reasonContains);
  if (expected.noConnectorDetails) expect(error?.connectorDetails).toBeNull();
  if (expected.description !== undefined) expect(error?.unifiedDetails.description).toMatch(expected.description);
}

async function expectStoredFailure(row: SessionRow, expected: FailureExpectation): Promise<void> {
  expect(row.status).toBe(expected.stored);
  expect(row.status).not.toBe('ACTIVE');
  expect(row.token_ciphertext).toBeNull();
  expect(row.expires_at).toBeNull();
  expect(row.http_status).toBe(expected.storedHttpStatus);
  expect(row.unified_error_code).toBe(expected.unifiedCode);
  expect(row.retryable).toBe(expected.retryable);
  if (expected.connectorCode !== undefined) {
    expect(row.error_code).toBe(expected.connectorCode);
    expect(row.error_message).toBe(expected.connectorMessage);
  }
  if (expected.reasonContains !== undefined) expect(row.error_reason).toContain(expected.reasonContains);
  if (expected.noConnectorDetails) expect([row.error_code, row.error_message, row.error_reason]).toEqual([null, null, null]);
  expect(row.attempt_count).toBe(1);
  const attempts = await db.attempts(row.id);
  expect(attempts).toHaveLength(1);
  const [attempt] = attempts;
  expect(attempt?.attempt_number).toBe(1);
  expect(attempt?.status).toBe(expected.stored);
  expect(attempt?.http_status).toBe(expected.storedHttpStatus);
  expect(attempt?.unified_error_code).toBe(expected.unifiedCode);
  if (expected.connectorCode !== undefined) expect(attempt?.error_code).toBe(expected.connectorCode);
  expect(attempt?.completed_at).toBeInstanceOf(Date);
  expect(attempt?.duration_ms).toBeGreaterThanOrEqual(0);
}

async function expectStoredSuccess(row: SessionRow, token: string): Promise<void> {
  expect(row.status).toBe('ACTIVE');
  expect(row.token_ciphertext).not.toBeNull();
  expect(Buffer.from(row.token_ciphertext ?? []).toString('latin1')).not.toContain(token);
  expect(row.expires_at).toBeInstanceOf(Date);
  expect(row.http_status).toBe(200);
  expect(row.unified_error_code).toBeNull();
  expect(row.error_code).toBeNull();
  const attempts = await db.attempts(row.id);
  expect(attempts.map((a) => a.status)).toEqual(['ACTIVE']);
}

describe.each(connectorsUnderTest)('fault matrix: $simulated', (connector) => {
  it.each(connector.cases.map((c) => [c.name, c] as const))('%s', async (_name, faultCase) => {
    const merchantSessionId = uniqueSessionId(`fm_${connector.simulated}`);
    await control.setFault(connector.simulated, faultCase.fault, { times: 1 });

    const result = await createSession(env.apiUrl, sessionInput(connector.graphql, merchantSessionId), headersFor(connector));
    const { payload } = result;

    // (a) the payload: a gateway fault is data in the payload, never a GraphQL error or an HTTP 500.
    expect(result.httpStatus).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.raw).not.toContain(secretOf(connector));
    expect(result.raw).not.toContain(DUPLICATE_TOKEN);
    expect(payload.session?.merchantSessionId).toBe(merchantSessionId);
    if (faultCase.expected === 'success') expectSuccessPayload(payload);
    else expectFailurePayload(payload, faultCase.expected);

    // (b) the stored row and its attempt.
    const row = await db.session(merchantSessionId);
    expect(row.id).toBe(payload.session?.id);
    if (faultCase.expected === 'success') await expectStoredSuccess(row, payload.sessionToken as string);
    else await expectStoredFailure(row, faultCase.expected);
    // Exactly one gateway call: the API never retries on its own.
    expect(await control.requestsFor(connector.simulated, merchantSessionId)).toBe(1);

    // (d) bounded time.
    expect(result.elapsedMs).toBeLessThan(MAX_CASE_MS);
    if (faultCase.minMs !== undefined) expect(result.elapsedMs).toBeGreaterThanOrEqual(faultCase.minMs);

    // (c) the server still serves.
    await expectCleanCreate(connector);
  });

  it('retries an OUTCOME_UNKNOWN (timed-out) session on the same row: a second attempt that succeeds', async () => {
    const merchantSessionId = uniqueSessionId(`retry_${connector.simulated}`);
    await control.setFault(connector.simulated, { kind: 'timeout' }, { times: 1 });
    const first = await createSession(env.apiUrl, sessionInput(connector.graphql, merchantSessionId), headersFor(connector));
    expect(first.payload.session?.status).toBe('OUTCOME_UNKNOWN');
    expect(first.payload.error?.retryable).toBe(true);

    const second = await createSession(env.apiUrl, sessionInput(connector.graphql, merchantSessionId), headersFor(connector));
    expectSuccessPayload(second.payload);
    expect(second.payload.session?.id).toBe(first.payload.session?.id);
    expect(second.payload.session?.attemptCount).toBe(2);
    const row = await db.session(merchantSessionId);
    expect((await db.attempts(row.id)).map((a) => [a.attempt_number, a.status])).toEqual([
      [1, 'OUTCOME_UNKNOWN'],
      [2, 'ACTIVE'],
    ]);
    // The timeout fault stops the request before the fake gateway sees it, so no duplicate there.
    expect(await control.requestsFor(connector.simulated, merchantSessionId)).toBe(2);
  });

  it('keeps a late gateway answer (latency above the timeout) out: OUTCOME_UNKNOWN within the bound, never ACTIVE', async () => {
    const merchantSessionId = uniqueSessionId(`late_${connector.simulated}`);
    const lateMs = MAX_CASE_MS + 500; // answers only after the bound the API must meet
    await control.setFault(connector.simulated, { kind: 'latency', ms: lateMs }, { times: 1 });
    const started = performance.now();
    const result = await createSession(env.apiUrl, sessionInput(connector.graphql, merchantSessionId), headersFor(connector));
    expect(result.elapsedMs).toBeLessThan(MAX_CASE_MS);
    expect(result.payload.statusCode).toBe(504);
    expect(result.payload.error?.unifiedDetails.code).toBe('GATEWAY_TIMEOUT');
    expect(result.payload.error?.retryable).toBe(true);
    expect(result.payload.session?.status).toBe('OUTCOME_UNKNOWN');
    // Wait until the simulator has answered (to nobody) and check nothing turned the session ACTIVE.
    // Nothing observable happens when it does (that is the point), so this waits for a time: with a margin.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lateMs + 1_000 - (performance.now() - started))));
    const row = await db.session(merchantSessionId);
    expect(row.status).toBe('OUTCOME_UNKNOWN');
    expect(row.token_ciphertext).toBeNull();
    expect((await db.attempts(row.id)).map((a) => a.status)).toEqual(['OUTCOME_UNKNOWN']);
    await expectCleanCreate(connector);
  });

  it('answers a stored failure from the paymentSession query with the same error as the mutation', async () => {
    const merchantSessionId = uniqueSessionId(`read_${connector.simulated}`);
    const fault = connector.simulated === 'nuvei' ? answer(nuveiFakeAnswers.clientErrorStringCode(400)) : answer(paytmFakeAnswers.clientErrorResultInfo(400));
    await control.setFault(connector.simulated, fault, { times: 1 });
    const created = await createSession(env.apiUrl, sessionInput(connector.graphql, merchantSessionId), headersFor(connector));
    const read = await gql<{ paymentSession: { status: string; error: { unifiedDetails: { code: string }; connectorDetails: { code: string } | null; retryable: boolean; source: string; gatewayHttpStatus: number | null } } }>(
      env.apiUrl,
      'query($id: ID!) { paymentSession(id: $id) { status error { unifiedDetails { code } connectorDetails { code } retryable source gatewayHttpStatus } } }',
      { id: created.payload.session?.id },
      authHeaders(env.merchant.apiKey),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.paymentSession).toEqual({
      status: 'FAILED',
      error: {
        unifiedDetails: { code: created.payload.error?.unifiedDetails.code },
        connectorDetails: { code: created.payload.error?.connectorDetails?.code },
        retryable: created.payload.error?.retryable,
        source: created.payload.error?.source,
        gatewayHttpStatus: created.payload.error?.gatewayHttpStatus,
      },
    });
  });
});

/** The error fields a reader can compare between the mutation payload and a later read. */
const ERROR_FIELDS = 'error { unifiedDetails { code description } connectorDetails { code message reason } retryable source gatewayHttpStatus }';

async function readSessionError(id: string | undefined): Promise<unknown> {
  const read = await gql<{ paymentSession: { error: unknown } | null }>(env.apiUrl, `query($id: ID!) { paymentSession(id: $id) { ${ERROR_FIELDS} } }`, { id }, authHeaders(env.merchant.apiKey));
  expect(read.errors).toBeUndefined();
  return read.data?.paymentSession?.error;
}

function comparableError(error: CreateSessionTokenPayload['error']): unknown {
  if (!error) return error;
  return {
    unifiedDetails: { code: error.unifiedDetails.code, description: error.unifiedDetails.description },
    connectorDetails: error.connectorDetails,
    retryable: error.retryable,
    source: error.source,
    gatewayHttpStatus: error.gatewayHttpStatus,
  };
}

describe.each(connectorsUnderTest)('error details are faithful and durable: $simulated', (connector) => {
  it('a connection reset carries no connectorDetails: the gateway never answered', async () => {
    await control.setFault(connector.simulated, { kind: 'reset' }, { times: 1 });
    const result = await createSession(env.apiUrl, sessionInput(connector.graphql, uniqueSessionId(`nocd_${connector.simulated}`)), headersFor(connector));
    expect(result.payload.error?.unifiedDetails.code).toBe('NETWORK_ERROR');
    expect(result.payload.error?.connectorDetails).toBeNull();
  });

  it('a malformed 200 reads back with the same gatewayHttpStatus (200) as the mutation returned', async () => {
    await control.setFault(connector.simulated, { kind: 'malformed-json' }, { times: 1 });
    const created = await createSession(env.apiUrl, sessionInput(connector.graphql, uniqueSessionId(`mal_${connector.simulated}`)), headersFor(connector));
    expect(created.payload.error?.gatewayHttpStatus).toBe(200);
    expect(await readSessionError(created.payload.session?.id)).toEqual(comparableError(created.payload.error));
  });

  it('an idempotencyKey replay of a gateway decline returns the same error, description included', async () => {
    const fault = connector.simulated === 'nuvei' ? answer(nuveiFakeAnswers.statusError(1021, 'Invalid timestamp')) : answer(paytmFakeAnswers.clientErrorResultInfo(400));
    await control.setFault(connector.simulated, fault, { times: 1 });
    const input = { ...sessionInput(connector.graphql, uniqueSessionId(`idem_${connector.simulated}`)), idempotencyKey: uniqueSessionId('key') };
    const first = await createSession(env.apiUrl, input, headersFor(connector));
    const replay = await createSession(env.apiUrl, input, headersFor(connector));
    expect(first.payload.error?.unifiedDetails.description).toEqual(expect.any(String));
    expect(replay.payload.replayed).toBe(true);
    expect(comparableError(replay.payload.error)).toEqual(comparableError(first.payload.error));
  });
});

describe('Paytm 0002 after an attempt whose answer was lost', () => {
  it('records the lost attempt as OUTCOME_UNKNOWN and explains the gateway duplicate on the retry', async () => {
    const connector = connectorsUnderTest[1] as ConnectorUnderTest;
    const merchantSessionId = uniqueSessionId('dup_paytm');
    // Attempt 1: Paytm creates the order and issues a txnToken, but only half the answer arrives.
    await control.setFault('paytm', { kind: 'truncated' }, { times: 1 });
    const first = await createSession(env.apiUrl, sessionInput('PAYTM', merchantSessionId), headersFor(connector));
    expect(first.payload.session?.status).toBe('OUTCOME_UNKNOWN');

    // Attempt 2 (same orderId): the real simulator answers 0002 "Success Idempotent" with the original token.
    const second = await createSession(env.apiUrl, sessionInput('PAYTM', merchantSessionId), headersFor(connector));
    expect(second.payload.sessionToken).toBeNull();
    expect(second.payload.statusCode).toBe(422);
    expect(second.payload.error?.unifiedDetails.code).toBe('DUPLICATE_REQUEST');
    expect(second.payload.error?.connectorDetails?.code).toBe('0002');
    expect(second.payload.error?.retryable).toBe(false);
    expect(second.payload.error?.unifiedDetails.description).toMatch(/never received its token/);
    expect(second.payload.session?.attemptCount).toBe(2);
    const row = await db.session(merchantSessionId);
    expect(row.status).toBe('FAILED');
    expect((await db.attempts(row.id)).map((a) => [a.attempt_number, a.status, a.error_code])).toEqual([
      [1, 'OUTCOME_UNKNOWN', null],
      [2, 'FAILED', '0002'],
    ]);
    expect(await control.requestsFor('paytm', merchantSessionId)).toBe(2);
  });
});
