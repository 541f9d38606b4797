import type { ApplePayMerchantSessionClient } from './apple-pay/apple-pay-merchant-session';
import { nuveiApplePayBuilder } from './builders/nuvei-apple-pay.builder';
import { nuveiGooglePayBuilder } from './builders/nuvei-google-pay.builder';
import { paypalBuilder, type PaypalWalletDeps } from './builders/paypal.builder';
import { paytmCheckoutBuilder, type PaytmCheckoutDeps } from './builders/paytm-checkout.builder';
import type { WalletBuilder } from './wallet-builder';
import { WALLET_BUILDER_KINDS, type WalletBuilderKind } from './wallet-builders';

/** What the builders need from the application. */
export interface WalletBuilderDeps extends PaytmCheckoutDeps, PaypalWalletDeps {
  readonly apple: ApplePayMerchantSessionClient;
}

/** The builders, keyed `connector:wallet` (one per entry of {@link WALLET_BUILDER_KINDS}). */
export type WalletBuilders = ReadonlyMap<string, WalletBuilder>;

/** The registry key of a (connector, wallet) pair. */
export const builderKey = (kind: Pick<WalletBuilderKind, 'connector' | 'wallet'>): string => `${kind.connector}:${kind.wallet}`;

/** Instantiates every builder. Throws when a kind has no builder (caught by the registry test). */
export function createWalletBuilders(deps: WalletBuilderDeps): WalletBuilders {
  const builders = [nuveiGooglePayBuilder(), nuveiApplePayBuilder(deps.apple), paytmCheckoutBuilder(deps), paypalBuilder(deps)];
  const map = new Map(builders.map((builder) => [builderKey(builder), builder]));
  for (const kind of WALLET_BUILDER_KINDS) if (!map.has(builderKey(kind))) throw new Error(`No wallet builder for ${builderKey(kind)}`);
  return map;
}
