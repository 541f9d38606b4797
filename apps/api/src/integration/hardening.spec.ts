import { Writable } from 'node:stream';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/env';
import { createFieldEncryptor, generateEncryptionKey } from '../crypto/field-encryption';
import { createLogger } from '../logging/logger';
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, TEST_NUVEI, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(60_000);

let env: IntegrationEnv;

beforeAll(async () => {
  // The operator URL points at a closed port: only an allow-listed per-request base_url can reach the gateway.
  env = await startIntegrationEnv({ env: { CONNECTOR_BASE_URL_ALLOWLIST: '127.0.0.1', NUVEI_BASE_URL: 'http://127.0.0.1:9/nuvei' } });
});
afterAll(async () => {
  await env?.close();
});

const nuveiConfig = (baseUrl: string) =>
  JSON.stringify({ config: { Nuvei: { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret, base_url: baseUrl } } });
const input = (merchantSessionId: string) => ({ connector: 'NUVEI', merchantSessionId, amount: { minorAmount: 1000, currency: 'USD' } });

describe('outbound calls go only to configured or allow-listed hosts', () => {
  it('honours a per-request base_url whose host the operator allow-listed', async () => {
    const res = await env.gql<{ createSessionToken: { statusCode: number } }>(CREATE_SESSION_TOKEN, { input: input('allowed_1') }, authHeaders(env.merchantA.apiKey, nuveiConfig(env.gateway.baseUrl('nuvei'))));
    expect(res.data?.createSessionToken.statusCode).toBe(200);
    expect(env.gateway.callCount('nuvei')).toBe(1);
  });

  it('refuses any other host before writing or sending anything', async () => {
    const res = await env.gql(CREATE_SESSION_TOKEN, { input: input('refused_1') }, authHeaders(env.merchantA.apiKey, nuveiConfig('http://localhost.evil.example/ppp')));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-connector-config.base_url' });
    expect(await env.prisma.paymentSession.count({ where: { merchantSessionId: 'refused_1' } })).toBe(0);
  });
});

describe('production mode', () => {
  it('turns off introspection and the Sandbox landing page', async () => {
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
    const app = await createApp({ config, prisma: env.prisma, encryptor: createFieldEncryptor(generateEncryptionKey()), logger });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const introspection = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
      const body = (await introspection.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
      expect(JSON.stringify(body)).not.toMatch(/stacktrace/i);
      const landing = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/EmbeddedSandbox|embeddable-sandbox/);
    } finally {
      await app.close();
    }
  });
});
