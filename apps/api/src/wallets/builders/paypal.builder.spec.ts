import { Secret } from '@prism-sessions/masking';
import type { ClientTokenFailure, MintClientTokenRequest, MintedClientToken } from '../../client-tokens/connector-client-tokens';
import type { WalletAccount } from '../../connector-accounts/connector-account.record';
import type { PaymentRecord } from '../../payments/payment.record';
import type { WalletBuildInput } from '../wallet-builder';
import { buildPaypalToken } from './paypal.builder';

const payment: PaymentRecord = {
  id: 'pay_AAAAAAAAAAAAAAAAAAAA',
  merchantId: 'merchant-1',
  status: 'REQUIRES_PAYMENT_METHOD',
  amount: { minorAmount: 1000n, currency: 'USD' },
  merchantReference: null,
  customerId: 'cust_7',
  billingCountry: null,
  description: null,
  clientSecretHash: 'h',
  clientSecretExpiresAt: new Date('2026-12-05T10:15:00.000Z'),
  createdAt: new Date('2026-12-05T10:00:00.000Z'),
  updatedAt: new Date('2026-12-05T10:00:00.000Z'),
};
const account: WalletAccount = { id: 'acc-pp', merchantId: 'merchant-1', connector: 'paypal', testMode: true, isDefault: false, wallets: ['PAYPAL'], credentialHints: { client_id: 'AcLIENTid' }, walletConfig: {} };
const input = (extra: Partial<WalletBuildInput> = {}): WalletBuildInput => ({ payment, account, client: {}, credentials: () => Promise.reject(new Error('unused')), ...extra });
const minted: MintedClientToken = { kind: 'minted', connector: 'paypal', clientToken: new Secret('eyJjbGllbnRfdG9rZW4'), expiresAt: new Date('2026-12-05T10:55:00.000Z'), hints: { client_id: 'AcLIENTid' } };

/** Records what the builder asked for and answers `answer`. */
function minter(answer: MintedClientToken | ClientTokenFailure) {
  const requests: MintClientTokenRequest[] = [];
  return { requests, clientTokens: { mint: (request: MintClientTokenRequest) => (requests.push(request), Promise.resolve(answer)) } };
}

describe('buildPaypalToken', () => {
  it('answers upstream’s paypal element (seed 003 §5.4) with the client id as session_token and the minted client_token, key order included', async () => {
    const deps = minter(minted);
    const outcome = await buildPaypalToken(deps, input());
    expect(outcome.ok && JSON.stringify(outcome.token)).toBe(
      '{"wallet_name":"paypal","connector":"paypal","session_token":"AcLIENTid","sdk_next_action":{"next_action":"post_session_tokens"},"client_token":"eyJjbGllbnRfdG9rZW4","transaction_info":null}',
    );
    expect(deps.requests).toEqual([{ merchantId: 'merchant-1', connectorAccountId: 'acc-pp', customerId: 'cust_7' }]);
  });

  it('mints without a customer id for a payment without one, and with the per-request credentials when given', async () => {
    const deps = minter({ ...minted, hints: { client_id: 'OVERRIDE_ID' } });
    const credentialOverride = { connector: 'paypal' as const, value: {}, hints: { client_id: 'OVERRIDE_ID' } };
    const outcome = await buildPaypalToken(deps, input({ payment: { ...payment, customerId: null }, credentialOverride }));
    expect(outcome.ok && outcome.token['session_token']).toBe('OVERRIDE_ID');
    expect(deps.requests).toEqual([{ merchantId: 'merchant-1', connectorAccountId: 'acc-pp', credentials: credentialOverride }]);
  });

  it('drops the wallet with a reason, never a secret, when the mint fails', async () => {
    const refusal: ClientTokenFailure = { kind: 'gateway_error', connector: 'paypal', error: { unifiedCode: 'INVALID_CREDENTIALS', source: 'GATEWAY', retryable: false }, httpStatus: 401 };
    const refused = await buildPaypalToken(minter(refusal), input());
    expect(refused).toEqual({ ok: false, reason: { code: 'INVALID_CREDENTIALS', message: expect.any(String) } });
    expect(await buildPaypalToken(minter({ kind: 'account_disabled' }), input())).toMatchObject({ ok: false, reason: { code: 'CONNECTOR_ACCOUNT_DISABLED' } });
    expect(await buildPaypalToken(minter({ kind: 'account_not_found' }), input())).toMatchObject({ ok: false, reason: { code: 'CONNECTOR_ACCOUNT_NOT_FOUND' } });
    expect(await buildPaypalToken(minter({ ...minted, hints: {} }), input())).toMatchObject({ ok: false, reason: { code: 'PAYPAL_CLIENT_ID_MISSING' } });
  });
});
