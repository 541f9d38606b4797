import { Secret } from '@prism-sessions/masking';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import { AccessTokens, type AccessTokenStore, type FetchedAccessToken } from './access-tokens';
import type { AccessTokenScope, LockedAccessTokens, StoredAccessToken } from './connector-state.repository';

const scope: AccessTokenScope = { merchantId: 'm1', connector: 'paypal', scopeKey: 'client:abc' };

/** An in-memory store with the repository's semantics: one row per scope, a lock that serialises holders. */
class MemoryStore implements AccessTokenStore {
  row: StoredAccessToken | null = null;
  #version = 0;
  #lock: Promise<void> = Promise.resolve();

  async findAccessToken(): Promise<StoredAccessToken | null> {
    return this.row;
  }

  async invalidateAccessToken(_scope: AccessTokenScope, stale: StoredAccessToken): Promise<boolean> {
    if (this.row?.updatedAt.getTime() !== stale.updatedAt.getTime()) return false;
    this.row = null;
    return true;
  }

  async withScopeLock<T>(_scope: AccessTokenScope, _timeoutMs: number, work: (locked: LockedAccessTokens) => Promise<T>): Promise<T> {
    const previous = this.#lock;
    let release: () => void = () => undefined;
    this.#lock = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await work({
        find: async () => this.row,
        save: async (token, tokenType, expiresAt) => {
          this.#version += 1;
          this.row = { token, tokenType, expiresAt, updatedAt: new Date(this.#version) };
          return this.row;
        },
      });
    } finally {
      release();
    }
  }
}

const clock = new FixedClock('2025-01-01T12:00:00Z');
const now = clock.now().getTime();
const fetched = (token: string, expiresInSeconds = 3600): FetchedAccessToken => ({ kind: 'token', token: new Secret(token), tokenType: 'Bearer', expiresInSeconds });

function setup() {
  const store = new MemoryStore();
  const tokens = new AccessTokens(store, clock, { safetyMarginSeconds: 60, lockTimeoutMs: 10_000 });
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return fetched(`token_${calls}`);
  };
  return { store, tokens, fetch, calls: () => calls };
}

describe('AccessTokens', () => {
  it('fetches and stores a token when none is stored, with the expiry from expires_in', async () => {
    const { store, tokens, fetch, calls } = setup();
    const obtained = await tokens.obtain(scope, fetch);
    expect(obtained).toMatchObject({ kind: 'token', source: 'FETCHED' });
    expect(calls()).toBe(1);
    expect(store.row?.token.expose()).toBe('token_1');
    expect(store.row?.expiresAt.getTime()).toBe(now + 3600 * 1000);
  });

  it('reuses a stored token while more than the margin is left, and fetches when it is not', async () => {
    const { store, tokens, fetch, calls } = setup();
    store.row = { token: new Secret('old'), tokenType: 'Bearer', expiresAt: new Date(now + 61_000), updatedAt: new Date(1) };
    expect(await tokens.obtain(scope, fetch)).toMatchObject({ kind: 'token', source: 'STORED' });
    expect(calls()).toBe(0);
    store.row = { token: new Secret('old'), tokenType: 'Bearer', expiresAt: new Date(now + 60_000), updatedAt: new Date(1) };
    const obtained = await tokens.obtain(scope, fetch);
    expect(obtained).toMatchObject({ kind: 'token', source: 'FETCHED' });
    expect(calls()).toBe(1);
  });

  it('makes one call for concurrent requests; the others reuse its token', async () => {
    const { tokens, fetch, calls } = setup();
    const results = await Promise.all(Array.from({ length: 20 }, () => tokens.obtain(scope, fetch)));
    expect(calls()).toBe(1);
    expect(results.filter((r) => r.kind === 'token' && r.source === 'FETCHED')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'token' && r.source === 'STORED')).toHaveLength(19);
  });

  it('shares a failure with concurrent requests and stores nothing', async () => {
    const { store, tokens } = setup();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return { kind: 'failed' as const, failure: 'invalid_client' };
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => tokens.obtain(scope, failing)));
    expect(results).toEqual(Array.from({ length: 5 }, () => ({ kind: 'failed', failure: 'invalid_client' })));
    expect(calls).toBe(1);
    expect(store.row).toBeNull();
  });

  it('refresh drops the refused token and fetches a new one, unless another request already replaced it', async () => {
    const { store, tokens, fetch, calls } = setup();
    const first = await tokens.obtain(scope, fetch);
    if (first.kind !== 'token') throw new Error('no token');
    const refreshed = await tokens.refresh(scope, first.stored, fetch);
    expect(refreshed).toMatchObject({ kind: 'token', source: 'REFRESHED' });
    expect(calls()).toBe(2);
    expect(store.row?.token.expose()).toBe('token_2');
    // A late refresh for the first (already replaced) token reuses the replacement.
    const late = await tokens.refresh(scope, first.stored, fetch);
    expect(late).toMatchObject({ kind: 'token', source: 'STORED' });
    if (late.kind === 'token') expect(late.stored.token.expose()).toBe('token_2');
    expect(calls()).toBe(2);
  });
});
