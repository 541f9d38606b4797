import { Secret } from '@prism-sessions/masking';
import type { WalletAccount } from '../../connector-accounts/connector-account.record';
import type { PaymentRecord } from '../../payments/payment.record';
import { buildGooglePaySessionToken } from './google-pay.session-token';
import { NUVEI_GOOGLE_PAY_GATEWAY } from './nuvei-google-pay.builder';

const payment: PaymentRecord = {
  id: 'pay_AAAAAAAAAAAAAAAAAAAA',
  merchantId: 'm',
  status: 'REQUIRES_PAYMENT_METHOD',
  amount: { minorAmount: 1000n, currency: 'USD' },
  merchantReference: null,
  customerId: null,
  billingCountry: null,
  description: null,
  clientSecretHash: 'h',
  clientSecretExpiresAt: new Date('2026-12-05T10:15:00.000Z'),
  createdAt: new Date('2026-12-05T10:00:00.000Z'),
  updatedAt: new Date('2026-12-05T10:00:00.000Z'),
};
const account = (walletConfig: WalletAccount['walletConfig']): WalletAccount => ({ id: 'acc', merchantId: 'm', connector: 'nuvei', testMode: true, isDefault: false, wallets: ['GOOGLE_PAY'], credentialHints: {}, walletConfig });

describe('buildGooglePaySessionToken', () => {
  it('reproduces the seed’s Nuvei example (§7) byte for byte, key order included', () => {
    const outcome = buildGooglePaySessionToken('nuvei', NUVEI_GOOGLE_PAY_GATEWAY, {
      payment,
      account: account({
        googlePay: { merchantName: 'Acme', merchantId: 'BCR2DN0000000000', gatewayMerchantId: 'googletest', allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'] },
      }),
    });
    expect(outcome.ok).toBe(true);
    const seedExample =
      '{"wallet_name":"google_pay","merchant_info":{"merchant_id":"BCR2DN0000000000","merchant_name":"Acme"},"shipping_address_required":false,"email_required":false,' +
      '"shipping_address_parameters":{"phone_number_required":false},"allowed_payment_methods":[{"type":"CARD","parameters":{"allowed_auth_methods":["PAN_ONLY","CRYPTOGRAM_3DS"],' +
      '"allowed_card_networks":["AMEX","DISCOVER","INTERAC","JCB","MASTERCARD","VISA"],"billing_address_required":false},"tokenization_specification":{"type":"PAYMENT_GATEWAY",' +
      '"parameters":{"gateway":"nuveidigital","gateway_merchant_id":"googletest"}}}],"transaction_info":{"country_code":"US","currency_code":"USD","total_price_status":"Final",' +
      '"total_price":"10.00"},"delayed_session_token":false,"connector":"nuvei","sdk_next_action":{"next_action":"confirm"},"secrets":null}';
    expect(outcome.ok && JSON.stringify(outcome.token)).toBe(seedExample);
  });

  it('omits the wallet (reason given) when the account has no Google Pay configuration', () => {
    expect(buildGooglePaySessionToken('nuvei', 'nuveidigital', { payment, account: account({}) })).toEqual({ ok: false, reason: { code: 'WALLET_NOT_CONFIGURED', message: expect.stringContaining('googlePay') } });
  });

  it('formats 0- and 3-decimal currencies from the currency table', () => {
    const config = { googlePay: { merchantName: 'A', gatewayMerchantId: 'g', allowedAuthMethods: ['PAN_ONLY'], allowedCardNetworks: ['VISA'] } };
    const price = (minorAmount: bigint, currency: 'JPY' | 'KWD') => {
      const outcome = buildGooglePaySessionToken('nuvei', 'g', { payment: { ...payment, amount: { minorAmount, currency } }, account: account(config) });
      return outcome.ok ? (outcome.token['transaction_info'] as { total_price: string }).total_price : null;
    };
    expect(price(1000n, 'JPY')).toBe('1000');
    expect(price(1000n, 'KWD')).toBe('1.000');
  });

  it('keeps the Apple Pay key out of the token', () => {
    const outcome = buildGooglePaySessionToken('nuvei', 'g', {
      payment,
      account: account({
        googlePay: { merchantName: 'A', gatewayMerchantId: 'g', allowedAuthMethods: ['PAN_ONLY'], allowedCardNetworks: ['VISA'] },
        applePay: { merchantIdentifier: 'm', displayName: 'd', domains: ['a.test'], certificatePem: new Secret('CERT'), privateKeyPem: new Secret('KEY') },
      }),
    });
    expect(JSON.stringify(outcome)).not.toContain('KEY');
  });
});
