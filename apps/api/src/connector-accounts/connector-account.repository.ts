import { Secret } from '@prism-sessions/masking';
import { fromDbConnector, toDbConnector } from '../connectors/connector-db';
import type { ConnectorId } from '../connectors/connector-registry';
import { connectorAccountCredentialsAad, connectorAccountWalletConfigAad } from '../crypto/column-aad';
import { parseWalletConfig, serializeWalletConfig, type WalletConfig, type WalletConfigHints } from '../wallets/wallet-config';
import type { FieldEncryptor } from '../crypto/field-encryption';
import { Prisma, type ConnectorAccount as AccountRow, type PrismaClient } from '../generated/prisma/client';
import type { AccountCredentials, ConnectorAccountRecord, WalletAccount } from './connector-account.record';

/** Fields of a new account. */
export interface NewAccount {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly label: string;
  readonly testMode: boolean;
  readonly isDefault: boolean;
  readonly wallets: readonly string[];
  readonly credentialsJson: Secret<string>;
  readonly credentialHints: Readonly<Record<string, string>>;
  readonly lastVerifiedAt: Date | null;
  /** Sealed whole; absent: none. */
  readonly walletConfig?: { readonly config: WalletConfig; readonly hints: WalletConfigHints };
}

/** Changes to an account; absent fields stay as they are. */
export interface AccountChanges {
  readonly label?: string;
  readonly isDefault?: boolean;
  readonly enabled?: boolean;
  readonly wallets?: readonly string[];
  readonly credentialsJson?: Secret<string>;
  readonly credentialHints?: Readonly<Record<string, string>>;
  readonly lastVerifiedAt?: Date;
  /** Replaces the stored wallet configuration whole. */
  readonly walletConfig?: { readonly config: WalletConfig; readonly hints: WalletConfigHints };
}

const CREDENTIAL_COLUMNS = { id: true, merchantId: true, connector: true, testMode: true, enabled: true, credentialsCiphertext: true, encryptionKeyId: true } as const;

function toRecord(row: AccountRow): ConnectorAccountRecord {
  return {
    id: row.id,
    merchantId: row.merchantId,
    connector: fromDbConnector(row.connector),
    label: row.label,
    testMode: row.testMode,
    isDefault: row.isDefault,
    enabled: row.enabled,
    wallets: row.wallets,
    credentialHints: (row.credentialHints ?? {}) as Record<string, string>,
    walletConfigHints: (row.walletConfigHints ?? {}) as WalletConfigHints,
    lastVerifiedAt: row.lastVerifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The unique violation of `connector_accounts_one_default` (two defaults raced). */
export function isDefaultConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * The only module that talks to Prisma about connector accounts. Every read and write is scoped to
 * a merchant. Credentials go in as a `Secret` and are sealed here (AES-256-GCM, AAD bound to the
 * merchant and row); they come out only through {@link findCredentials} / {@link findDefaultCredentials}.
 */
export class ConnectorAccountRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryptor: FieldEncryptor,
  ) {}

  #seal(merchantId: string, id: string, json: Secret<string>): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.encryptor.encrypt(json.expose(), connectorAccountCredentialsAad(merchantId, id)));
  }

  #sealWallets(merchantId: string, id: string, config: WalletConfig): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.encryptor.encrypt(serializeWalletConfig(config).expose(), connectorAccountWalletConfigAad(merchantId, id)));
  }

  #openWallets(row: Pick<AccountRow, 'id' | 'merchantId' | 'walletConfigCiphertext' | 'walletConfigKeyId'>): WalletConfig {
    if (row.walletConfigCiphertext === null) return {};
    const json = this.encryptor.decrypt(row.walletConfigCiphertext, row.walletConfigKeyId ?? '', connectorAccountWalletConfigAad(row.merchantId, row.id));
    return parseWalletConfig(new Secret(json));
  }

  #walletColumns(merchantId: string, id: string, walletConfig: { readonly config: WalletConfig; readonly hints: WalletConfigHints }) {
    return {
      walletConfigCiphertext: this.#sealWallets(merchantId, id, walletConfig.config),
      walletConfigKeyId: this.encryptor.currentKeyId,
      walletConfigHints: walletConfig.hints as Prisma.InputJsonObject,
    };
  }

  #open(row: Pick<AccountRow, keyof typeof CREDENTIAL_COLUMNS>): AccountCredentials {
    const json = this.encryptor.decrypt(row.credentialsCiphertext, row.encryptionKeyId, connectorAccountCredentialsAad(row.merchantId, row.id));
    return { id: row.id, merchantId: row.merchantId, connector: fromDbConnector(row.connector), testMode: row.testMode, enabled: row.enabled, credentialsJson: new Secret(json) };
  }

  /** Inserts an account; a new default demotes the previous one in the same transaction. */
  async create(account: NewAccount): Promise<ConnectorAccountRecord> {
    const connector = toDbConnector(account.connector);
    const row = await this.prisma.$transaction(async (tx) => {
      if (account.isDefault) {
        await tx.connectorAccount.updateMany({ where: { merchantId: account.merchantId, connector, testMode: account.testMode, isDefault: true }, data: { isDefault: false } });
      }
      return tx.connectorAccount.create({
        data: {
          id: account.id,
          merchantId: account.merchantId,
          connector,
          label: account.label,
          testMode: account.testMode,
          isDefault: account.isDefault,
          wallets: [...account.wallets],
          credentialsCiphertext: this.#seal(account.merchantId, account.id, account.credentialsJson),
          encryptionKeyId: this.encryptor.currentKeyId,
          credentialHints: account.credentialHints,
          lastVerifiedAt: account.lastVerifiedAt,
          ...(account.walletConfig ? this.#walletColumns(account.merchantId, account.id, account.walletConfig) : {}),
        },
      });
    });
    return toRecord(row);
  }

  /** Applies changes to one of the merchant's accounts; null when it has no such account. */
  async update(merchantId: string, id: string, changes: AccountChanges): Promise<ConnectorAccountRecord | null> {
    const row = await this.prisma.$transaction(async (tx) => {
      const current = await tx.connectorAccount.findFirst({ where: { id, merchantId }, select: { connector: true, testMode: true } });
      if (!current) return null;
      if (changes.isDefault === true) {
        await tx.connectorAccount.updateMany({ where: { merchantId, connector: current.connector, testMode: current.testMode, isDefault: true, id: { not: id } }, data: { isDefault: false } });
      }
      return tx.connectorAccount.update({
        where: { id },
        data: {
          ...(changes.label !== undefined ? { label: changes.label } : {}),
          ...(changes.isDefault !== undefined ? { isDefault: changes.isDefault } : {}),
          ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
          ...(changes.wallets !== undefined ? { wallets: [...changes.wallets] } : {}),
          ...(changes.credentialsJson !== undefined
            ? { credentialsCiphertext: this.#seal(merchantId, id, changes.credentialsJson), encryptionKeyId: this.encryptor.currentKeyId }
            : {}),
          ...(changes.credentialHints !== undefined ? { credentialHints: changes.credentialHints } : {}),
          ...(changes.lastVerifiedAt !== undefined ? { lastVerifiedAt: changes.lastVerifiedAt } : {}),
          ...(changes.walletConfig !== undefined ? this.#walletColumns(merchantId, id, changes.walletConfig) : {}),
        },
      });
    });
    return row && toRecord(row);
  }

  async findById(merchantId: string, id: string): Promise<ConnectorAccountRecord | null> {
    const row = await this.prisma.connectorAccount.findFirst({ where: { id, merchantId } });
    return row && toRecord(row);
  }

  /** The merchant's accounts, oldest first, optionally of one connector. */
  async list(merchantId: string, connector?: ConnectorId): Promise<ConnectorAccountRecord[]> {
    const rows = await this.prisma.connectorAccount.findMany({
      where: { merchantId, ...(connector ? { connector: toDbConnector(connector) } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toRecord);
  }

  /** One of the merchant's accounts with its credentials opened (one round trip); null when it has none with this id. */
  async findCredentials(merchantId: string, id: string): Promise<AccountCredentials | null> {
    const row = await this.prisma.connectorAccount.findFirst({ where: { id, merchantId }, select: CREDENTIAL_COLUMNS });
    return row && this.#open(row);
  }

  /** One of the merchant's accounts' wallet configuration, opened (with its hints); null when it has no such account. */
  async findWalletConfig(merchantId: string, id: string): Promise<{ config: WalletConfig; hints: WalletConfigHints } | null> {
    const row = await this.prisma.connectorAccount.findFirst({ where: { id, merchantId }, select: { id: true, merchantId: true, walletConfigCiphertext: true, walletConfigKeyId: true, walletConfigHints: true } });
    return row && { config: this.#openWallets(row), hints: (row.walletConfigHints ?? {}) as WalletConfigHints };
  }

  /**
   * The merchant's enabled accounts that serve at least one wallet, oldest first, with their wallet
   * configuration opened (one round trip). A configuration that cannot be opened is reported as
   * `walletConfig: null` so only that account's wallets fail.
   */
  async listWalletAccounts(merchantId: string): Promise<Array<Omit<WalletAccount, 'walletConfig'> & { walletConfig: WalletConfig | null }>> {
    const rows = await this.prisma.connectorAccount.findMany({
      where: { merchantId, enabled: true, NOT: { wallets: { isEmpty: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, merchantId: true, connector: true, testMode: true, isDefault: true, wallets: true, credentialHints: true, walletConfigCiphertext: true, walletConfigKeyId: true },
    });
    return rows.map((row) => {
      let walletConfig: WalletConfig | null;
      try {
        walletConfig = this.#openWallets(row);
      } catch {
        walletConfig = null;
      }
      return {
        id: row.id,
        merchantId: row.merchantId,
        connector: fromDbConnector(row.connector),
        testMode: row.testMode,
        isDefault: row.isDefault,
        wallets: row.wallets,
        credentialHints: (row.credentialHints ?? {}) as Record<string, string>,
        walletConfig,
      };
    });
  }

  /** The merchant's enabled default account for a connector and mode, credentials opened (one round trip). */
  async findDefaultCredentials(merchantId: string, connector: ConnectorId, testMode: boolean): Promise<AccountCredentials | null> {
    const row = await this.prisma.connectorAccount.findFirst({
      where: { merchantId, connector: toDbConnector(connector), testMode, isDefault: true, enabled: true },
      select: CREDENTIAL_COLUMNS,
    });
    return row && this.#open(row);
  }
}
