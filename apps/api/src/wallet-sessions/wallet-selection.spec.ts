import { WALLET_BUILDER_KINDS } from '../wallets/wallet-builders';
import { selectWallets } from './wallet-selection';

const card = { id: 'acc-card', connector: 'nuvei', wallets: [] as string[] };
const wallet = { id: 'acc-wallet', connector: 'nuvei', wallets: ['APPLE_PAY', 'GOOGLE_PAY', 'PAYPAL'] };
const second = { id: 'acc-2', connector: 'nuvei', wallets: ['GOOGLE_PAY'] };
const paytm = { id: 'acc-paytm', connector: 'paytm', wallets: ['UPI_INTENT', 'UPI_COLLECT'] };

const pairs = (result: ReturnType<typeof selectWallets>) => result.selected.map((s) => `${s.account.id}:${s.kind.wallet}`);

describe('selectWallets', () => {
  it('selects every served wallet in account then wallet order when the request lists none', () => {
    const result = selectWallets([card, wallet, second, paytm], WALLET_BUILDER_KINDS, [], false);
    expect(pairs(result)).toEqual(['acc-wallet:apple_pay', 'acc-wallet:google_pay', 'acc-2:google_pay']);
    expect(result.unserved.map((u) => `${u.account.id}:${u.wallet}`)).toEqual(['acc-wallet:PAYPAL']);
  });

  it('keeps only the requested wallet names', () => {
    expect(pairs(selectWallets([wallet, second], WALLET_BUILDER_KINDS, ['google_pay'], false))).toEqual(['acc-wallet:google_pay', 'acc-2:google_pay']);
    expect(pairs(selectWallets([wallet], WALLET_BUILDER_KINDS, ['ach'], false))).toEqual([]);
  });

  it('produces paytm_checkout once per account, only with extensions on', () => {
    expect(pairs(selectWallets([paytm], WALLET_BUILDER_KINDS, [], false))).toEqual([]);
    expect(pairs(selectWallets([paytm], WALLET_BUILDER_KINDS, [], true))).toEqual(['acc-paytm:paytm_checkout']);
    expect(pairs(selectWallets([paytm], WALLET_BUILDER_KINDS, ['upi_collect'], true))).toEqual(['acc-paytm:paytm_checkout']);
    expect(pairs(selectWallets([paytm], WALLET_BUILDER_KINDS, ['google_pay'], true))).toEqual([]);
  });
});
