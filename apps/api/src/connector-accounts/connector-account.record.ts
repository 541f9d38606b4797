import type { Secret } from '@prism-sessions/masking';
import type { ConnectorId } from '../connectors/connector-registry';

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
