import type { Secret } from '@prism-sessions/masking';
import type { ConnectorId } from '../connectors/connector-registry';
import type { WalletConfig, WalletConfigHints } from '../wallets/wallet-config';

/** A stored connector account as the service sees it. Credentials are never part of it. */
export interface ConnectorAccountRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly label: string;
  readonly testMode: boolean;
  readonly isDefault: boolean;
  readonly enabled: boolean;
  readonly wallets: readonly string[];
  readonly credentialHints: Readonly<Record<string, string>>;
  /** Safe facts of the wallet configuration (never the Apple Pay certificate or key). */
  readonly walletConfigHints: WalletConfigHints;
  readonly lastVerifiedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What createSessionToken needs from an account: its identity and its opened credentials (JSON). */
export interface AccountCredentials {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly testMode: boolean;
  readonly enabled: boolean;
  /** The credential JSON, opened; parse with the connector's schema. */
  readonly credentialsJson: Secret<string>;
}

/** An enabled account as wallet session tokens see it: its wallets and opened wallet configuration. */
export interface WalletAccount {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly testMode: boolean;
  readonly isDefault: boolean;
  readonly wallets: readonly string[];
  readonly credentialHints: Readonly<Record<string, string>>;
  readonly walletConfig: WalletConfig;
}
