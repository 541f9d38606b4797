/**
 * The browser example (examples/wallet-checkout: plain HTML + JS and its merchant-server stub) in
 * headless Chromium against a stand-in of the payments API that answers the seed's exact shapes:
 * the page's own logic (createPayment through the stub with the secret key, session_tokens with the
 * publishable key, rendering, errors) independent of the API. The real API: wallet-checkout.e2e-spec.ts.
 */
import { launchChromium, type HeadlessChromium } from './support/browser';
import { startCheckoutStub, type CheckoutStub } from './support/checkout-stub';
import { readE2eEnv } from './support/stack';
import {
  STAND_IN_CLIENT_SECRET,
  STAND_IN_PAYMENT_ID,
  STAND_IN_PUBLISHABLE_KEY,
  STAND_IN_SECRET_KEY,
  startStandInPaymentsApi,
  type StandInPaymentsApi,
} from './support/stand-in-payments-api';

const PAGE_DEADLINE_MS = 60_000;

let standIn: StandInPaymentsApi;
let stub: CheckoutStub;
let browser: HeadlessChromium;

beforeAll(async () => {
  const env = readE2eEnv();
  standIn = await startStandInPaymentsApi();
  stub = await startCheckoutStub({ name: 'checkout-stub-standin', apiUrl: standIn.url, secretKey: STAND_IN_SECRET_KEY, publishableKey: STAND_IN_PUBLISHABLE_KEY, logDir: env.logDir });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stub?.proc.stop();
  await standIn?.stop();
});

async function openCheckout(query = ''): Promise<{ state: string; status: string; wallets: { name: string; connector: string; text: string }[]; error: string; bodies: string[] }> {
  const page = await browser.context.newPage();
  const reads: Promise<string | undefined>[] = [];
  page.on('response', (response) => {
    reads.push(response.text().catch(() => undefined));
  });
  try {
    await page.goto(`${stub.url}${query}`, { timeout: PAGE_DEADLINE_MS });
    await page.waitForSelector('body[data-state="ready"], body[data-state="failed"]', { timeout: PAGE_DEADLINE_MS });
    const wallets = await page.$$eval('#wallets li', (items) => items.map((li) => ({ name: li.getAttribute('data-wallet-name') ?? '', connector: li.getAttribute('data-connector') ?? '', text: li.textContent ?? '' })));
    return {
      state: (await page.getAttribute('body', 'data-state')) ?? '',
      status: (await page.textContent('#status')) ?? '',
      wallets,
      error: (await page.textContent('#error')) ?? '',
      bodies: (await Promise.all(reads)).filter((text): text is string => text !== undefined),
    };
  } finally {
    await page.close();
  }
}

describe('wallet checkout example in headless Chromium (stand-in API)', () => {
  beforeEach(() => standIn.calls.splice(0));

  it('creates a payment through the stub, asks for every wallet with the publishable key and lists them', async () => {
    const page = await openCheckout();
    expect(page.state).toBe('ready');
    expect(page.status).toBe('2 wallets available.');
    expect(page.wallets).toEqual([
      { name: 'google_pay', connector: 'nuvei', text: 'google_pay via nuvei (19.99 USD)' },
      { name: 'apple_pay', connector: 'nuvei', text: 'apple_pay via nuvei (merchant session ready)' },
    ]);

    const [create, tokens] = standIn.calls;
    expect(create?.path).toBe('/graphql');
    expect(create?.headers['authorization']).toBe(`Bearer ${STAND_IN_SECRET_KEY}`);
    expect(create?.body).toMatchObject({ variables: { input: { amount: { minorAmount: '1999', currency: 'USD' }, merchantReference: expect.stringMatching(/^checkout_/) } } });
    expect(tokens?.path).toBe('/payments/session_tokens');
    expect(tokens?.headers['api-key']).toBe(STAND_IN_PUBLISHABLE_KEY);
    expect(tokens?.headers['authorization']).toBeUndefined();
    expect(tokens?.body).toEqual({ payment_id: STAND_IN_PAYMENT_ID, client_secret: STAND_IN_CLIENT_SECRET, wallets: [] });
  });

  it('never hands the secret key to the browser', async () => {
    const page = await openCheckout();
    expect(page.bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of page.bodies) expect(body).not.toContain(STAND_IN_SECRET_KEY);
  });

  it('passes the wallets filter and the amount from the page URL', async () => {
    const page = await openCheckout('?wallets=google_pay&amount=500&currency=eur');
    expect(page.wallets.map((wallet) => wallet.name)).toEqual(['google_pay']);
    expect(standIn.calls[0]?.body).toMatchObject({ variables: { input: { amount: { minorAmount: '500', currency: 'EUR' } } } });
    expect(standIn.calls[1]?.body).toMatchObject({ wallets: ['google_pay'] });
  });

  it('shows the API error code and message when session_tokens refuses', async () => {
    standIn.failSessionTokens(400, { type: 'invalid_request', message: 'The provided client_secret has expired', code: 'IR_08' });
    const page = await openCheckout();
    expect(page.state).toBe('failed');
    expect(page.error).toBe('POST /payments/session_tokens answered 400 IR_08: The provided client_secret has expired');
    expect(page.wallets).toEqual([]);
  });

  it('shows the stub’s refusal of a bad amount without calling the API', async () => {
    const page = await openCheckout('?amount=12.50');
    expect(page.state).toBe('failed');
    expect(page.error).toBe('The merchant server could not create the payment: amount must be a positive integer in minor units');
    expect(standIn.calls).toEqual([]);
  });
});
