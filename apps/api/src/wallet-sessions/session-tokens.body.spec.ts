import { createConnectorRegistry } from '../connectors/connector-registry';
import { parseSessionTokensBody } from './session-tokens.body';

const registry = createConnectorRegistry();
const body = { payment_id: 'pay_AAAAAAAAAAAAAAAAAAAA', client_secret: 'pay_AAAAAAAAAAAAAAAAAAAA_secret_BBBBBBBBBBBBBBBBBBBB', wallets: ['google_pay'] };

describe('parseSessionTokensBody', () => {
  it('accepts the seed body, ignoring unknown keys (the SDK’s delayed_session_token)', () => {
    expect(parseSessionTokensBody(registry, { ...body, delayed_session_token: false, extra: { x: 1 } }, false)).toEqual({ paymentId: body.payment_id, clientSecret: body.client_secret, wallets: ['google_pay'] });
  });

  it('reports the first missing field as upstream’s serde message', () => {
    expect(parseSessionTokensBody(registry, { payment_id: 'x' }, false)).toMatchObject({ code: 'IR_06', message: 'Json deserialize error: missing field `client_secret`' });
  });

  it('accepts paytm_checkout only with extensions', () => {
    expect(parseSessionTokensBody(registry, { ...body, wallets: ['paytm_checkout'] }, false)).toMatchObject({ code: 'IR_06' });
    expect(parseSessionTokensBody(registry, { ...body, wallets: ['paytm_checkout'] }, true)).toMatchObject({ wallets: ['paytm_checkout'] });
  });

  it('parses merchant_connector_details credentials per connector', () => {
    const parsed = parseSessionTokensBody(
      registry,
      { ...body, merchant_connector_details: { creds_identifier: 'c', encoded_data: { connector_account_details: { Paytm: { merchant_id: 'MID', merchant_key: 'abcdefgh12345678', website: 'WEBSTAGING' } } } } },
      false,
    );
    expect('credentialOverrides' in parsed && parsed.credentialOverrides?.get('paytm')?.connector).toBe('paytm');
    expect(JSON.stringify(parsed)).not.toContain('abcdefgh12345678');
  });
});
