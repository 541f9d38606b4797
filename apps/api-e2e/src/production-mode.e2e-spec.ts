/**
 * Production hardening, checked on real processes:
 * - NODE_ENV=production without ENCRYPTION_KEY: the server refuses to start (non-zero exit within
 *   30 s, a message naming ENCRYPTION_KEY, no stack trace);
 * - with a key: no introspection, no embedded Apollo Sandbox, no stack traces in errors;
 * - test mode (the shared API): Apollo Sandbox is served on GET /graphql for browsers.
 */
import { randomBytes } from 'node:crypto';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, gql, sessionInput, uniqueSessionId, type CreateSessionTokenPayload } from './support/graphql-client';
import { DIST, WORKSPACE_ROOT } from './support/paths';
import { startProcess, type ManagedProcess, type ProcessExit } from './support/processes';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const REFUSAL_DEADLINE_MS = 30_000; // a refusal, not a start-up benchmark: generous for a busy machine
/** A V8 stack frame ("    at fn (/path/file.js:1:2)") or a source path, anywhere in a text. */
const STACK_FRAME = /^\s*at\s.+(:\d+:\d+\)?|\(native\))\s*$/m;
const SOURCE_PATH = /(\/work\/|node_modules|dist\/apps|\.ts:\d+|\.js:\d+)/;
/** What only Apollo's embedded Sandbox page contains (Apollo Server 5 local landing page). */
const SANDBOX_MARKERS = ['EmbeddedSandbox', 'embeddable-sandbox.umd', 'id="embeddableSandbox"'] as const;

let env: E2eEnv;

beforeAll(() => {
  env = readE2eEnv();
});

/** The shared API's environment switched to production, with or without an encryption key. */
function productionEnv(encryptionKey: string | undefined): Record<string, string> {
  const { ENCRYPTION_KEY: _unused, ...rest } = env.apiEnv;
  return { ...rest, NODE_ENV: 'production', ...(encryptionKey !== undefined ? { ENCRYPTION_KEY: encryptionKey } : {}) };
}

async function getAsBrowser(url: string): Promise<{ status: number; contentType: string; body: string }> {
  const response = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** Requests that make the server answer with errors of every kind a client can trigger. */
async function errorAnswers(url: string): Promise<Array<{ what: string; status: number; raw: string; codes: string[] }>> {
  const merchant = authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig);
  const graphqlCases: Array<[string, string, Record<string, unknown>, Record<string, string>]> = [
    ['parse error', '{ createSessionToken(', {}, merchant],
    ['unknown field', '{ noSuchField }', {}, merchant],
    ['invalid variable', CREATE_SESSION_TOKEN, { input: { ...sessionInput('NUVEI', 'x'), amount: { minorAmount: 'ten', currency: 'USD' } } }, merchant],
    ['invalid input (class-validator)', CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', 'not a valid id!') }, merchant],
    ['wrong API key', CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', uniqueSessionId('unauth')) }, authHeaders('sk_wrong_key', env.nuveiConnectorConfig)],
    ['missing API key', CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', uniqueSessionId('unauth')) }, { 'x-connector-config': env.nuveiConnectorConfig }],
    ['malformed x-connector-config', CREATE_SESSION_TOKEN, { input: sessionInput('NUVEI', uniqueSessionId('badcfg')) }, authHeaders(env.merchant.apiKey, '{"config":')],
  ];
  const answers: Array<{ what: string; status: number; raw: string; codes: string[] }> = [];
  for (const [what, query, variables, headers] of graphqlCases) {
    const result = await gql(url, query, variables, headers);
    answers.push({ what, status: result.httpStatus, raw: result.raw, codes: (result.errors ?? []).map((error) => String(error.extensions?.['code'])) });
  }
  const badJson = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  answers.push({ what: 'malformed JSON body', status: badJson.status, raw: await badJson.text(), codes: [] });
  return answers;
}

function expectNoStackTraces(answers: Array<{ what: string; raw: string; codes: string[] }>): void {
  for (const answer of answers) {
    // Every one of these is an error answer...
    expect({ what: answer.what, isError: answer.raw.includes('"errors"') }).toEqual({ what: answer.what, isError: true });
    // ...with no stack trace, no exception object and no file paths.
    expect({ what: answer.what, stacktrace: answer.raw.includes('stacktrace'), exception: answer.raw.includes('"exception"') }).toEqual({
      what: answer.what,
      stacktrace: false,
      exception: false,
    });
    expect({ what: answer.what, raw: answer.raw }).not.toEqual({ what: answer.what, raw: expect.stringMatching(STACK_FRAME) });
    expect({ what: answer.what, raw: answer.raw }).not.toEqual({ what: answer.what, raw: expect.stringMatching(SOURCE_PATH) });
  }
}

const INTROSPECTION_QUERIES = {
  __schema: '{ __schema { queryType { name } types { name } } }',
  __type: '{ __type(name: "PaymentSession") { name fields { name } } }',
} as const;

describe('NODE_ENV=production without ENCRYPTION_KEY', () => {
  let proc: ManagedProcess | undefined;

  afterAll(async () => {
    await proc?.stop();
  });

  it('exits non-zero within 30 s, naming ENCRYPTION_KEY, without a stack trace', async () => {
    const started = performance.now();
    proc = startProcess({ name: 'api-production-no-key', script: DIST.apiMain, env: productionEnv(undefined), cwd: WORKSPACE_ROOT, logDir: env.logDir });
    const deadline = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), REFUSAL_DEADLINE_MS).unref());
    const outcome: ProcessExit | 'still running' = await Promise.race([proc.exited, deadline]);
    expect(outcome).not.toBe('still running');
    const exit = outcome as ProcessExit;
    expect(performance.now() - started).toBeLessThan(REFUSAL_DEADLINE_MS);
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    const output = proc.stdout() + proc.stderr();
    expect(output).toContain('ENCRYPTION_KEY');
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toContain('GraphQL API ready');
  });
});

describe('NODE_ENV=production with ENCRYPTION_KEY', () => {
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    api = await startApi('api-production', productionEnv(randomBytes(32).toString('base64')), env.logDir);
  });

  afterAll(async () => {
    await api?.proc.stop();
  });

  it.each(Object.entries(INTROSPECTION_QUERIES))('refuses introspection (%s)', async (_name, query) => {
    const result = await gql<Record<string, unknown>>((api as ApiProcess).url, query);
    expect(result.data?.['__schema']).toBeUndefined();
    expect(result.data?.['__type']).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('does not serve the embedded Apollo Sandbox to a browser on GET /graphql', async () => {
    const page = await getAsBrowser((api as ApiProcess).url);
    for (const marker of SANDBOX_MARKERS) expect(page.body).not.toContain(marker);
    // No landing page at all: the GET is treated as a (CSRF-blocked) GraphQL request.
    expect(page.contentType).not.toMatch(/^text\/html/);
    expect(page.status).toBe(400);
  });

  it('answers every client-triggered error without stack traces or source paths', async () => {
    const answers = await errorAnswers((api as ApiProcess).url);
    expectNoStackTraces(answers);
    const codes = Object.fromEntries(answers.map((answer) => [answer.what, answer.codes[0] ?? `HTTP ${answer.status}`]));
    // 'invalid variable' is left out here: see the failing test below.
    const { 'invalid variable': _invalidVariable, ...others } = codes;
    expect(others).toEqual({
      'parse error': 'GRAPHQL_PARSE_FAILED',
      'unknown field': 'GRAPHQL_VALIDATION_FAILED',
      'invalid input (class-validator)': 'BAD_USER_INPUT',
      'wrong API key': 'UNAUTHENTICATED',
      'missing API key': 'UNAUTHENTICATED',
      'malformed x-connector-config': 'BAD_USER_INPUT',
      'malformed JSON body': 'HTTP 400',
    });
  });

  it('rejects an invalid variable value as BAD_USER_INPUT naming the field, without echoing the value', async () => {
    const echoed = 'sk_live_e2e_CANARY';
    const result = await gql(
      (api as ApiProcess).url,
      CREATE_SESSION_TOKEN,
      { input: { ...sessionInput('NUVEI', uniqueSessionId('badvar')), amount: { minorAmount: 10, currency: echoed } } },
      authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig),
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('input.amount.currency');
    expect(result.raw).not.toContain(echoed);
  });

  it('still opens sessions (production mode is not just "refuse everything")', async () => {
    const result = await gql<{ createSessionToken: CreateSessionTokenPayload }>(
      (api as ApiProcess).url,
      CREATE_SESSION_TOKEN,
      { input: sessionInput('NUVEI', uniqueSessionId('prod')) },
      authHeaders(env.merchant.apiKey, env.nuveiConnectorConfig),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createSessionToken.statusCode).toBe(200);
    expect(result.data?.createSessionToken.sessionToken).toEqual(expect.any(String));
  });
});

describe('NODE_ENV=test (the shared API)', () => {
  it('serves the embedded Apollo Sandbox to a browser on GET /graphql', async () => {
    const page = await getAsBrowser(env.apiUrl);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('EmbeddedSandbox');
    expect(page.body).toContain('embeddable-sandbox.cdn.apollographql.com');
  });

  it('allows introspection', async () => {
    const result = await gql<{ __schema: { queryType: { name: string } } }>(env.apiUrl, INTROSPECTION_QUERIES.__schema);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });

  it('answers every client-triggered error without stack traces or source paths', async () => {
    expectNoStackTraces(await errorAnswers(env.apiUrl));
  });
});
