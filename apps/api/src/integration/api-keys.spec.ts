import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API_KEYS, CLIENT_SIGNING_KEYS, CREATE_API_KEY, CREATE_SESSION_TOKEN, REGISTER_CLIENT_SIGNING_KEY, REVOKE_API_KEY, REVOKE_CLIENT_SIGNING_KEY } from '@prism-sessions/testing-graphql-documents';
import { getNamedType, isObjectType, isInterfaceType, isUnionType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ApiKeyRepository } from '../api-keys/api-key.repository';
import { ensureDevMerchant } from '../bootstrap/dev-merchant';
import { MerchantRepository } from '../merchants/merchant.repository';
import { buildAppSchema } from '../graphql/schema';
import { authHeaders, nuveiConfigHeader, OffsetClock, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(180_000);

interface ApiKeyView {
  id: string;
  name: string;
  kind: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface SigningKeyView {
  keyId: string;
  algorithm: string;
  modulusBits: number;
  fingerprint: string;
  revokedAt: string | null;
}

const clock = new OffsetClock();
let env: IntegrationEnv;
let schema: GraphQLSchema;
const rsaPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
const sessionInput = (id: string) => ({ connector: 'NUVEI', merchantSessionId: id, amount: { minorAmount: 1000, currency: 'USD' } });

beforeAll(async () => {
  env = await startIntegrationEnv({ clock });
  schema = await buildAppSchema();
});
afterAll(async () => {
  await env?.close();
});

async function createKey(apiKey: string, input: Record<string, unknown>) {
  const res = await env.gql<{ createApiKey: { key: string; apiKey: ApiKeyView } }>(CREATE_API_KEY, { input }, authHeaders(apiKey));
  expect(res.errors).toBeUndefined();
  return res.data?.createApiKey as { key: string; apiKey: ApiKeyView };
}
const listKeys = async (apiKey: string) => (await env.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, authHeaders(apiKey))).data?.apiKeys ?? [];

describe('API keys', () => {
  it('merchants start with one secret and one publishable key; both headers are accepted', async () => {
    const keys = await listKeys(env.merchantA.apiKey);
    // Created in one statement (same createdAt): the order between them is not part of the contract.
    expect(keys.map((k) => [k.kind, k.prefix]).sort()).toEqual([
      ['PUBLISHABLE', env.merchantA.publishableKey.slice(0, 10)],
      ['SECRET', env.merchantA.apiKey.slice(0, 10)],
    ]);
    expect(env.merchantA.apiKey).toMatch(/^sk_/);
    expect(env.merchantA.publishableKey).toMatch(/^pk_/);
    const viaHeader = await env.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, { 'api-key': env.merchantA.apiKey });
    expect(viaHeader.data?.apiKeys).toHaveLength(2);
    const conflicting = await env.gql(API_KEYS, {}, { ...authHeaders(env.merchantA.apiKey), 'api-key': env.merchantB.apiKey });
    expect(conflicting.httpStatus).toBe(401);
    expect(conflicting.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('createApiKey shows the key once, stores only its hash, and the key works at once', async () => {
    const created = await createKey(env.merchantA.apiKey, { name: 'ci deploys', kind: 'SECRET' });
    expect(created.key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'ci deploys', kind: 'SECRET', prefix: created.key.slice(0, 10), expiresAt: null, lastUsedAt: null, revokedAt: null });
    const rows = await env.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(created.key);
    expect(JSON.stringify(rows)).not.toContain(created.key.slice(10));
    const listed = await listKeys(created.key);
    expect(listed.map((k) => k.id)).toContain(created.apiKey.id);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it('records lastUsedAt on use', async () => {
    const created = await createKey(env.merchantA.apiKey, { name: 'touch me', kind: 'SECRET' });
    await listKeys(created.key);
    let row = await env.prisma.apiKey.findUnique({ where: { id: created.apiKey.id } });
    // The write is fire-and-forget: wait for it (bounded, generous for a busy machine).
    for (let i = 0; i < 500 && row?.lastUsedAt == null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      row = await env.prisma.apiKey.findUnique({ where: { id: created.apiKey.id } });
    }
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('a revoked key is refused (401) from the next request on the revoking instance', async () => {
    const created = await createKey(env.merchantA.apiKey, { name: 'to revoke', kind: 'SECRET' });
    expect((await env.gql(API_KEYS, {}, authHeaders(created.key))).httpStatus).toBe(200);
    const revoked = await env.gql<{ revokeApiKey: ApiKeyView }>(REVOKE_API_KEY, { id: created.apiKey.id }, authHeaders(env.merchantA.apiKey));
    expect(revoked.data?.revokeApiKey.revokedAt).not.toBeNull();
    for (const headers of [authHeaders(created.key), { 'api-key': created.key }]) {
      const refused = await env.gql(API_KEYS, {}, headers);
      expect(refused.httpStatus).toBe(401);
      expect(refused.errors?.[0]).toMatchObject({ message: 'This API key has been revoked', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('an expired key is refused', async () => {
    const expiresAt = new Date(clock.now().getTime() + 60_000).toISOString();
    const created = await createKey(env.merchantA.apiKey, { name: 'short-lived', kind: 'SECRET', expiresAt });
    expect(created.apiKey.expiresAt).toBe(expiresAt);
    expect((await env.gql(API_KEYS, {}, authHeaders(created.key))).httpStatus).toBe(200);
    clock.advance(61_000);
    try {
      const refused = await env.gql(API_KEYS, {}, authHeaders(created.key));
      expect(refused.httpStatus).toBe(401);
      expect(refused.errors?.[0]).toMatchObject({ message: 'This API key has expired', extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      clock.advance(-61_000);
    }
  });

  it('isolates merchants: listing, revoking', async () => {
    const a = await createKey(env.merchantA.apiKey, { name: 'a only', kind: 'PUBLISHABLE' });
    const bKeys = await listKeys(env.merchantB.apiKey);
    expect(bKeys.map((k) => k.id)).not.toContain(a.apiKey.id);
    expect(bKeys.every((k) => !k.name.startsWith('a '))).toBe(true);
    const foreign = await env.gql(REVOKE_API_KEY, { id: a.apiKey.id }, authHeaders(env.merchantB.apiKey));
    expect(foreign.errors?.[0]).toMatchObject({ message: 'No API key with this id', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    const row = await env.prisma.apiKey.findUnique({ where: { id: a.apiKey.id } });
    expect(row?.revokedAt).toBeNull();
    // B's own answer for a key that does not exist is the same: nothing says A's key exists.
    const missing = await env.gql(REVOKE_API_KEY, { id: '00000000-0000-4000-8000-000000000000' }, authHeaders(env.merchantB.apiKey));
    expect(missing.errors?.[0]?.message).toBe(foreign.errors?.[0]?.message);
  });
});

/** A syntactically valid document for one root field: every argument as a variable (left unset), `__typename` as the selection. */
function documentFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((arg, i) => ({ name: `v${i}`, arg: arg.name, type: String(arg.type) }));
  const declared = vars.length ? `(${vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
  const args = vars.length ? `(${vars.map((v) => `${v.arg}: $${v.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${operation}${declared} { ${field.name}${args}${selection} }`;
}

describe('publishable keys', () => {
  const rootFields = (): Array<[string, 'query' | 'mutation', GraphQLField<unknown, unknown>]> =>
    (
      [
        ['query', schema.getQueryType()],
        ['mutation', schema.getMutationType()],
      ] as Array<['query' | 'mutation', GraphQLObjectType | null | undefined]>
    ).flatMap(([op, type]) => Object.values(type?.getFields() ?? {}).map((field) => [`${op} ${field.name}`, op, field] as [string, 'query' | 'mutation', GraphQLField<unknown, unknown>]));

  it('covers every Query and Mutation field of the schema (new operations are picked up automatically)', () => {
    const names = rootFields().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['query apiKeys', 'mutation createApiKey', 'mutation createSessionToken', 'query clientSigningKeys', 'mutation registerClientSigningKey']));
  });

  it('are refused with FORBIDDEN (HTTP 403) on every operation not marked client-facing, and nothing is written or sent', async () => {
    const before = { keys: await env.prisma.apiKey.count(), sessions: await env.prisma.paymentSession.count(), signing: await env.prisma.clientSigningKey.count(), calls: env.gateway.callCount() };
    const fields = rootFields();
    expect(fields.length).toBeGreaterThan(5);
    for (const [name, op, field] of fields) {
      if (field.extensions?.['clientFacing'] === true) continue;
      const document = documentFor(op, field);
      const res = await env.gql(document, {}, authHeaders(env.merchantA.publishableKey, nuveiConfigHeader()));
      expect([name, res.httpStatus, res.errors?.[0]?.extensions?.['code']]).toEqual([name, 403, 'FORBIDDEN']);
      expect(res.data).toBeUndefined();
      // The same document with a secret key passes validation and the access check (it fails later, on the unset variables, or succeeds).
      const secret = await env.gql(document, {}, authHeaders(env.merchantA.apiKey));
      expect([name, secret.errors?.[0]?.extensions?.['code']]).not.toEqual([name, 'FORBIDDEN']);
      expect([name, secret.errors?.[0]?.extensions?.['code']]).not.toEqual([name, 'GRAPHQL_VALIDATION_FAILED']);
    }
    expect({ keys: await env.prisma.apiKey.count(), sessions: await env.prisma.paymentSession.count(), signing: await env.prisma.clientSigningKey.count(), calls: env.gateway.callCount() }).toEqual(before);
  });

  it('are refused on the real documents too, including a mix with an allowed field', async () => {
    const pk = authHeaders(env.merchantA.publishableKey, nuveiConfigHeader());
    const create = await env.gql(CREATE_SESSION_TOKEN, { input: sessionInput('pk_refused') }, pk);
    expect(create.httpStatus).toBe(403);
    expect(create.errors?.[0]?.message).toContain('createSessionToken');
    expect((await env.gql(CREATE_API_KEY, { input: { name: 'x', kind: 'SECRET' } }, { 'api-key': env.merchantA.publishableKey })).httpStatus).toBe(403);
    const typename = await env.gql<{ __typename: string }>('query { __typename }', {}, pk);
    expect(typename).toMatchObject({ httpStatus: 200, data: { __typename: 'Query' } });
    expect((await env.gql('query { __typename apiKeys { id } }', {}, pk)).httpStatus).toBe(403);
    expect(env.gateway.callCount()).toBe(0);
  });
});

describe('client signing keys', () => {
  const register = (apiKey: string, keyId: string, publicKeyPem: string) => env.gql<{ registerClientSigningKey: SigningKeyView }>(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId, publicKeyPem } }, authHeaders(apiKey));
  const list = async (apiKey: string) => (await env.gql<{ clientSigningKeys: SigningKeyView[] }>(CLIENT_SIGNING_KEYS, {}, authHeaders(apiKey))).data?.clientSigningKeys ?? [];

  it('registers SPKI and PKCS#1 RSA keys with their size and fingerprint, lists and revokes them', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const spki = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const pkcs1 = pair.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const first = await register(env.merchantA.apiKey, 'web-2026.01', spki);
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerClientSigningKey).toMatchObject({ keyId: 'web-2026.01', algorithm: 'RSA', modulusBits: 3072, revokedAt: null });
    const second = await register(env.merchantA.apiKey, 'web_pkcs1', pkcs1);
    expect(second.data?.registerClientSigningKey.fingerprint).toBe(first.data?.registerClientSigningKey.fingerprint);
    expect((await list(env.merchantA.apiKey)).map((k) => k.keyId)).toEqual(expect.arrayContaining(['web-2026.01', 'web_pkcs1']));
    const revoked = await env.gql<{ revokeClientSigningKey: SigningKeyView }>(REVOKE_CLIENT_SIGNING_KEY, { keyId: 'web_pkcs1' }, authHeaders(env.merchantA.apiKey));
    expect(revoked.data?.revokeClientSigningKey.revokedAt).not.toBeNull();
    // keyIds are never reused, even after revocation
    const reuse = await register(env.merchantA.apiKey, 'web_pkcs1', rsaPem());
    expect(reuse.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.keyId' } });
  });

  it('isolates merchants: listing, revoking, and keyIds are per merchant', async () => {
    const pem = rsaPem();
    expect((await register(env.merchantA.apiKey, 'shared-name', pem)).errors).toBeUndefined();
    expect((await list(env.merchantB.apiKey)).map((k) => k.keyId)).not.toContain('shared-name');
    const foreign = await env.gql(REVOKE_CLIENT_SIGNING_KEY, { keyId: 'shared-name' }, authHeaders(env.merchantB.apiKey));
    expect(foreign.errors?.[0]).toMatchObject({ message: 'No client signing key with this keyId', extensions: { code: 'BAD_USER_INPUT', field: 'keyId' } });
    expect((await list(env.merchantA.apiKey)).find((k) => k.keyId === 'shared-name')?.revokedAt).toBeNull();
    expect((await register(env.merchantB.apiKey, 'shared-name', pem)).errors).toBeUndefined();
  });
});

describe('rate limit (burst 3, no refill to speak of)', () => {
  let limited: IntegrationEnv;
  const rejections: Array<{ merchantId: string; cost: number }> = [];
  beforeAll(async () => {
    limited = await startIntegrationEnv({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.001' }, onRateLimited: (r) => rejections.push(r) });
  });
  afterAll(async () => {
    await limited?.close();
  });

  const aliased = (count: number) =>
    `mutation($input: CreateSessionTokenInput!) { ${Array.from({ length: count }, (_, i) => `s${i}: createSessionToken(input: $input) { statusCode }`).join(' ')} }`;

  it('counts aliased fields: 25 in one document are refused as a whole, with no gateway call and no row', async () => {
    const res = await limited.gql(aliased(25), { input: sessionInput('alias_1') }, authHeaders(limited.merchantA.apiKey, nuveiConfigHeader()));
    expect(res.httpStatus).toBe(429);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited.gateway.callCount()).toBe(0);
    expect(await limited.prisma.paymentSession.count()).toBe(0);
    expect(rejections).toEqual([expect.objectContaining({ merchantId: limited.merchantA.id, cost: 25 })]);
  });

  it('takes no token for a document refused for its key kind (checked before the bucket)', async () => {
    const refused = await limited.gql(aliased(3), { input: sessionInput('pk_alias') }, authHeaders(limited.merchantA.publishableKey, nuveiConfigHeader()));
    expect(refused.httpStatus).toBe(403);
    // The next test spends all 3 tokens successfully: this refusal took none.
    expect(limited.gateway.callCount()).toBe(0);
  });

  it('spends the burst, then answers RATE_LIMITED (429, Retry-After) with no gateway call and nothing written; other merchants are not affected', async () => {
    const headers = authHeaders(limited.merchantA.apiKey, nuveiConfigHeader());
    const two = await limited.gql<Record<string, { statusCode: number }>>(aliased(2), { input: sessionInput('burst_1') }, headers);
    expect(two.httpStatus).toBe(200);
    expect(await limited.gql(CREATE_SESSION_TOKEN, { input: sessionInput('burst_2') }, headers)).toMatchObject({ httpStatus: 200 });
    const calls = limited.gateway.callCount();
    const rows = await limited.prisma.paymentSession.count();
    const response = await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: CREATE_SESSION_TOKEN, variables: { input: sessionInput('burst_3') } }) });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(response.status).toBe(429);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(response.headers.get('retry-after'))).toBe(body.errors[0]?.extensions['retryAfterSeconds']);
    expect(limited.gateway.callCount()).toBe(calls);
    expect(await limited.prisma.paymentSession.count()).toBe(rows);
    expect(await limited.prisma.paymentSession.count({ where: { merchantSessionId: 'burst_3' } })).toBe(0);
    // Reads are not rate limited; merchant B has its own bucket.
    expect((await limited.gql(API_KEYS, {}, headers)).httpStatus).toBe(200);
    expect((await limited.gql(CREATE_SESSION_TOKEN, { input: sessionInput('burst_b') }, authHeaders(limited.merchantB.apiKey, nuveiConfigHeader()))).httpStatus).toBe(200);
  });
});

describe('development merchant (npm start / npm run dev)', () => {
  it('gets a secret and a publishable key, keeps them across starts, and adds a publishable key to an older file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dev-merchant-'));
    try {
      const merchants = new MerchantRepository(env.prisma);
      const keys = new ApiKeyRepository(env.prisma);
      const first = await ensureDevMerchant(merchants, keys, dir);
      expect(first).toMatchObject({ created: true, apiKey: expect.stringMatching(/^sk_/), publishableKey: expect.stringMatching(/^pk_/) });
      expect(statSync(path.join(dir, 'dev-merchant.json')).mode & 0o777).toBe(0o600);
      expect(await ensureDevMerchant(merchants, keys, dir)).toEqual({ ...first, created: false });
      // A file written before publishable keys existed.
      writeFileSync(path.join(dir, 'dev-merchant.json'), JSON.stringify({ merchantId: first.merchantId, apiKey: first.apiKey }));
      const upgraded = await ensureDevMerchant(merchants, keys, dir);
      expect(upgraded).toMatchObject({ created: false, merchantId: first.merchantId, apiKey: first.apiKey, publishableKey: expect.stringMatching(/^pk_/) });
      expect(upgraded.publishableKey).not.toBe(first.publishableKey);
      const saved = JSON.parse(readFileSync(path.join(dir, 'dev-merchant.json'), 'utf8')) as Record<string, string>;
      expect(saved['publishableKey']).toBe(upgraded.publishableKey);
      const pk = await env.gql(API_KEYS, {}, authHeaders(upgraded.publishableKey));
      expect(pk.httpStatus).toBe(403);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
