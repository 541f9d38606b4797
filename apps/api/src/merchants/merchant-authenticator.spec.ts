import type { Clock } from '@prism-sessions/connector-interfaces';
import type { ApiKeyCredential } from '../api-keys/api-key.repository';
import { generateApiKey } from './api-key';
import { LAST_USED_WRITE_INTERVAL_MS, MerchantAuthenticator } from './merchant-authenticator';

class FixedClock implements Clock {
  constructor(public ms = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
}

/** An in-memory key table standing in for `api_keys` (this spec is about caching and rules, not SQL). */
class KeyTable {
  readonly rows = new Map<string, ApiKeyCredential>();
  lookups = 0;
  readonly touches: Array<{ id: string; at: Date }> = [];
  async findByHash(hash: string): Promise<ApiKeyCredential | null> {
    this.lookups += 1;
    return this.rows.get(hash) ?? null;
  }
  async touch(id: string, at: Date): Promise<void> {
    this.touches.push({ id, at });
  }
}

function setup(ttl = 10_000) {
  const clock = new FixedClock();
  const table = new KeyTable();
  const secret = generateApiKey('SECRET');
  const publishable = generateApiKey('PUBLISHABLE');
  table.rows.set(secret.hash, { id: 'k-sk', kind: 'SECRET', keyHash: secret.hash, expiresAt: null, revokedAt: null, merchantId: 'm1' });
  table.rows.set(publishable.hash, { id: 'k-pk', kind: 'PUBLISHABLE', keyHash: publishable.hash, expiresAt: null, revokedAt: null, merchantId: 'm1' });
  const auth = new MerchantAuthenticator({ keys: table, clock, cacheTtlMs: ttl });
  return { clock, table, auth, secret: secret.apiKey, publishable: publishable.apiKey, secretHash: secret.hash };
}

describe('MerchantAuthenticator', () => {
  it('accepts a key as Authorization: Bearer or as an api-key header, with its kind', async () => {
    const { auth, secret, publishable } = setup();
    expect(await auth.authenticate({ authorization: `Bearer ${secret}` })).toEqual({ merchant: { id: 'm1' }, apiKey: { id: 'k-sk', kind: 'SECRET' } });
    expect(await auth.authenticate({ apiKey: publishable })).toEqual({ merchant: { id: 'm1' }, apiKey: { id: 'k-pk', kind: 'PUBLISHABLE' } });
    expect(await auth.authenticate({ authorization: `Bearer ${secret}`, apiKey: secret })).toMatchObject({ apiKey: { id: 'k-sk' } });
  });

  it.each([
    ['no header', {}, 'MISSING_API_KEY'],
    ['an unknown key', { authorization: 'Bearer sk_unknown' }, 'INVALID_API_KEY'],
    ['a malformed Authorization header', { authorization: 'Basic abc' }, 'INVALID_API_KEY'],
    ['an empty api-key header', { apiKey: '  ' }, 'INVALID_API_KEY'],
  ])('refuses %s', async (_label, headers, failure) => {
    expect(await setup().auth.authenticate(headers)).toBe(failure);
  });

  it('refuses two different keys in the two headers', async () => {
    const { auth, secret, publishable } = setup();
    expect(await auth.authenticate({ authorization: `Bearer ${secret}`, apiKey: publishable })).toBe('CONFLICTING_API_KEYS');
  });

  it('caches a lookup for the TTL: a revocation in the table is seen once the TTL has passed', async () => {
    const { auth, table, clock, secret, secretHash } = setup(5_000);
    await auth.authenticate({ apiKey: secret });
    await auth.authenticate({ apiKey: secret });
    expect(table.lookups).toBe(1);
    const row = table.rows.get(secretHash) as ApiKeyCredential;
    table.rows.set(secretHash, { ...row, revokedAt: new Date(clock.ms) });
    clock.ms += 4_999;
    expect(await auth.authenticate({ apiKey: secret })).toMatchObject({ apiKey: { id: 'k-sk' } });
    clock.ms += 1;
    expect(await auth.authenticate({ apiKey: secret })).toBe('REVOKED_API_KEY');
  });

  it('forget() makes a revocation effective at once on this instance', async () => {
    const { auth, table, clock, secret, secretHash } = setup(60_000);
    await auth.authenticate({ apiKey: secret });
    table.rows.set(secretHash, { ...(table.rows.get(secretHash) as ApiKeyCredential), revokedAt: new Date(clock.ms) });
    auth.forget('k-sk');
    expect(await auth.authenticate({ apiKey: secret })).toBe('REVOKED_API_KEY');
  });

  it('checks expiry on every request, even from the cache', async () => {
    const { auth, table, clock, secret, secretHash } = setup(60_000);
    table.rows.set(secretHash, { ...(table.rows.get(secretHash) as ApiKeyCredential), expiresAt: new Date(clock.ms + 1_000) });
    expect(await auth.authenticate({ apiKey: secret })).toMatchObject({ apiKey: { id: 'k-sk' } });
    clock.ms += 1_000;
    expect(await auth.authenticate({ apiKey: secret })).toBe('EXPIRED_API_KEY');
    expect(table.lookups).toBe(1);
  });

  it('records a use at most once per interval per key', async () => {
    const { auth, table, clock, secret, publishable } = setup(0);
    await auth.authenticate({ apiKey: secret });
    await auth.authenticate({ apiKey: secret });
    await auth.authenticate({ apiKey: publishable });
    clock.ms += LAST_USED_WRITE_INTERVAL_MS - 1;
    await auth.authenticate({ apiKey: secret });
    clock.ms += 1;
    await auth.authenticate({ apiKey: secret });
    expect(table.touches.map((t) => t.id)).toEqual(['k-sk', 'k-pk', 'k-sk']);
  });
});
