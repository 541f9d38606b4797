import { Secret } from '@prism-sessions/masking';
import { parseWalletConfig, serializeWalletConfig, type WalletConfig } from './wallet-config';

describe('wallet config serialization', () => {
  it('round-trips, keeping the certificate and key wrapped', () => {
    const config: WalletConfig = {
      googlePay: { merchantName: 'Acme', gatewayMerchantId: 'googletest', allowedAuthMethods: ['PAN_ONLY'], allowedCardNetworks: ['VISA'] },
      applePay: { merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test'], certificatePem: new Secret('CERT'), privateKeyPem: new Secret('KEY') },
    };
    const sealed = serializeWalletConfig(config);
    expect(String(sealed)).not.toContain('KEY');
    const back = parseWalletConfig(sealed);
    expect(back.googlePay).toEqual(config.googlePay);
    expect(back.applePay?.privateKeyPem.expose()).toBe('KEY');
    expect(JSON.stringify(back)).not.toContain('KEY');
  });
});
