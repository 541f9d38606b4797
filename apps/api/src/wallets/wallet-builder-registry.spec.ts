import { FakeApplePayClient } from '../testing/fake-apple-pay-client';
import { builderKey, createWalletBuilders } from './wallet-builder-registry';
import { connectorServesWallet, WALLET_BUILDER_KINDS } from './wallet-builders';

describe('wallet builders', () => {
  it('has exactly one builder per declared (connector, wallet) kind', () => {
    const builders = createWalletBuilders({ apple: new FakeApplePayClient(), sessions: { createSessionToken: () => Promise.reject(new Error('unused')) }, paytmHost: () => 'https://paytm.test', clientTokens: { mint: () => Promise.reject(new Error('unused')) } });
    expect([...builders.keys()].sort()).toEqual(WALLET_BUILDER_KINDS.map(builderKey).sort());
  });

  it('knows which connector serves which wallet', () => {
    expect(connectorServesWallet('nuvei', 'google_pay')).toBe(true);
    expect(connectorServesWallet('nuvei', 'apple_pay')).toBe(true);
    expect(connectorServesWallet('paytm', 'google_pay')).toBe(false);
    expect(connectorServesWallet('nuvei', 'paypal')).toBe(false);
    expect(connectorServesWallet('paypal', 'paypal')).toBe(true);
  });
});
