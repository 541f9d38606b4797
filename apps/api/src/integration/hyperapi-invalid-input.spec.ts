import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { postProcess, registerKey, signedEnvelope } from '../testing/hyperapi-client';
import { startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';
import { parsePromText, sumOf } from '../testing/prometheus-text';

jest.setTimeout(180_000);

// The bad-input corpus of POST /hyperapi/process: each case gets the documented error envelope
// (HTTP 401 only for authentication failures), nothing is stored but the rejection count, and the
// server stays healthy.
let env: IntegrationEnv;
const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SERVICE = 'in.juspay.hyperapi';

interface Case {
  readonly name: string;
  /** A JSON value to send, or a function of the environment (needs the merchant id). */
  readonly body?: unknown | (() => unknown);
  readonly raw?: () => Buffer | string;
  readonly method?: string;
  readonly status: number;
  readonly errorCode: string;
  readonly errorMessage: string | RegExp;
}

const signaturePayloadOf = (text: string) => sign('sha256', Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
const signedText = (text: string) => ({ requestId: randomUUID(), service: SERVICE, payload: { action: 'upiGetSessionToken', merchantKeyId: 'corpus-key', signature: signaturePayloadOf(text), signaturePayload: text } });
const valid = () => signedEnvelope({ privateKey: key.privateKey, keyId: 'corpus-key', merchantId: env.merchantA.id, customerId: 'corpus-customer' });
const withPayload = (payload: Record<string, unknown>) => () => {
  const base = valid();
  return { ...base, payload: { ...(base['payload'] as Record<string, unknown>), ...payload } };
};
const withTop = (top: Record<string, unknown>) => () => ({ ...valid(), ...top });
const without = (field: string) => () => {
  const base: Record<string, unknown> = valid();
  delete base[field];
  return base;
};
const withoutInner = (field: string) => () => {
  const base = valid();
  const payload = { ...(base['payload'] as Record<string, unknown>) };
  delete payload[field];
  return { ...base, payload };
};
/** A valid envelope whose signature is re-encoded in the URL-safe alphabet (not what the seed sends). */
const urlSafeSignature = () => {
  const base = valid();
  const payload = base['payload'] as Record<string, string>;
  return { ...base, payload: { ...payload, signature: Buffer.from(payload['signature'] as string, 'base64').toString('base64url') } };
};
const BAD = { status: 200, errorCode: 'JP_001' };
const TYPE = { status: 200, errorCode: 'JP_003' };
const AUTH = { status: 401, errorCode: 'JP_012' };

const cases: Case[] = [
  // Unreadable bodies
  { name: 'not JSON', raw: () => '{"requestId":', ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object in UTF-8' },
  { name: 'empty body', raw: () => '', ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object in UTF-8' },
  { name: 'invalid UTF-8 bytes', raw: () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object in UTF-8' },
  { name: 'Latin-1 string inside JSON', raw: () => Buffer.concat([Buffer.from('{"requestId":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object in UTF-8' },
  { name: 'UTF-16 JSON', raw: () => Buffer.from('{"requestId":"x"}', 'utf16le'), ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object in UTF-8' },
  { name: 'oversized body (40 KB)', raw: () => JSON.stringify({ requestId: randomUUID(), service: SERVICE, payload: { action: 'upiGetSessionToken', udfParameters: 'u'.repeat(40_000) } }), ...BAD, errorMessage: 'BAD_REQUEST: the body exceeds 32768 bytes' },
  { name: 'GET instead of POST', method: 'GET', status: 405, errorCode: 'JP_001', errorMessage: 'BAD_REQUEST: /hyperapi/process accepts POST only' },
  // Envelope shape (step 1)
  { name: 'a JSON array', body: [], ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object' },
  { name: 'a JSON string', body: 'hello', ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object' },
  { name: 'JSON null', body: null, ...BAD, errorMessage: 'BAD_REQUEST: the body must be a JSON object' },
  { name: 'missing requestId', body: without('requestId'), ...BAD, errorMessage: 'BAD_REQUEST: requestId must be a non-empty string' },
  { name: 'numeric requestId', body: withTop({ requestId: 12345 }), ...BAD, errorMessage: 'BAD_REQUEST: requestId must be a non-empty string' },
  { name: 'empty requestId', body: withTop({ requestId: '' }), ...BAD, errorMessage: 'BAD_REQUEST: requestId must be a non-empty string' },
  { name: 'requestId not a uuid-v4 (the doc example)', body: withTop({ requestId: 'abcd-12345-abcd-12345' }), ...BAD, errorMessage: 'BAD_REQUEST: requestId must be a uuid-v4' },
  { name: 'huge requestId (10 000 characters)', body: withTop({ requestId: 'r'.repeat(10_000) }), ...BAD, errorMessage: 'BAD_REQUEST: requestId must be a uuid-v4' },
  { name: 'missing service', body: without('service'), ...BAD, errorMessage: 'BAD_REQUEST: service must be "in.juspay.hyperapi"' },
  { name: 'wrong service', body: withTop({ service: 'in.juspay.hyperpay' }), ...BAD, errorMessage: 'BAD_REQUEST: service must be "in.juspay.hyperapi"' },
  { name: 'numeric service', body: withTop({ service: 1 }), ...BAD, errorMessage: 'BAD_REQUEST: service must be "in.juspay.hyperapi"' },
  { name: 'missing payload', body: without('payload'), ...BAD, errorMessage: 'BAD_REQUEST: payload must be a JSON object' },
  { name: 'payload as a string', body: withTop({ payload: '{"action":"upiGetSessionToken"}' }), ...BAD, errorMessage: 'BAD_REQUEST: payload must be a JSON object' },
  { name: 'payload as an array', body: withTop({ payload: [] }), ...BAD, errorMessage: 'BAD_REQUEST: payload must be a JSON object' },
  { name: 'missing action', body: withoutInner('action'), ...BAD, errorMessage: /^BAD_REQUEST: payload\.action must be one of / },
  { name: 'unknown action', body: withPayload({ action: 'upiSendMoney' }), ...BAD, errorMessage: /^BAD_REQUEST: payload\.action must be one of / },
  { name: 'numeric action', body: withPayload({ action: 7 }), ...BAD, errorMessage: /^BAD_REQUEST: payload\.action must be one of / },
  // Auth group (step 2) and the JWS variant
  { name: 'no auth group', body: () => ({ requestId: randomUUID(), service: SERVICE, payload: { action: 'upiGetSessionToken' } }), ...BAD, errorMessage: /^Invalid values passed in payload: no authentication/ },
  { name: 'signature and clientAuthToken', body: withPayload({ clientAuthToken: 'tkn_x', merchantId: 'm', customerId: 'c' }), ...BAD, errorMessage: /^Invalid values passed in payload: send either/ },
  { name: 'signature group without signaturePayload', body: withoutInner('signaturePayload'), ...BAD, errorMessage: 'Invalid values passed in payload: payload.signaturePayload is missing' },
  { name: 'signature group without merchantKeyId', body: withoutInner('merchantKeyId'), ...BAD, errorMessage: 'Invalid values passed in payload: payload.merchantKeyId is missing' },
  { name: 'JWS variant (protected)', body: withPayload({ protected: 'eyJhbGciOiJSUzI1NiJ9' }), ...BAD, errorMessage: /^BAD_REQUEST: the JWS variant/ },
  // Types and sizes (step 3)
  { name: 'signaturePayload as an object', body: withPayload({ signaturePayload: { merchant_id: 'm' } }), ...TYPE, errorMessage: 'Type mismatch: payload.signaturePayload expected String' },
  { name: 'numeric signature', body: withPayload({ signature: 123 }), ...TYPE, errorMessage: 'Type mismatch: payload.signature expected String' },
  { name: 'merchantKeyId as an array', body: withPayload({ merchantKeyId: ['corpus-key'] }), ...TYPE, errorMessage: 'Type mismatch: payload.merchantKeyId expected String' },
  { name: 'udfParameters as an object', body: withPayload({ udfParameters: { a: 1 } }), ...TYPE, errorMessage: 'Type mismatch: payload.udfParameters expected String' },
  { name: 'numeric clientAuthToken', body: () => ({ requestId: randomUUID(), service: SERVICE, payload: { action: 'upiGetSessionToken', clientAuthToken: 5, merchantId: 'm', customerId: 'c' } }), ...TYPE, errorMessage: 'Type mismatch: payload.clientAuthToken expected String' },
  { name: 'huge signature (5000 characters)', body: withPayload({ signature: 'A'.repeat(5000) }), ...BAD, errorMessage: 'BAD_REQUEST: payload.signature exceeds 4096 characters' },
  { name: 'huge signaturePayload (3000 characters)', body: withPayload({ signaturePayload: 'p'.repeat(3000) }), ...BAD, errorMessage: 'BAD_REQUEST: payload.signaturePayload exceeds 2048 characters' },
  { name: 'customerMobileNumber without 91', body: withPayload({ customerMobileNumber: '9876543210' }), ...BAD, errorMessage: 'BAD_REQUEST: payload.customerMobileNumber must be 12 digits starting with 91' },
  { name: 'simId not digits', body: withPayload({ simId: 'a' }), ...BAD, errorMessage: 'BAD_REQUEST: payload.simId must be 1–2 digits' },
  // Authentication (steps 4–8)
  { name: 'unknown merchantKeyId', body: withPayload({ merchantKeyId: 'nobody' }), ...AUTH, errorMessage: 'UNAUTHORIZED' },
  { name: 'merchantKeyId with a space', body: withPayload({ merchantKeyId: 'corpus key' }), ...AUTH, errorMessage: 'UNAUTHORIZED' },
  { name: 'signature not Base64', body: withPayload({ signature: '%%%not-base64%%%' }), ...AUTH, errorMessage: 'Merchant signature mismatch' },
  { name: 'signature in URL-safe Base64', body: urlSafeSignature, ...AUTH, errorMessage: 'Merchant signature mismatch' },
  { name: 'signature of another payload', body: withPayload({ signature: signaturePayloadOf('something else') }), ...AUTH, errorMessage: 'Merchant signature mismatch' },
  { name: 'signed payload that is not JSON', body: () => signedText('merchant_id=m'), ...BAD, errorMessage: 'INVALID_DATA: signaturePayload is not JSON' },
  { name: 'signed payload without customer_id', body: () => signedText(JSON.stringify({ merchant_id: env.merchantA.id, timestamp: String(Date.now()) })), ...BAD, errorMessage: 'INVALID_DATA: signaturePayload.customer_id is missing' },
  { name: 'signed payload with a numeric timestamp', body: () => signedText(JSON.stringify({ merchant_id: env.merchantA.id, customer_id: 'c', timestamp: Date.now() })), ...TYPE, errorMessage: 'Type mismatch: signaturePayload.timestamp expected String' },
  { name: 'signed payload with a seconds timestamp', body: () => signedText(JSON.stringify({ merchant_id: env.merchantA.id, customer_id: 'c', timestamp: String(Math.floor(Date.now() / 1000)) })), ...BAD, errorMessage: 'INVALID_DATA: signaturePayload.timestamp must be 13 digits (epoch milliseconds)' },
  { name: 'malformed clientAuthToken', body: () => ({ requestId: randomUUID(), service: SERVICE, payload: { action: 'upiGetSessionToken', clientAuthToken: 'not-a-token', merchantId: env.merchantA.id, customerId: 'c' } }), ...AUTH, errorMessage: 'UNAUTHORIZED' },
];

beforeAll(async () => {
  env = await startIntegrationEnv();
  await registerKey(env, env.merchantA.apiKey, 'corpus-key', key.publicKey);
});

afterAll(async () => {
  await env?.close();
});

const rejections = async () => sumOf(parsePromText((await env.scrapeMetrics()).body), 'hyperapi_rejections_total');

describe('POST /hyperapi/process bad-input corpus', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s → the documented error envelope', async (_name, c) => {
    const body = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
    const answer = await postProcess(env.url, body, { ...(c.raw ? { raw: c.raw() } : {}), ...(c.method ? { method: c.method } : {}) });
    expect(answer.status).toBe(c.status);
    expect(answer.body).toMatchObject({ service: SERVICE, payload: {}, error: true, errorCode: c.errorCode, event: 'process_result' });
    if (typeof c.errorMessage === 'string') expect(answer.body['errorMessage']).toBe(c.errorMessage);
    else expect(answer.body['errorMessage']).toMatch(c.errorMessage);
    const sent = body as Record<string, unknown> | null;
    const sentId = typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? sent['requestId'] : undefined;
    expect(answer.body['requestId']).toBe(typeof sentId === 'string' && /^[\x21-\x7e]{1,128}$/.test(sentId) ? sentId : '');
  });

  it('stored nothing but the rejection count, and the server is healthy', async () => {
    expect(await rejections()).toBe(cases.length);
    const counts = await Promise.all([
      env.prisma.hyperSdkSession.count(),
      env.prisma.hyperUsedRequestId.count(),
      env.prisma.upiCustomer.count(),
      env.prisma.upiDeviceBinding.count(),
      env.prisma.upiLinkedAccount.count(),
      env.prisma.clientAuthToken.count(),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0]);
    const health = await fetch(new URL('/health', env.url));
    expect(health.status).toBe(200);
    const ok = await postProcess(env.url, valid());
    expect(ok.body).toMatchObject({ error: false, payload: { status: 'FRESH' } });
  });
});
