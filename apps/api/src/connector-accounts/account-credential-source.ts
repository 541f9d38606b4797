import type { ConnectorId, ConnectorRegistry, ParsedCredentials } from '../connectors/connector-registry';
import { parseStoredCredentials } from './account-credentials';
import type { ConnectorAccountRepository } from './connector-account.repository';
import type { AccountCredentials } from './connector-account.record';
import { TtlCache } from './ttl-cache';

/** A stored account ready for a gateway call: parsed credentials (each secret a `Secret`, in memory only). */
export interface SessionAccount {
  readonly id: string;
  readonly connector: ConnectorId;
  readonly testMode: boolean;
  readonly enabled: boolean;
  readonly credentials: ParsedCredentials;
  /** The credential fields the connector declares `hint` (e.g. PayPal `client_id`): safe to show their owner. */
  readonly hints: Readonly<Record<string, string>>;
}

/**
 * Account look-ups on the createSessionToken hot path: one database round trip on a miss, none on a
 * hit. Entries live at most `ttlMs` (`CONNECTOR_ACCOUNT_CACHE_TTL_MS`), so a change made through
 * another instance (disable, new default, new credentials) takes effect everywhere within that
 * bound; this instance's own writes invalidate its entries at once.
 */
export class AccountCredentialSource {
  readonly #cache: TtlCache<SessionAccount | null>;

  constructor(
    private readonly accounts: ConnectorAccountRepository,
    private readonly registry: ConnectorRegistry,
    ttlMs: number,
    now: () => number = Date.now,
  ) {
    this.#cache = new TtlCache(ttlMs, now);
  }

  #toSessionAccount(row: AccountCredentials | null): SessionAccount | null {
    if (!row) return null;
    const json = row.credentialsJson.expose();
    const hints = this.registry[row.connector].credentials.hints(JSON.parse(json) as Record<string, unknown>);
    return { id: row.id, connector: row.connector, testMode: row.testMode, enabled: row.enabled, credentials: parseStoredCredentials(this.registry, row.connector, json), hints };
  }

  /** One of the merchant's accounts (enabled or not); null when it has none with this id. */
  byId(merchantId: string, id: string): Promise<SessionAccount | null> {
    return this.#cache.get(`${merchantId}|id|${id}`, async () => this.#toSessionAccount(await this.accounts.findCredentials(merchantId, id)));
  }

  /** The merchant's enabled default account for a connector and mode, if any. */
  defaultFor(merchantId: string, connector: ConnectorId, testMode: boolean): Promise<SessionAccount | null> {
    return this.#cache.get(`${merchantId}|default|${connector}|${testMode}`, async () =>
      this.#toSessionAccount(await this.accounts.findDefaultCredentials(merchantId, connector, testMode)),
    );
  }

  /** Forgets a merchant's cached accounts (after a write through this instance). */
  invalidate(merchantId: string): void {
    this.#cache.invalidatePrefix(`${merchantId}|`);
  }
}
