import type { Secret } from '@prism-sessions/masking';
import type { Clock } from '@prism-sessions/connector-interfaces';
import type { AccessTokenScope, ConnectorStateRepository, StoredAccessToken } from './connector-state.repository';

/** Where the access token of an attempt came from (recorded on the attempt; not a secret). */
export type AccessTokenSource =
  /** A stored token with more than the safety margin left was reused. */
  | 'STORED'
  /** No usable stored token: one was fetched (by this request) and stored. */
  | 'FETCHED'
  /** The stored token was refused (401): it was dropped and a new one fetched. */
  | 'REFRESHED'
  /** The caller passed `state.accessToken`; it was used as is. */
  | 'CALLER';

/** A token answer from the connector's access-token flow. */
export interface FetchedAccessToken {
  readonly kind: 'token';
  readonly token: Secret<string>;
  readonly tokenType: string;
  readonly expiresInSeconds: number;
}

/** What one access-token call produced: a token, or a failure the caller reports as is. */
export type AccessTokenFetch<F> = () => Promise<FetchedAccessToken | { readonly kind: 'failed'; readonly failure: F }>;

/** A usable token for a scope, or the failure of the call that tried to get one (nothing stored then). */
export type ObtainedAccessToken<F> =
  | { readonly kind: 'token'; readonly stored: StoredAccessToken; readonly source: Exclude<AccessTokenSource, 'CALLER'> }
  | { readonly kind: 'failed'; readonly failure: F };

/** The storage {@link AccessTokens} needs (implemented by {@link ConnectorStateRepository}). */
export type AccessTokenStore = Pick<ConnectorStateRepository, 'findAccessToken' | 'invalidateAccessToken' | 'withScopeLock'>;

/** Settings of {@link AccessTokens}. */
export interface AccessTokensOptions {
  /** A stored token is reused only while it has more than this many seconds left. */
  readonly safetyMarginSeconds: number;
  /** Longest a request may hold a scope's lock (the token call included). */
  readonly lockTimeoutMs: number;
}

/**
 * Keeps connector access tokens in `connector_states` and hands them out: reuse while more than the
 * safety margin is left, else fetch one and store it. Single flight: requests of this process that
 * need a token for the same scope share one promise, and processes meet at a Postgres advisory lock
 * on the scope, re-reading the row once they hold it, so N concurrent requests make one token call.
 */
export class AccessTokens {
  readonly #inFlight = new Map<string, Promise<ObtainedAccessToken<unknown>>>();

  constructor(
    private readonly states: AccessTokenStore,
    private readonly clock: Clock,
    private readonly options: AccessTokensOptions,
  ) {}

  /** A usable token for `scope`: the stored one, or a new one from `fetch` (stored before it is returned). */
  async obtain<F>(scope: AccessTokenScope, fetch: AccessTokenFetch<F>): Promise<ObtainedAccessToken<F>> {
    const stored = await this.states.findAccessToken(scope);
    if (stored !== null && this.#usable(stored)) return { kind: 'token', stored, source: 'STORED' };
    return this.#singleFlight(scope, () => this.#fetchLocked(scope, fetch, undefined), 'FETCHED');
  }

  /**
   * The gateway refused `stale` (401): drops it (unless already replaced) and returns the token
   * another request stored since, or fetches a new one.
   */
  async refresh<F>(scope: AccessTokenScope, stale: StoredAccessToken, fetch: AccessTokenFetch<F>): Promise<ObtainedAccessToken<F>> {
    await this.states.invalidateAccessToken(scope, stale);
    return this.#singleFlight(scope, () => this.#fetchLocked(scope, fetch, stale), 'REFRESHED');
  }

  #usable(stored: StoredAccessToken): boolean {
    return stored.expiresAt.getTime() - this.clock.now().getTime() > this.options.safetyMarginSeconds * 1000;
  }

  async #singleFlight<F>(scope: AccessTokenScope, run: () => Promise<ObtainedAccessToken<F>>, leaderSource: 'FETCHED' | 'REFRESHED'): Promise<ObtainedAccessToken<F>> {
    const key = `${scope.merchantId}|${scope.connector}|${scope.scopeKey}`;
    const running = this.#inFlight.get(key) as Promise<ObtainedAccessToken<F>> | undefined;
    if (running !== undefined) {
      // Another request of this process is getting the token: its token is reused here.
      const shared = await running;
      return shared.kind === 'token' ? { ...shared, source: 'STORED' } : shared;
    }
    const started = run().then((obtained) => (obtained.kind === 'token' && obtained.source === 'FETCHED' ? { ...obtained, source: leaderSource } : obtained));
    this.#inFlight.set(key, started);
    try {
      return await started;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  #fetchLocked<F>(scope: AccessTokenScope, fetch: AccessTokenFetch<F>, stale: StoredAccessToken | undefined): Promise<ObtainedAccessToken<F>> {
    return this.states.withScopeLock(scope, this.options.lockTimeoutMs, async (locked): Promise<ObtainedAccessToken<F>> => {
      // Another process may have stored one while this one waited for the lock.
      const current = await locked.find();
      const replaced = current !== null && (stale === undefined || current.updatedAt.getTime() !== stale.updatedAt.getTime());
      if (current !== null && replaced && this.#usable(current)) return { kind: 'token', stored: current, source: 'STORED' };
      const fetched = await fetch();
      if (fetched.kind === 'failed') return fetched;
      const expiresAt = new Date(this.clock.now().getTime() + fetched.expiresInSeconds * 1000);
      const saved = await locked.save(fetched.token, fetched.tokenType, expiresAt);
      return { kind: 'token', stored: saved, source: 'FETCHED' };
    });
  }
}
