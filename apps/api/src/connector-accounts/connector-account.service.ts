import { randomUUID } from 'node:crypto';
import type { Clock } from '@prism-sessions/connector-interfaces';
import type { ConnectorId, ConnectorRegistry } from '../connectors/connector-registry';
import { InvalidInputError } from '../errors/app-errors';
import type { AccountCredentialSource } from './account-credential-source';
import { parseStoredCredentials, validateAccountCredentials, type ValidatedCredentials } from './account-credentials';
import type { AccountError } from './account-error';
import type { ConnectorAccountRecord } from './connector-account.record';
import { isDefaultConflict, type AccountChanges, type ConnectorAccountRepository } from './connector-account.repository';
import { checkCredentials, type CredentialCheckDeps } from './credential-check';
import { isUuid } from '../payment-sessions/session-cursor';
import type { WalletConfigInput } from '../wallets/wallet-config.input';
import { validateWalletConfig } from '../wallets/wallet-config.validation';

/** A new account as the resolver hands it over (GraphQL validation done). */
export interface CreateAccountCommand {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly label: string;
  readonly testMode: boolean;
  readonly credentials: unknown;
  readonly isDefault: boolean;
  readonly wallets: readonly string[];
  readonly walletConfig?: WalletConfigInput;
  readonly verify: boolean;
}

/** Changes as the resolver hands them over; absent fields stay. */
export interface UpdateAccountCommand {
  readonly label?: string;
  readonly credentials?: unknown;
  readonly isDefault?: boolean;
  readonly wallets?: readonly string[];
  readonly walletConfig?: WalletConfigInput;
  readonly verify?: boolean;
}

/** An account, or why nothing changed. */
export type AccountResult = { readonly account: ConnectorAccountRecord; readonly error?: undefined } | { readonly account?: undefined; readonly error: AccountError };

const NOT_FOUND: AccountError = { code: 'CONNECTOR_ACCOUNT_NOT_FOUND', message: 'No connector account with this id exists for this merchant', source: 'VALIDATION', retryable: false };
const DEFAULT_CONFLICT: AccountError = { code: 'DEFAULT_CONFLICT', message: 'Another request made a different account the default at the same time', source: 'CONFLICT', retryable: true };

/** Dependencies of the connector-account service. */
export interface ConnectorAccountServiceDeps extends CredentialCheckDeps {
  readonly accounts: ConnectorAccountRepository;
  readonly source: AccountCredentialSource;
  readonly connectors: ConnectorRegistry;
  readonly clock: Clock;
}

/**
 * Stored connector accounts: credentials are validated by the connector's own schema (and, with
 * `verify`, live) before anything is written, sealed at rest, and never read back.
 */
export class ConnectorAccountService {
  constructor(private readonly deps: ConnectorAccountServiceDeps) {}

  async create(command: CreateAccountCommand): Promise<AccountResult> {
    const validated = validateAccountCredentials(this.deps.connectors, command.connector, command.credentials);
    const walletConfig = command.walletConfig ? validateWalletConfig(command.connector, command.walletConfig, this.deps.clock.now()) : undefined;
    let lastVerifiedAt: Date | null = null;
    if (command.verify) {
      const failed = await checkCredentials(this.deps, command.merchantId, command.connector, command.testMode, validated.parsed);
      if (failed) return { error: failed };
      lastVerifiedAt = this.deps.clock.now();
    }
    try {
      const account = await this.deps.accounts.create({
        id: randomUUID(),
        merchantId: command.merchantId,
        connector: command.connector,
        label: command.label,
        testMode: command.testMode,
        isDefault: command.isDefault,
        wallets: command.wallets,
        credentialsJson: validated.sealedJson,
        credentialHints: validated.hints,
        lastVerifiedAt,
        ...(walletConfig ? { walletConfig } : {}),
      });
      return { account };
    } catch (error) {
      if (isDefaultConflict(error)) return { error: DEFAULT_CONFLICT };
      throw error;
    } finally {
      this.deps.source.invalidate(command.merchantId);
    }
  }

  async update(merchantId: string, id: string, command: UpdateAccountCommand): Promise<AccountResult> {
    const current = isUuid(id) ? await this.deps.accounts.findById(merchantId, id) : null;
    if (!current) return { error: NOT_FOUND };
    const validated: ValidatedCredentials | undefined =
      command.credentials === undefined || command.credentials === null ? undefined : validateAccountCredentials(this.deps.connectors, current.connector, command.credentials);
    const walletConfig = command.walletConfig
      ? validateWalletConfig(current.connector, command.walletConfig, this.deps.clock.now(), (await this.deps.accounts.findWalletConfig(merchantId, id)) ?? undefined)
      : undefined;
    let lastVerifiedAt: Date | undefined;
    if (command.verify) {
      const credentials = validated?.parsed ?? (await this.storedCredentials(merchantId, id, current.connector));
      const failed = await checkCredentials(this.deps, merchantId, current.connector, current.testMode, credentials);
      if (failed) return { error: failed };
      lastVerifiedAt = this.deps.clock.now();
    }
    const changes: AccountChanges = {
      ...(command.label != null ? { label: command.label } : {}),
      ...(command.isDefault != null ? { isDefault: command.isDefault } : {}),
      ...(command.wallets != null ? { wallets: command.wallets } : {}),
      ...(validated ? { credentialsJson: validated.sealedJson, credentialHints: validated.hints } : {}),
      ...(lastVerifiedAt ? { lastVerifiedAt } : {}),
      ...(walletConfig ? { walletConfig } : {}),
    };
    return this.apply(merchantId, id, changes);
  }

  /** Enables or disables one of the merchant's accounts. */
  setEnabled(merchantId: string, id: string, enabled: boolean): Promise<AccountResult> {
    if (!isUuid(id)) return Promise.resolve({ error: NOT_FOUND });
    return this.apply(merchantId, id, { enabled });
  }

  list(merchantId: string, connector?: ConnectorId): Promise<ConnectorAccountRecord[]> {
    return this.deps.accounts.list(merchantId, connector);
  }

  private async apply(merchantId: string, id: string, changes: AccountChanges): Promise<AccountResult> {
    try {
      const account = await this.deps.accounts.update(merchantId, id, changes);
      return account ? { account } : { error: NOT_FOUND };
    } catch (error) {
      if (isDefaultConflict(error)) return { error: DEFAULT_CONFLICT };
      throw error;
    } finally {
      this.deps.source.invalidate(merchantId);
    }
  }

  private async storedCredentials(merchantId: string, id: string, connector: ConnectorId) {
    const stored = await this.deps.accounts.findCredentials(merchantId, id);
    if (!stored) throw new InvalidInputError('CONNECTOR_ACCOUNT_NOT_FOUND', 'id', NOT_FOUND.message);
    return parseStoredCredentials(this.deps.connectors, connector, stored.credentialsJson.expose());
  }
}
