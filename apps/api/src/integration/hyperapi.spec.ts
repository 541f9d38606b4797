import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import {
  CREATE_CLIENT_AUTH_TOKEN,
  LINK_UPI_ACCOUNT,
  RECORD_UPI_DEVICE_BINDING,
  REVOKE_CLIENT_SIGNING_KEY,
  REVOKE_UPI_DEVICE_BINDING,
  UNLINK_UPI_ACCOUNT,
  UPI_CUSTOMER,
  UPI_GET_SESSION_TOKEN,
} from '@prism-sessions/testing-graphql-documents';
import { HyperSessionRepository } from '../hyperapi/hyper-session.repository';
import { postProcess, registerKey, signedEnvelope, viaGraphql, withNewRequestId, type RestAnswer } from '../testing/hyperapi-client';
import { authHeaders, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';
import { parsePromText, sumOf } from '../testing/prometheus-text';

jest.setTimeout(180_000);

// Spec §10.5 vectors through both surfaces: each case sends the envelope to POST /hyperapi/process
// and (with a new requestId) to the GraphQL mutation, and the two answers must be the same JSON
// apart from key order and the requestId echo (GraphQL's nulls for absent fields are dropped).
let env: IntegrationEnv;
let keyA: { publicKey: KeyObject; privateKey: KeyObject };
let keyB: { publicKey: KeyObject; privateKey: KeyObject };
let keyB2: { publicKey: KeyObject; privateKey: KeyObject };
const MINUTE = 60_000;

beforeAll(async () => {
  env = await startIntegrationEnv({ env: { UPI_PREFIX: 'XYZ' } });
  keyA = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyB = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyB2 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await registerKey(env, env.merchantA.apiKey, 'key-a', keyA.publicKey);
  await registerKey(env, env.merchantB.apiKey, 'key-b', keyB.publicKey);
  // keyIds are unique per merchant only: B also has a "key-a" (a different key).
  await registerKey(env, env.merchantB.apiKey, 'key-a', keyB2.publicKey);
});

afterAll(async () => {
  await env?.close();
});

const signedByA = (customerId: string, overrides: Partial<Parameters<typeof signedEnvelope>[0]> = {}) =>
  signedEnvelope({ privateKey: keyA.privateKey, keyId: 'key-a', merchantId: env.merchantA.id, customerId, ...overrides });

/** The envelope through REST, then (new requestId) through GraphQL; checks both agree; returns the REST answer. */
async function throughBoth(envelope: Record<string, unknown>): Promise<RestAnswer> {
  const rest = await postProcess(env.url, envelope);
  const second = withNewRequestId(envelope);
  const graphql = await viaGraphql(env, second);
  expect({ ...graphql, requestId: 'ID' }).toEqual({ ...rest.body, requestId: 'ID' });
  expect(rest.body['requestId']).toBe(envelope['requestId']);
  expect(graphql['requestId']).toBe(second['requestId']);
  return rest;
}

function expectError(answer: RestAnswer, status: number, errorCode: string, errorMessage: string | RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ service: 'in.juspay.hyperapi', payload: {}, error: true, errorCode, event: 'process_result' });
  expect(Object.keys(answer.body).sort()).toEqual(['error', 'errorCode', 'errorMessage', 'event', 'payload', 'requestId', 'service']);
  if (typeof errorMessage === 'string') expect(answer.body['errorMessage']).toBe(errorMessage);
  else expect(answer.body['errorMessage']).toMatch(errorMessage);
}

describe('upiGetSessionToken: spec §10.5 vectors, REST and GraphQL', () => {
  it('success: a FRESH customer, the seed envelope, expiry = timestamp + 15 min; the session is stored with the signature’s SHA-256', async () => {
    const timestampMs = Date.now() - 1_000;
    const envelope = signedByA('cust-fresh', { timestampMs, payload: { udfParameters: '{"campaign":"x"}', simId: '1', customerMobileNumber: '919812345678' } });
    const answer = await throughBoth(envelope);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      requestId: envelope['requestId'],
      service: 'in.juspay.hyperapi',
      payload: { action: 'upiGetSessionToken', status: 'FRESH', isDeviceBound: 'false', isDeviceActivated: 'false', prefix: 'XYZ', expiryTimestamp: new Date(timestampMs + 15 * MINUTE).toISOString(), otherInfo: '{"campaign":"x"}' },
      error: false,
      errorMessage: '',
      errorCode: '',
      event: 'process_result',
    });
    const session = await env.prisma.hyperSdkSession.findFirstOrThrow({ where: { requestId: envelope['requestId'] as string } });
    const signature = (envelope['payload'] as Record<string, string>)['signature'] as string;
    expect(session).toMatchObject({ merchantId: env.merchantA.id, customerId: 'cust-fresh', authMethod: 'SIGNATURE', simId: '1', action: 'upiGetSessionToken', declaredMobileMasked: '+91XXXXXX5678' });
    expect(answer.raw).not.toContain('9812345678');
    expect(session.signatureSha256).toBe(createHash('sha256').update(Buffer.from(signature, 'base64')).digest('hex'));
    expect(session.expiresAt.getTime()).toBe(timestampMs + 15 * MINUTE);
    expect(await env.prisma.hyperUsedRequestId.count({ where: { merchantId: env.merchantA.id, requestId: envelope['requestId'] as string } })).toBe(1);
  });

  it('accepts the getSessionToken alias and echoes it', async () => {
    const answer = await throughBoth(signedByA('cust-alias', { action: 'getSessionToken' }));
    expect(answer.body['payload']).toMatchObject({ action: 'getSessionToken', status: 'FRESH' });
  });

  it('signaturePayload re-serialized (spaces, reordered keys) → Merchant signature mismatch, 401', async () => {
    const envelope = signedByA('cust-1');
    const payload = envelope['payload'] as Record<string, string>;
    const claims = JSON.parse(payload['signaturePayload'] as string) as Record<string, string>;
    for (const text of [JSON.stringify(claims, null, 1), JSON.stringify({ timestamp: claims['timestamp'], customer_id: claims['customer_id'], merchant_id: claims['merchant_id'] })]) {
      const answer = await throughBoth({ ...envelope, requestId: randomUUID(), payload: { ...payload, signaturePayload: text } });
      expectError(answer, 401, 'JP_012', 'Merchant signature mismatch');
    }
  });

  it('signature Base64 wrapped at 76 columns with a trailing newline → success', async () => {
    const envelope = signedByA('cust-1');
    const payload = envelope['payload'] as Record<string, string>;
    const wrapped = `${(payload['signature'] as string).match(/.{1,76}/g)?.join('\n')}\n`;
    const answer = await throughBoth({ ...envelope, payload: { ...payload, signature: wrapped } });
    expect(answer.body).toMatchObject({ error: false, errorCode: '' });
  });

  it('signaturePayload sent as an object → JP_003 on REST; on GraphQL the schema (String) refuses it, naming the field', async () => {
    const envelope = signedByA('cust-1');
    const payload = envelope['payload'] as Record<string, string>;
    const asObject = { ...envelope, payload: { ...payload, signaturePayload: JSON.parse(payload['signaturePayload'] as string) as unknown } };
    expectError(await postProcess(env.url, asObject), 200, 'JP_003', 'Type mismatch: payload.signaturePayload expected String');
    const graphql = await env.gql(UPI_GET_SESSION_TOKEN, { request: withNewRequestId(asObject) });
    expect(graphql.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'request.payload.signaturePayload' });
    expect(graphql.raw).not.toContain(payload['signature']);
  });

  it('unknown merchantKeyId → UNAUTHORIZED, 401', async () => {
    expectError(await throughBoth(signedByA('cust-1', { keyId: 'no-such-key' })), 401, 'JP_012', 'UNAUTHORIZED');
  });

  it('merchant_id that is not the key owner → 401 (B signs with its own key but claims merchant A)', async () => {
    const envelope = signedEnvelope({ privateKey: keyB.privateKey, keyId: 'key-b', merchantId: env.merchantA.id, customerId: 'cust-1' });
    expectError(await throughBoth(envelope), 401, 'JP_012', 'Invalid merchant id or merchant channel id');
  });

  it('a keyId two merchants use: the key that verifies decides the owner', async () => {
    const asB = signedEnvelope({ privateKey: keyB2.privateKey, keyId: 'key-a', merchantId: env.merchantB.id, customerId: 'cust-1' });
    expect((await throughBoth(asB)).body['error']).toBe(false);
    const bClaimingA = signedEnvelope({ privateKey: keyB2.privateKey, keyId: 'key-a', merchantId: env.merchantA.id, customerId: 'cust-1' });
    expectError(await throughBoth(bClaimingA), 401, 'JP_012', 'Invalid merchant id or merchant channel id');
  });

  it('revoked key → UNAUTHORIZED, 401', async () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await registerKey(env, env.merchantA.apiKey, 'key-revoked', key.publicKey);
    const envelope = signedEnvelope({ privateKey: key.privateKey, keyId: 'key-revoked', merchantId: env.merchantA.id, customerId: 'cust-1' });
    expect((await postProcess(env.url, envelope)).body['error']).toBe(false);
    await env.gql(REVOKE_CLIENT_SIGNING_KEY, { keyId: 'key-revoked' }, authHeaders(env.merchantA.apiKey));
    expectError(await throughBoth(withNewRequestId(envelope)), 401, 'JP_012', 'UNAUTHORIZED');
  });

  it('timestamp 16 minutes old, or 5 minutes ahead → REQUEST_EXPIRED, 401', async () => {
    expectError(await throughBoth(signedByA('cust-1', { timestampMs: Date.now() - 16 * MINUTE })), 401, 'JP_012', 'REQUEST_EXPIRED');
    expectError(await throughBoth(signedByA('cust-1', { timestampMs: Date.now() + 5 * MINUTE })), 401, 'JP_012', 'REQUEST_EXPIRED');
  });

  it('a timestamp within the skew ahead: the session expires at now + TTL, never after the signature’s validity', async () => {
    const before = Date.now();
    const timestampMs = before + MINUTE;
    const answer = await postProcess(env.url, signedByA('cust-1', { timestampMs }));
    const expiry = Date.parse((answer.body['payload'] as Record<string, string>)['expiryTimestamp'] as string);
    expect(expiry).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(expiry).toBeLessThanOrEqual(timestampMs + 15 * MINUTE);
  });

  it('same requestId twice → DUPLICATE_REQUEST (200) for the second, on either surface; nothing more is stored', async () => {
    const envelope = signedByA('cust-dup');
    expect((await postProcess(env.url, envelope)).body['error']).toBe(false);
    expectError(await postProcess(env.url, envelope), 200, 'JP_001', 'DUPLICATE_REQUEST');
    const graphql = await viaGraphql(env, envelope);
    expect(graphql).toMatchObject({ requestId: envelope['requestId'], error: true, errorCode: 'JP_001', errorMessage: 'DUPLICATE_REQUEST' });
    expect(await env.prisma.hyperSdkSession.count({ where: { requestId: envelope['requestId'] as string } })).toBe(1);
  });

  it('the same requestId from another merchant is its own', async () => {
    const requestId = randomUUID();
    expect((await postProcess(env.url, signedByA('cust-1', { requestId }))).body['error']).toBe(false);
    expect((await postProcess(env.url, signedEnvelope({ privateKey: keyB.privateKey, keyId: 'key-b', merchantId: env.merchantB.id, customerId: 'cust-1', requestId }))).body['error']).toBe(false);
  });

  it('same requestId concurrently from two API instances on one database: exactly one succeeds', async () => {
    const peerUrl = (await env.startPeer()).url;
    for (let round = 0; round < 5; round += 1) {
      const envelope = signedByA(`cust-race-${round}`);
      const answers = await Promise.all([postProcess(env.url, envelope), postProcess(peerUrl, envelope), postProcess(env.url, envelope), postProcess(peerUrl, envelope)]);
      expect(answers.filter((answer) => answer.body['error'] === false)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.body['error'] === true)) expect(answer.body['errorMessage']).toBe('DUPLICATE_REQUEST');
      expect(await env.prisma.hyperSdkSession.count({ where: { requestId: envelope['requestId'] as string } })).toBe(1);
    }
  });

  it('remembers a requestId TTL + skew (17 min by default), then purges it', async () => {
    const envelope = signedByA('cust-purge');
    const before = Date.now();
    expect((await postProcess(env.url, envelope)).body['error']).toBe(false);
    const row = await env.prisma.hyperUsedRequestId.findUniqueOrThrow({ where: { merchantId_requestId: { merchantId: env.merchantA.id, requestId: envelope['requestId'] as string } } });
    expect(row.keepUntil.getTime()).toBeGreaterThanOrEqual(before + 17 * MINUTE);
    const repository = new HyperSessionRepository(env.prisma);
    await repository.purgeUsedRequestIds(new Date(row.keepUntil.getTime() - 1));
    expect(await env.prisma.hyperUsedRequestId.count({ where: { requestId: row.requestId } })).toBe(1);
    expect(await repository.purgeUsedRequestIds(new Date(row.keepUntil.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await env.prisma.hyperUsedRequestId.count({ where: { requestId: row.requestId } })).toBe(0);
  });

  it('same signature with a new requestId inside its validity → success (a signature is a time-boxed credential)', async () => {
    const envelope = signedByA('cust-reuse');
    expect((await postProcess(env.url, envelope)).body['error']).toBe(false);
    expect((await postProcess(env.url, withNewRequestId(envelope))).body['error']).toBe(false);
    const hashes = await env.prisma.hyperSdkSession.findMany({ where: { customerId: 'cust-reuse' }, select: { signatureSha256: true } });
    expect(new Set(hashes.map((row) => row.signatureSha256)).size).toBe(1);
    expect(hashes).toHaveLength(2);
  });

  it('signature and clientAuthToken together → Invalid values passed in payload', async () => {
    const envelope = signedByA('cust-1', { payload: { clientAuthToken: 'tkn_whatever' } });
    expectError(await throughBoth(envelope), 200, 'JP_001', /^Invalid values passed in payload: /);
  });

  it('the JWS variant (protected/kid) is refused with a clear message (GraphQL has no such field: its schema refuses it)', async () => {
    const envelope = signedByA('cust-1', { payload: { protected: 'eyJraWQiOiJ1YXQ4MzMzIiwiYWxnIjoiUlMyNTYifQ' } });
    expectError(await postProcess(env.url, envelope), 200, 'JP_001', /JWS variant .* is not supported/);
    const graphql = await env.gql(UPI_GET_SESSION_TOKEN, { request: withNewRequestId(envelope) });
    expect(graphql.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'request.payload' });
  });

  it('GraphQL needs no API key, takes a publishable one, and refuses updateAuth on upiGetSessionToken', async () => {
    const withPk = await viaGraphql(env, signedByA('cust-pk'), { authorization: `Bearer ${env.merchantB.publishableKey}` });
    expect(withPk['error']).toBe(false);
    const wrongAction = await env.gql<{ upiGetSessionToken: Record<string, unknown> }>(UPI_GET_SESSION_TOKEN, { request: signedByA('cust-1', { action: 'updateAuth' }) });
    expect(wrongAction.data?.upiGetSessionToken).toMatchObject({ error: true, errorCode: 'JP_001', errorMessage: 'BAD_REQUEST: payload.action must be one of upiGetSessionToken, getSessionToken' });
  });

  it('counts refusals in hyperapi_rejections_total by reason and sessions in hyperapi_sessions_total', async () => {
    const read = async () => (await env.scrapeMetrics()).body;
    const before = await read();
    const count = (text: string, name: string, labels: Record<string, string>) => sumOf(parsePromText(text), name, labels);
    await postProcess(env.url, signedByA('cust-1', { timestampMs: Date.now() - 20 * MINUTE }));
    await postProcess(env.url, signedByA('cust-1'));
    const after = await read();
    expect(count(after, 'hyperapi_rejections_total', { reason: 'REQUEST_EXPIRED', error_code: 'JP_012' }) - count(before, 'hyperapi_rejections_total', { reason: 'REQUEST_EXPIRED', error_code: 'JP_012' })).toBe(1);
    expect(count(after, 'hyperapi_sessions_total', { action: 'upiGetSessionToken', auth_method: 'SIGNATURE' }) - count(before, 'hyperapi_sessions_total', { action: 'upiGetSessionToken', auth_method: 'SIGNATURE' })).toBe(1);
    expect(env.logs.join('')).toMatch(/"reason":"REQUEST_EXPIRED"/);
  });
});

describe('customer-scoped UPI state: FRESH → BOUND → LINKED', () => {
  const sk = () => authHeaders(env.merchantA.apiKey);
  const session = async (customerId: string) => (await throughBoth(signedByA(customerId))).body['payload'] as Record<string, unknown>;

  it('derives the status from what the merchant recorded, masks numbers, and goes back on revoke/unlink', async () => {
    const customerId = 'cust-journey';
    expect(await session(customerId)).toMatchObject({ status: 'FRESH', isDeviceBound: 'false' });

    const bound = await env.gql<{ recordUpiDeviceBinding: Record<string, unknown> }>(RECORD_UPI_DEVICE_BINDING, { input: { customerId, deviceFingerPrint: 'fp-1', mobileNumber: '919876543210', activated: false } }, sk());
    expect(bound.errors).toBeUndefined();
    expect(bound.data?.recordUpiDeviceBinding).toMatchObject({ status: 'BOUND', isDeviceBound: true, isDeviceActivated: false, deviceBindings: [{ deviceFingerPrint: 'fp-1', maskedMobileNumber: '+91XXXXXX3210', activatedAt: null }] });
    expect(await session(customerId)).toEqual(expect.objectContaining({ status: 'BOUND', isDeviceBound: 'true', isDeviceActivated: 'false', customerMobileNumber: '+91XXXXXX3210', deviceFingerPrint: 'fp-1' }));

    await env.gql(RECORD_UPI_DEVICE_BINDING, { input: { customerId, deviceFingerPrint: 'fp-1', mobileNumber: '+919876543210', activated: true } }, sk());
    const linked = await env.gql<{ linkUpiAccount: Record<string, unknown> }>(
      LINK_UPI_ACCOUNT,
      { input: { customerId, vpa: 'abc@xyz', bankCode: '11111', bankName: 'ABCD', accountNumber: '50100203891', ifsc: 'HDFC0001234', type: 'SAVINGS', branchName: 'MG Road', name: 'A B', mpinSet: true, mpinLength: 6, otpLength: 6, atmPinLength: 4, isPrimary: true, isDefault: true } },
      sk(),
    );
    expect(linked.errors).toBeUndefined();
    const payload = await session(customerId);
    expect(payload).toMatchObject({ status: 'LINKED', isDeviceBound: 'true', isDeviceActivated: 'true' });
    expect(payload['vpaAccounts']).toEqual([
      {
        vpa: 'abc@xyz',
        isDefault: 'true',
        account: { bankCode: '11111', bankName: 'ABCD', maskedAccountNumber: 'XXXX3891', mpinLength: '6', mpinSet: 'true', referenceId: expect.stringMatching(/^[0-9a-f]{32}$/), isPrimary: 'true', otpLength: '6', atmPinLength: '4', type: 'SAVINGS', branchName: 'MG Road', ifsc: 'HDFC0001234', name: 'A B' },
      },
    ]);

    // A second default VPA takes the default over.
    await env.gql(LINK_UPI_ACCOUNT, { input: { customerId, vpa: 'second@xyz', bankCode: '22222', bankName: 'EFGH', accountNumber: '99887766', mpinSet: false, mpinLength: 4, otpLength: 6, atmPinLength: 4, isPrimary: false, isDefault: true } }, sk());
    const two = (await session(customerId))['vpaAccounts'] as Array<Record<string, unknown>>;
    expect(two.map((entry) => [entry['vpa'], entry['isDefault']])).toEqual([['second@xyz', 'true'], ['abc@xyz', 'false']]);

    await env.gql(UNLINK_UPI_ACCOUNT, { input: { customerId, vpa: 'second@xyz' } }, sk());
    await env.gql(UNLINK_UPI_ACCOUNT, { input: { customerId, vpa: 'abc@xyz' } }, sk());
    expect((await session(customerId))['status']).toBe('BOUND');
    const revoked = await env.gql<{ revokeUpiDeviceBinding: Record<string, unknown> }>(REVOKE_UPI_DEVICE_BINDING, { input: { customerId, deviceFingerPrint: 'fp-1' } }, sk());
    expect(revoked.data?.revokeUpiDeviceBinding).toMatchObject({ status: 'FRESH', isDeviceBound: false });
    expect(await session(customerId)).toMatchObject({ status: 'FRESH', isDeviceBound: 'false' });
  });

  it('state is per (merchant, customer): merchant B sees nothing of A’s customer; the mutations need a secret key', async () => {
    await env.gql(RECORD_UPI_DEVICE_BINDING, { input: { customerId: 'cust-scoped', deviceFingerPrint: 'fp-9', mobileNumber: '919999999999', activated: true } }, sk());
    const asB = await env.gql<{ upiCustomer: Record<string, unknown> }>(UPI_CUSTOMER, { customerId: 'cust-scoped' }, authHeaders(env.merchantB.apiKey));
    expect(asB.data?.upiCustomer).toMatchObject({ status: 'FRESH', deviceBindings: [], vpaAccounts: [] });
    const bSession = await postProcess(env.url, signedEnvelope({ privateKey: keyB.privateKey, keyId: 'key-b', merchantId: env.merchantB.id, customerId: 'cust-scoped' }));
    expect(bSession.body['payload']).toMatchObject({ status: 'FRESH' });
    const publishable = await env.gql(UPI_CUSTOMER, { customerId: 'cust-scoped' }, authHeaders(env.merchantA.publishableKey));
    expect(publishable.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await env.gql(RECORD_UPI_DEVICE_BINDING, { input: { customerId: 'c', deviceFingerPrint: 'f', mobileNumber: '919999999999', activated: true } });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('clientAuthToken and updateAuth', () => {
  const mint = async (customerId: string, apiKey = env.merchantA.apiKey) => {
    const answer = await env.gql<{ createClientAuthToken: { clientAuthToken: string; expiresAt: string } }>(CREATE_CLIENT_AUTH_TOKEN, { input: { customerId } }, authHeaders(apiKey));
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.createClientAuthToken;
  };
  const tokenEnvelope = (token: string, customerId: string, merchantId = env.merchantA.id, action = 'upiGetSessionToken') => ({
    requestId: randomUUID(),
    service: 'in.juspay.hyperapi',
    payload: { action, clientAuthToken: token, merchantId, customerId },
  });

  it('mints a 15-minute token stored only as a hash; the envelope with it opens a session for that customer', async () => {
    const minted = await mint('cust-cat');
    expect(minted.clientAuthToken).toMatch(/^tkn_[A-Za-z0-9_-]{43}$/);
    const expiresIn = Date.parse(minted.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(10 * MINUTE);
    expect(expiresIn).toBeLessThanOrEqual(15 * MINUTE);
    const row = await env.prisma.clientAuthToken.findFirstOrThrow({ where: { customerId: 'cust-cat' } });
    expect(row.tokenHash).toBe(createHash('sha256').update(minted.clientAuthToken).digest('hex'));
    const answer = await throughBoth(tokenEnvelope(minted.clientAuthToken, 'cust-cat'));
    expect(answer.body).toMatchObject({ error: false, payload: { status: 'FRESH', expiryTimestamp: expect.any(String) } });
    expect(Date.parse((answer.body['payload'] as Record<string, string>)['expiryTimestamp'] as string)).toBeLessThanOrEqual(Date.parse(minted.expiresAt));
    expect(await env.prisma.hyperSdkSession.count({ where: { customerId: 'cust-cat', authMethod: 'CLIENT_AUTH_TOKEN', signatureSha256: null } })).toBe(2);
  });

  it('is scoped: another customer or merchant, or an unknown token → UNAUTHORIZED, 401', async () => {
    const minted = await mint('cust-cat-scope');
    expectError(await throughBoth(tokenEnvelope(minted.clientAuthToken, 'someone-else')), 401, 'JP_012', 'UNAUTHORIZED');
    expectError(await throughBoth(tokenEnvelope(minted.clientAuthToken, 'cust-cat-scope', env.merchantB.id)), 401, 'JP_012', 'UNAUTHORIZED');
    expectError(await throughBoth(tokenEnvelope(`tkn_${'A'.repeat(43)}`, 'cust-cat-scope')), 401, 'JP_012', 'UNAUTHORIZED');
  });

  it('has capped uses: once spent → SESSION_EXPIRED, 401 (a refused duplicate spends nothing)', async () => {
    const minted = await mint('cust-cat-cap');
    const first = tokenEnvelope(minted.clientAuthToken, 'cust-cat-cap');
    expect((await postProcess(env.url, first)).body['error']).toBe(false);
    expect((await postProcess(env.url, first)).body['errorMessage']).toBe('DUPLICATE_REQUEST');
    expect((await env.prisma.clientAuthToken.findFirstOrThrow({ where: { customerId: 'cust-cat-cap' } })).uses).toBe(1);
    for (let use = 2; use <= 10; use += 1) expect((await postProcess(env.url, tokenEnvelope(minted.clientAuthToken, 'cust-cat-cap'))).body['error']).toBe(false);
    expectError(await postProcess(env.url, tokenEnvelope(minted.clientAuthToken, 'cust-cat-cap')), 401, 'JP_012', 'SESSION_EXPIRED');
  });

  it('updateAuth renews the customer’s latest session with a fresh signature (or token); without a session → UNINITIATED_REQUEST', async () => {
    const opened = signedByA('cust-renew', { timestampMs: Date.now() - 10 * MINUTE });
    expect((await postProcess(env.url, opened)).body['error']).toBe(false);
    const renewTs = Date.now();
    const renewal = signedByA('cust-renew', { action: 'updateAuth', timestampMs: renewTs });
    const answer = await postProcess(env.url, renewal);
    expect(answer.body).toMatchObject({ error: false, payload: { action: 'updateAuth', expiryTimestamp: new Date(renewTs + 15 * MINUTE).toISOString() } });
    const sessions = await env.prisma.hyperSdkSession.findMany({ where: { customerId: 'cust-renew' } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ requestId: renewal['requestId'], renewedAt: expect.any(Date) });
    expect(sessions[0]?.expiresAt.getTime()).toBe(renewTs + 15 * MINUTE);
    const graphql = await viaGraphql(env, signedByA('cust-renew', { action: 'updateAuth' }));
    expect(graphql).toMatchObject({ error: false, payload: { action: 'updateAuth' } });
    expectError(await postProcess(env.url, signedByA('cust-never-opened', { action: 'updateAuth' })), 200, 'JP_001', 'UNINITIATED_REQUEST');
    expect(await env.prisma.hyperUsedRequestId.count({ where: { requestId: '' } })).toBe(0);
  });
});
