import { DEMO_APPLE_PAY_MERCHANT, DEMO_NUVEI_CONNECTOR_CONFIG, DEMO_PAYPAL_CONNECTOR_CONFIG, DEMO_PAYTM_CONNECTOR_CONFIG } from './demo-credentials';

/** The emulated Apple Pay endpoint and the files of its test PKI. */
export interface BannerApplePay {
  readonly baseUrl: string;
  readonly caFile: string;
  readonly certificateFile: string;
  readonly privateKeyFile: string;
}

/** The URLs (and Apple Pay files) the banner prints. */
export interface BannerUrls {
  readonly url: string;
  readonly nuveiBaseUrl: string;
  readonly paytmBaseUrl: string;
  readonly paypalBaseUrl: string;
  readonly applePay?: BannerApplePay;
}

/**
 * The startup text: base URLs as `NAME=value` lines (for scripts), the demo merchants'
 * `x-connector-config` headers and curl commands for the control endpoint.
 */
export function simulatorBanner({ url, nuveiBaseUrl, paytmBaseUrl, paypalBaseUrl, applePay }: BannerUrls): string {
  const faults = `${url}/__control/faults`;
  const json = `-H 'content-type: application/json'`;
  const applePayLines = applePay
    ? [
        `APPLE_PAY_BASE_URL=${applePay.baseUrl}`,
        `APPLE_PAY_CA_FILE=${applePay.caFile}`,
        '',
        `Demo Apple Pay merchant ${DEMO_APPLE_PAY_MERCHANT.merchantIdentifier} (mutual TLS; its certificate and key go in a connector account's Apple Pay config):`,
        `APPLE_PAY_DEMO_CERTIFICATE_FILE=${applePay.certificateFile}`,
        `APPLE_PAY_DEMO_PRIVATE_KEY_FILE=${applePay.privateKeyFile}`,
      ]
    : [];
  return [
    `Gateway simulator listening on ${url}`,
    `NUVEI_BASE_URL=${nuveiBaseUrl}`,
    `PAYTM_BASE_URL=${paytmBaseUrl}`,
    `PAYPAL_BASE_URL=${paypalBaseUrl}`,
    ...applePayLines,
    '',
    'Demo Nuvei merchant, header for the API:',
    `x-connector-config: ${DEMO_NUVEI_CONNECTOR_CONFIG}`,
    'Demo Paytm merchant, header for the API:',
    `x-connector-config: ${DEMO_PAYTM_CONNECTOR_CONFIG}`,
    'Demo PayPal app, header for the API:',
    `x-connector-config: ${DEMO_PAYPAL_CONNECTOR_CONFIG}`,
    '',
    'Tokens live 15 minutes; expired or reused tokens are refused (Nuvei 1069/1064, Paytm 1006).',
    'PayPal access tokens live 9 hours (then 401 invalid_token); client tokens 1 hour; a wrong secret is 401 invalid_client.',
    '',
    `Faults (connector nuvei|paytm|paypal${applePay ? '|apple_pay' : ''}; kinds latency, timeout, reset, status, malformed-json, truncated, answer):`,
    `  curl -X POST ${faults} ${json} -d '{"connector":"nuvei","fault":{"kind":"timeout"},"times":1}'`,
    `  curl -X POST ${faults} ${json} -d '{"connector":"paytm","fault":{"kind":"status","status":503,"body":"maintenance"}}'`,
    `  curl -X DELETE ${faults}`,
    `  curl ${url}/__control/requests?connector=nuvei`,
    `  curl -X POST ${url}/__control/reset`,
    'Stop with Ctrl+C.',
  ].join('\n');
}
