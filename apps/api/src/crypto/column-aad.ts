import type { ConnectorId } from '../connectors/connector-registry';

/**
 * Additional authenticated data for each encrypted column: binds a ciphertext to its table, column
 * and row, so it cannot be copied into another row and still open.
 */
export const tokenAad = (sessionId: string): string => `payment_sessions.token:${sessionId}`;
export const metadataAad = (sessionId: string): string => `payment_sessions.metadata:${sessionId}`;
export const connectorFeatureDataAad = (sessionId: string): string => `payment_sessions.connector_feature_data:${sessionId}`;
/** `scopeKey` "" (the state a request carried) keeps the AAD rows had before scopes existed. */
export const accessTokenAad = (merchantId: string, connector: ConnectorId, scopeKey = ''): string =>
  `connector_states.access_token:${merchantId}:${connector}${scopeKey === '' ? '' : `:${scopeKey}`}`;
export const connectorAccountWalletConfigAad = (merchantId: string, accountId: string): string => `connector_accounts.wallet_config:${merchantId}:${accountId}`;
export const connectorAccountCredentialsAad = (merchantId: string, accountId: string): string => `connector_accounts.credentials:${merchantId}:${accountId}`;
