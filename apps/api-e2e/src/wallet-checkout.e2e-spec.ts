/**
 * The browser example end to end on real processes: headless Chromium loads the example page from
 * its merchant-server stub, the stub creates a payment on the real API with the secret key, the page
 * calls the real POST /payments/session_tokens with the publishable key and lists the wallets. The
 * account's Apple Pay token needs the API's merchant validation call to the simulator's mutual-TLS
 * Apple endpoint (with the demo merchant identity the simulator issued); with that endpoint timing
 * out, the page still renders, with Google Pay only.
 */
import { readFileSync } from 'node:fs';
import { CREATE_CONNECTOR_ACCOUNT } from '@prism-sessions/testing-graphql-documents';
import { launchChromium, type HeadlessChromium } from './support/browser';
import { startCheckoutStub, type CheckoutStub } from './support/checkout-stub';
import { authHeaders, gql } from './support/graphql-client';
import { simulatorControl } from './support/simulator-control';
import { readE2eEnv, type E2eEnv } from './support/stack';


const DEMO_APPLE_MERCHANT = 'merchant.com.prism-sessions.demo';
const PAGE_DEADLINE_MS = 90_000;

let env: E2eEnv;
let stub: CheckoutStub | undefined;
let browser: HeadlessChromium | undefined;

interface RenderedPage {
  readonly state: string;
  readonly status: string;
  readonly wallets: readonly { name: string; connector: string; text: string }[];
  readonly error: string;
}

async function openCheckout(): Promise<RenderedPage> {
  if (!browser || !stub) throw new Error('setup did not finish');
  const page = await browser.context.newPage();
  try {
    await page.goto(stub.url, { timeout: PAGE_DEADLINE_MS });
    await page.waitForSelector('body[data-state="ready"], body[data-state="failed"]', { timeout: PAGE_DEADLINE_MS });
    return {
      state: (await page.getAttribute('body', 'data-state')) ?? '',
      status: (await page.textContent('#status')) ?? '',
      wallets: await page.$$eval('#wallets li', (items) => items.map((li) => ({ name: li.getAttribute('data-wallet-name') ?? '', connector: li.getAttribute('data-connector') ?? '', text: li.textContent ?? '' }))),
      error: (await page.textContent('#error')) ?? '',
    };
  } finally {
    await page.close();
  }
}

describe('wallet checkout example on the real API (needs the payments branch)', () => {
  beforeAll(async () => {
    env = readE2eEnv();
    const nuvei = (JSON.parse(env.nuveiConnectorConfig) as { config: { Nuvei: Record<string, string> } }).config.Nuvei;
    const created = await gql<{ createConnectorAccount: { connectorAccount: { id: string } | null; error: unknown } }>(
      env.apiUrl,
      CREATE_CONNECTOR_ACCOUNT,
      {
        input: {
          connector: 'NUVEI',
          label: 'wallet checkout (e2e)',
          testMode: true,
          credentials: nuvei,
          wallets: ['GOOGLE_PAY', 'APPLE_PAY'],
          walletConfig: {
            googlePay: { merchantName: 'Prism Sessions Demo Shop', gatewayMerchantId: 'googletest' },
            applePay: {
              merchantIdentifier: DEMO_APPLE_MERCHANT,
              displayName: 'Prism Sessions Demo Shop',
              domains: ['localhost'],
              merchantBusinessCountry: 'US',
              certificatePem: readFileSync(env.applePay.demoCertificateFile, 'utf8'),
              privateKeyPem: readFileSync(env.applePay.demoPrivateKeyFile, 'utf8'),
            },
          },
        },
      },
      authHeaders(env.merchant.apiKey),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createConnectorAccount.error).toBeNull();
    stub = await startCheckoutStub({ name: 'checkout-stub', apiUrl: env.apiUrl.replace(/\/graphql$/, ''), secretKey: env.merchant.apiKey, publishableKey: env.merchant.publishableKey, logDir: env.logDir });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stub?.proc.stop();
  });

  it('lists Google Pay and Apple Pay (merchant session from the simulator’s mutual-TLS endpoint)', async () => {
    const page = await openCheckout();
    expect(page.error).toBe('');
    expect(page.state).toBe('ready');
    expect([...page.wallets].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'apple_pay', connector: 'nuvei', text: 'apple_pay via nuvei (merchant session ready)' },
      { name: 'google_pay', connector: 'nuvei', text: 'google_pay via nuvei (19.99 USD)' },
    ]);
  });

  it('still renders, without Apple Pay, when Apple’s endpoint times out (the wait is bounded)', async () => {
    const control = simulatorControl(env.simulatorUrl);
    await control.setFault('apple_pay', { kind: 'timeout' }, { times: 1 });
    try {
      const page = await openCheckout();
      expect(page.state).toBe('ready');
      expect(page.wallets.map((wallet) => wallet.name)).toEqual(['google_pay']);
    } finally {
      await control.clearFaults();
    }
  });
});

