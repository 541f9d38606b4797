import type { ConnectorId } from '../connectors/connector-registry';

/** `wallet_name` of the session tokens we produce (upstream's, plus our `paytm_checkout` extension). */
export type WalletName = 'google_pay' | 'apple_pay' | 'paypal' | 'paytm_checkout';

/** Which (connector, wallet) pairs produce a session token, and what selects them. */
export interface WalletBuilderKind {
  readonly connector: ConnectorId;
  readonly wallet: WalletName;
  /** Account `wallets` values (GraphQL `Wallet`) that enable it. */
  readonly enabledBy: readonly string[];
  /** Request `wallets` names that select it (an empty request list selects every kind). */
  readonly requestNames: readonly string[];
  /** Not an upstream wallet: produced only when extensions are on (PAYTM_CHECKOUT_SESSION_TOKENS, GraphQL). */
  readonly extension: boolean;
}

/**
 * Every (connector, wallet) pair with a builder (seed 003 §13.3). Adding one is one entry here
 * plus one builder file in `builders/`.
 */
export const WALLET_BUILDER_KINDS: readonly WalletBuilderKind[] = [
  { connector: 'nuvei', wallet: 'google_pay', enabledBy: ['GOOGLE_PAY'], requestNames: ['google_pay'], extension: false },
  { connector: 'nuvei', wallet: 'apple_pay', enabledBy: ['APPLE_PAY'], requestNames: ['apple_pay'], extension: false },
  { connector: 'paypal', wallet: 'paypal', enabledBy: ['PAYPAL'], requestNames: ['paypal'], extension: false },
  { connector: 'paytm', wallet: 'paytm_checkout', enabledBy: ['UPI_INTENT', 'UPI_COLLECT'], requestNames: ['upi_intent', 'upi_collect', 'paytm_checkout'], extension: true },
];

/** Whether a connector produces a session token for a wallet (wallet configuration is refused otherwise). */
export function connectorServesWallet(connector: ConnectorId, wallet: WalletName): boolean {
  return WALLET_BUILDER_KINDS.some((kind) => kind.connector === connector && kind.wallet === wallet);
}
