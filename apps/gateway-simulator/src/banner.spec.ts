import { nuveiConnector } from '@prism-sessions/connectors-nuvei';
import { paytmConnector } from '@prism-sessions/connectors-paytm';
import { paypalConnector } from '@prism-sessions/connectors-paypal';
import { parseConnectorConfig } from '@prism-sessions/domain-types';
import { simulatorBanner } from './banner';
import { DEMO_NUVEI_CONNECTOR_CONFIG, DEMO_NUVEI_MERCHANT, DEMO_PAYPAL_CONNECTOR_CONFIG, DEMO_PAYTM_CONNECTOR_CONFIG, DEMO_PAYTM_MERCHANT } from './demo-credentials';

const urls = { url: 'http://127.0.0.1:4010', nuveiBaseUrl: 'http://127.0.0.1:4010/nuvei', paytmBaseUrl: 'http://127.0.0.1:4010/paytm/', paypalBaseUrl: 'http://127.0.0.1:4010/paypal' };

describe('simulatorBanner', () => {
  const lines = simulatorBanner(urls).split('\n');

  it('prints the base URLs as NAME=value lines', () => {
    expect(lines).toContain('NUVEI_BASE_URL=http://127.0.0.1:4010/nuvei');
    expect(lines).toContain('PAYTM_BASE_URL=http://127.0.0.1:4010/paytm/');
    expect(lines).toContain('PAYPAL_BASE_URL=http://127.0.0.1:4010/paypal');
  });

  it('prints a ready-to-paste x-connector-config header for each demo merchant', () => {
    expect(lines).toContain(`x-connector-config: ${DEMO_NUVEI_CONNECTOR_CONFIG}`);
    expect(lines).toContain(`x-connector-config: ${DEMO_PAYTM_CONNECTOR_CONFIG}`);
    expect(lines).toContain(`x-connector-config: ${DEMO_PAYPAL_CONNECTOR_CONFIG}`);
    expect(paypalConnector.credentials.parse(JSON.parse(DEMO_PAYPAL_CONNECTOR_CONFIG).config.Paypal).clientId.expose()).toBe('demo_paypal_client_id');
  });

  it('prints the Apple Pay base URL, CA file and demo identity files when given', () => {
    const applePay = { baseUrl: 'https://127.0.0.1:4011/apple_pay/', caFile: '/tmp/x/apple-pay-ca.pem', certificateFile: '/tmp/x/demo.crt.pem', privateKeyFile: '/tmp/x/demo.key.pem' };
    const withApple = simulatorBanner({ ...urls, applePay }).split('\n');
    expect(withApple).toEqual(
      expect.arrayContaining([
        'APPLE_PAY_BASE_URL=https://127.0.0.1:4011/apple_pay/',
        'APPLE_PAY_CA_FILE=/tmp/x/apple-pay-ca.pem',
        'APPLE_PAY_DEMO_CERTIFICATE_FILE=/tmp/x/demo.crt.pem',
        'APPLE_PAY_DEMO_PRIVATE_KEY_FILE=/tmp/x/demo.key.pem',
      ]),
    );
    expect(withApple.some((line) => line.includes('nuvei|paytm|paypal|apple_pay'))).toBe(true);
    expect(lines.some((line) => line.startsWith('APPLE_PAY_'))).toBe(false);
  });

  it('shows how to inject and clear faults with curl', () => {
    expect(lines.some((line) => line.includes('curl -X POST http://127.0.0.1:4010/__control/faults'))).toBe(true);
    expect(lines).toContain('  curl -X DELETE http://127.0.0.1:4010/__control/faults');
  });
});

describe('demo credentials', () => {
  it('header values parse as the API parses x-connector-config', () => {
    const nuvei = parseConnectorConfig(DEMO_NUVEI_CONNECTOR_CONFIG, [nuveiConnector.credentials, paytmConnector.credentials]);
    expect(nuvei.schema).toBe(nuveiConnector.credentials);
    expect(nuveiConnector.credentials.parse(JSON.parse(DEMO_NUVEI_CONNECTOR_CONFIG).config.Nuvei).merchantSecret.expose()).toBe(DEMO_NUVEI_MERCHANT.merchantSecret);
    const paytm = parseConnectorConfig(DEMO_PAYTM_CONNECTOR_CONFIG, [nuveiConnector.credentials, paytmConnector.credentials]);
    expect(paytm.schema).toBe(paytmConnector.credentials);
    expect(paytmConnector.credentials.parse(JSON.parse(DEMO_PAYTM_CONNECTOR_CONFIG).config.Paytm).website.expose()).toBe('WEBSTAGING');
  });

  it('the Paytm key is 16 bytes (AES-128)', () => {
    expect(Buffer.byteLength(DEMO_PAYTM_MERCHANT.merchantKey, 'utf8')).toBe(16);
  });
});
