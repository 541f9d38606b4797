import type { WalletBuilderKind } from '../wallets/wallet-builders';

/** An account as selection sees it. */
export interface SelectableAccount {
  readonly id: string;
  readonly connector: string;
  /** Account `wallets` values (GraphQL `Wallet`), in the merchant's order. */
  readonly wallets: readonly string[];
}

/** One (account, wallet) pair to build, keyed by the account id (upstream PR #12629: never by connector name). */
export interface SelectedWallet<A extends SelectableAccount> {
  readonly account: A;
  readonly kind: WalletBuilderKind;
}

/** An account wallet no builder serves (e.g. Nuvei's PAYPAL, a redirect flow there). */
export interface UnservedWallet<A extends SelectableAccount> {
  readonly account: A;
  /** The account's `Wallet` value. */
  readonly wallet: string;
}

/**
 * Upstream's selection (seed 003 §6.1, steps 4-5), keyed by account: for each account (oldest
 * first) and each wallet it serves (in its order), the builder kinds that wallet enables, kept when
 * the request lists no wallet or lists one of the kind's names. Extension kinds only with
 * `extensions`. A kind enabled by two of an account's wallets is selected once. Currency, country
 * and amount filters are not applied (upstream does not apply them here either).
 */
export function selectWallets<A extends SelectableAccount>(
  accounts: readonly A[],
  kinds: readonly WalletBuilderKind[],
  requested: readonly string[],
  extensions: boolean,
): { selected: SelectedWallet<A>[]; unserved: UnservedWallet<A>[] } {
  const selected: SelectedWallet<A>[] = [];
  const unserved: UnservedWallet<A>[] = [];
  const wanted = (names: readonly string[]) => requested.length === 0 || names.some((name) => requested.includes(name));
  for (const account of accounts) {
    const seen = new Set<WalletBuilderKind>();
    for (const wallet of account.wallets) {
      const matching = kinds.filter((kind) => kind.connector === account.connector && kind.enabledBy.includes(wallet));
      if (matching.length === 0) {
        if (wanted([wallet.toLowerCase()])) unserved.push({ account, wallet });
        continue;
      }
      for (const kind of matching) {
        if (seen.has(kind) || (kind.extension && !extensions) || !wanted(kind.requestNames)) continue;
        seen.add(kind);
        selected.push({ account, kind });
      }
    }
  }
  return { selected, unserved };
}
