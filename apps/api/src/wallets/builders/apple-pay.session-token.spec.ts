import { Secret } from '@prism-sessions/masking';
import type { WalletAccount } from '../../connector-accounts/connector-account.record';
import type { PaymentRecord } from '../../payments/payment.record';
import { FakeApplePayClient } from '../../testing/fake-apple-pay-client';
import { buildApplePaySessionToken, shouldCallApple, toSessionTokenData } from './apple-pay.session-token';

const payment = { id: 'pay_AAAAAAAAAAAAAAAAAAAA', amount: { minorAmount: 38_02n, currency: 'USD' }, billingCountry: 'US' } as PaymentRecord;
const account: WalletAccount = {
  id: 'acc',
  merchantId: 'm',
  connector: 'nuvei',
  testMode: true,
  isDefault: false,
  wallets: ['APPLE_PAY'],
  credentialHints: {},
  walletConfig: { applePay: { merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test', 'www.acme.test'], certificatePem: new Secret('CERT'), privateKeyPem: new Secret('KEY') } },
};

describe('shouldCallApple (seed 003 §5.3)', () => {
  it.each([
    [{}, true],
    [{ platform: 'web', browser: 'Safari' }, true],
    [{ platform: 'web', browser: 'other' }, false],
    [{ platform: 'web' }, false],
    [{ browser: 'Safari' }, false],
    [{ platform: 'ios' }, false],
    [{ platform: 'android', browser: 'Safari' }, false],
  ] as const)('%j → %s', (client, expected) => {
    expect(shouldCallApple(client)).toBe(expected);
  });
});

describe('toSessionTokenData', () => {
  it('renames Apple’s camelCase keys to upstream’s snake_case', () => {
    expect(toSessionTokenData({ epochTimestamp: 1, merchantSessionIdentifier: 'x', nonce: 'n', pspId: 'p', operationalAnalyticsIdentifier: 'o' })).toEqual({
      epoch_timestamp: 1,
      merchant_session_identifier: 'x',
      nonce: 'n',
      psp_id: 'p',
      operational_analytics_identifier: 'o',
    });
  });
});

describe('buildApplePaySessionToken', () => {
  it('does not retry when the configured domain itself was refused', async () => {
    const apple = new FakeApplePayClient();
    apple.respond = () => ({ ok: false, code: 'APPLE_PAY_TIMEOUT', message: 'Apple did not answer in time' });
    const outcome = await buildApplePaySessionToken('nuvei', apple, { payment, account, client: {} });
    expect(outcome).toEqual({ ok: false, reason: { code: 'APPLE_PAY_TIMEOUT', message: 'Apple did not answer in time' } });
    expect(apple.calls.map((c) => c.initiativeContext)).toEqual(['shop.acme.test']);
  });

  it('keeps the token of a successful retry with the configured domain', async () => {
    const apple = new FakeApplePayClient();
    const normal = apple.respond;
    apple.respond = (request, index) => (index === 0 ? { ok: false, code: 'APPLE_PAY_REFUSED', message: 'refused' } : normal(request, index));
    const outcome = await buildApplePaySessionToken('nuvei', apple, { payment, account, client: { platform: 'web', browser: 'Safari', merchantDomain: 'evil.test' } });
    expect(outcome.ok).toBe(true);
    expect(apple.calls.map((c) => c.initiativeContext)).toEqual(['evil.test', 'shop.acme.test']);
    expect(outcome.ok && (outcome.token['session_token_data'] as { domain_name: string }).domain_name).toBe('shop.acme.test');
    expect(outcome.ok && (outcome.token['payment_request_data'] as { total: unknown }).total).toEqual({ label: 'Acme', type: 'final', amount: '38.02' });
  });
});
