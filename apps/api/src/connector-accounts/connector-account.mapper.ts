import { fromConnectorId } from '../graphql/types/enums';
import { toAccountErrorInfo } from './account-error';
import type { ConnectorAccountRecord } from './connector-account.record';
import type { AccountResult } from './connector-account.service';
import { ConnectorAccountPayload, ConnectorAccountType } from './connector-account.type';
import { toWalletConfigView } from '../wallets/wallet-config.type';
import { isWallet, type WalletEnum } from './wallet.enum';

/** GraphQL view of an account: hints only, never credentials. */
export function toConnectorAccount(record: ConnectorAccountRecord): ConnectorAccountType {
  return Object.assign(new ConnectorAccountType(), {
    id: record.id,
    connector: fromConnectorId(record.connector),
    label: record.label,
    testMode: record.testMode,
    isDefault: record.isDefault,
    enabled: record.enabled,
    wallets: record.wallets.filter(isWallet) as WalletEnum[],
    credentialHints: { ...record.credentialHints },
    walletConfig: toWalletConfigView(record.walletConfigHints),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.lastVerifiedAt ? { lastVerifiedAt: record.lastVerifiedAt } : {}),
  });
}

/** The mutation payload of a service result. */
export function toConnectorAccountPayload(result: AccountResult): ConnectorAccountPayload {
  return Object.assign(new ConnectorAccountPayload(), result.account ? { connectorAccount: toConnectorAccount(result.account) } : { error: toAccountErrorInfo(result.error) });
}
