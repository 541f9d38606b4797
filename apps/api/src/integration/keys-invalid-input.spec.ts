import { generateKeyPairSync } from 'node:crypto';
import { CREATE_API_KEY, REGISTER_CLIENT_SIGNING_KEY, REVOKE_API_KEY, REVOKE_CLIENT_SIGNING_KEY } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

// The bad-input corpus of the key management inputs (the session inputs' corpus is invalid-input.spec.ts).
// Each case: BAD_USER_INPUT naming the field, nothing written, no PEM or key echoed.
const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits });
const rsa1024 = rsa(1024);
const rsa2048 = rsa(2048);
const pem = {
  rsa1024: rsa1024.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  rsa2048: rsa2048.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  pkcs8Private: rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  pkcs1Private: rsa2048.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
};
const pemBody = (text: string) => text.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');

interface Case {
  readonly name: string;
  readonly field: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const apiKey = (input: Record<string, unknown>): Omit<Case, 'name' | 'field'> => ({ query: CREATE_API_KEY, variables: { input: { name: 'valid', kind: 'SECRET', ...input } } });
const withoutKey = (key: string): Omit<Case, 'name' | 'field'> => {
  const input: Record<string, unknown> = { name: 'valid', kind: 'SECRET' };
  delete input[key];
  return { query: CREATE_API_KEY, variables: { input } };
};
const signing = (input: Record<string, unknown>): Omit<Case, 'name' | 'field'> => ({ query: REGISTER_CLIENT_SIGNING_KEY, variables: { input: { keyId: 'valid-key', publicKeyPem: pem.rsa2048, ...input } } });

const cases: Case[] = [
  // createApiKey
  { name: 'empty name', field: 'input.name', ...apiKey({ name: '' }) },
  { name: 'blank name', field: 'input.name', ...apiKey({ name: '   ' }) },
  { name: '101-character name', field: 'input.name', ...apiKey({ name: 'n'.repeat(101) }) },
  { name: 'name with a newline', field: 'input.name', ...apiKey({ name: 'a\nb' }) },
  { name: 'name with a bidi override', field: 'input.name', ...apiKey({ name: 'abc\u202edef' }) },
  { name: 'null name', field: 'input.name', ...apiKey({ name: null }) },
  { name: 'numeric name', field: 'input.name', ...apiKey({ name: 42 }) },
  { name: 'missing name', field: 'name', ...withoutKey('name') },
  { name: 'unknown kind', field: 'input.kind', ...apiKey({ kind: 'ADMIN' }) },
  { name: 'lower-case kind', field: 'input.kind', ...apiKey({ kind: 'secret' }) },
  { name: 'missing kind', field: 'kind', ...withoutKey('kind') },
  { name: 'expiresAt in the past', field: 'input.expiresAt', ...apiKey({ expiresAt: '2020-01-01T00:00:00Z' }) },
  { name: 'expiresAt not a date', field: 'input.expiresAt', ...apiKey({ expiresAt: 'tomorrow' }) },
  { name: 'expiresAt as a number', field: 'input.expiresAt', ...apiKey({ expiresAt: 1_900_000_000 }) },
  { name: 'expiresAt without a time zone', field: 'input.expiresAt', ...apiKey({ expiresAt: '2099-01-01T00:00:00' }) },
  // revokeApiKey
  { name: 'revokeApiKey id not a UUID', field: 'id', query: REVOKE_API_KEY, variables: { id: 'not-a-uuid' } },
  { name: 'revokeApiKey empty id', field: 'id', query: REVOKE_API_KEY, variables: { id: '' } },
  // registerClientSigningKey: keyId
  { name: 'empty keyId', field: 'input.keyId', ...signing({ keyId: '' }) },
  { name: '65-character keyId', field: 'input.keyId', ...signing({ keyId: 'k'.repeat(65) }) },
  { name: 'keyId with a space', field: 'input.keyId', ...signing({ keyId: 'key 1' }) },
  { name: 'keyId with a slash', field: 'input.keyId', ...signing({ keyId: 'a/b' }) },
  { name: 'non-ASCII keyId', field: 'input.keyId', ...signing({ keyId: 'clé' }) },
  { name: 'null keyId', field: 'input.keyId', ...signing({ keyId: null }) },
  // registerClientSigningKey: publicKeyPem
  { name: 'RSA 1024 public key', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.rsa1024 }) },
  { name: 'PKCS#8 private key', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.pkcs8Private }) },
  { name: 'PKCS#1 private key', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.pkcs1Private }) },
  { name: 'EC P-256 public key', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.ec }) },
  { name: 'malformed PEM body', field: 'input.publicKeyPem', ...signing({ publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAAnotakey\n-----END PUBLIC KEY-----\n' }) },
  { name: 'empty PEM', field: 'input.publicKeyPem', ...signing({ publicKeyPem: '' }) },
  { name: 'certificate instead of a key', field: 'input.publicKeyPem', ...signing({ publicKeyPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }) },
  { name: 'two public keys', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.rsa2048 + pem.rsa2048 }) },
  { name: 'over-long PEM', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pem.rsa2048 + '\n'.repeat(9000) }) },
  { name: 'base64 body without PEM armour', field: 'input.publicKeyPem', ...signing({ publicKeyPem: pemBody(pem.rsa2048) }) },
  { name: 'null publicKeyPem', field: 'input.publicKeyPem', ...signing({ publicKeyPem: null }) },
  // revokeClientSigningKey
  { name: 'revokeClientSigningKey keyId with a space', field: 'keyId', query: REVOKE_CLIENT_SIGNING_KEY, variables: { keyId: 'a b' } },
  { name: 'revokeClientSigningKey unknown keyId', field: 'keyId', query: REVOKE_CLIENT_SIGNING_KEY, variables: { keyId: 'never-registered' } },
];

let env: IntegrationEnv;
beforeAll(async () => {
  env = await startIntegrationEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('bad input corpus of the key inputs: a clear error naming the field, nothing written, nothing echoed', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async (testCase) => {
    const before = { keys: await env.prisma.apiKey.count(), signing: await env.prisma.clientSigningKey.count(), revoked: await env.prisma.apiKey.count({ where: { revokedAt: { not: null } } }) };
    const res = await env.gql(testCase.query, testCase.variables, authHeaders(env.merchantA.apiKey));
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(res.errors?.map(() => 'BAD_USER_INPUT'));
    const first = res.errors?.[0];
    expect(String(first?.extensions?.['field'] ?? '') + ' ' + first?.message).toContain(testCase.field);
    expect(res.httpStatus).toBeLessThan(500);
    for (const text of Object.values(pem)) expect(res.raw).not.toContain(pemBody(text).slice(0, 40));
    expect({ keys: await env.prisma.apiKey.count(), signing: await env.prisma.clientSigningKey.count(), revoked: await env.prisma.apiKey.count({ where: { revokedAt: { not: null } } }) }).toEqual(before);
  });

  it('refuses a private key saying why, and no PEM reaches the logs', async () => {
    const res = await env.gql(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId: 'why', publicKeyPem: pem.pkcs8Private } }, authHeaders(env.merchantA.apiKey));
    expect(res.errors?.[0]?.message).toMatch(/private key: register only the public key/);
    const logs = env.logs.join('');
    for (const text of Object.values(pem)) expect(logs).not.toContain(pemBody(text).slice(0, 40));
    expect(env.gateway.callCount()).toBe(0);
  });

  it('still registers a valid key afterwards', async () => {
    const res = await env.gql(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId: 'valid-key', publicKeyPem: pem.rsa2048 } }, authHeaders(env.merchantA.apiKey));
    expect(res.errors).toBeUndefined();
  });
});
