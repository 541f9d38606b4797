import { systemClock, type FlowContext, type HttpRequest, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { nuveiConnector, type NuveiCredentials } from '@prism-sessions/connectors-nuvei';
import { paypalConnector } from '@prism-sessions/connectors-paypal';
import { paytmConnector, verifyPaytmSignature, type PaytmCredentials } from '@prism-sessions/connectors-paytm';
import { createMoney, type SessionTokenRequestData } from '@prism-sessions/domain-types';
import { Secret, exposeHeaders } from '@prism-sessions/masking';
import { createFakeGatewayControlClient } from '@prism-sessions/testing-fake-gateway';
import { DEMO_APPLE_PAY_MERCHANT, DEMO_NUVEI_MERCHANT, DEMO_PAYPAL_CONNECTOR_CONFIG, DEMO_PAYTM_CONNECTOR_CONFIG, DEMO_PAYTM_MERCHANT } from './demo-credentials';
import { request as httpsRequest } from 'node:https';
import { APPLE_PAY_ID, startSimulator, type Simulator } from './simulator';

// Nuvei's credential type, whichever module ends up exporting it (domain-types no longer does).

async function send(request: HttpRequest): Promise<HttpResponse> {
  const response = await fetch(request.url, { method: request.method, headers: exposeHeaders(request.headers), body: request.body });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

const nuveiCredentials = (merchantSecret: string = DEMO_NUVEI_MERCHANT.merchantSecret): NuveiCredentials => ({
  merchantId: new Secret(DEMO_NUVEI_MERCHANT.merchantId),
  merchantSiteId: new Secret(DEMO_NUVEI_MERCHANT.merchantSiteId),
  merchantSecret: new Secret(merchantSecret),
});

// Parsed from the demo x-connector-config entry, as the API does.
const paytmCredentials = (): PaytmCredentials =>
  paytmConnector.credentials.parse((JSON.parse(DEMO_PAYTM_CONNECTOR_CONFIG) as { config: { Paytm: Record<string, unknown> } }).config.Paytm);

// Paytm signs its answers: head.signature over the exact text of the top-level body member.
function expectSignedByDemoKey(answer: string): void {
  const signature = (JSON.parse(answer) as { head: { signature?: string } }).head.signature ?? '';
  const body = answer.slice(answer.indexOf(',"body":') + ',"body":'.length, -1);
  expect(verifyPaytmSignature(body, new Secret(DEMO_PAYTM_MERCHANT.merchantKey), signature)).toBe(true);
}

function context<C>(credentials: C, baseUrl: string, orderId: string, currency: string): FlowContext<SessionTokenRequestData, C> {
  return {
    flowData: { merchantId: 'merchant_demo', connectorRequestReferenceId: orderId, testMode: true },
    request: { amount: createMoney(1050, currency) },
    credentials,
    baseUrl,
    clock: systemClock,
  };
}

describe('gateway simulator', () => {
  let simulator: Simulator;

  beforeEach(async () => {
    simulator = await startSimulator({ port: 0 });
  });
  afterEach(() => simulator.stop());

  it('listens on a free 127.0.0.1 port with the control endpoint', async () => {
    expect(simulator.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await createFakeGatewayControlClient(simulator.server.url).health()).toBe(true);
  });

  it('Nuvei: a getSessionToken request signed with the demo secret gets a session token', async () => {
    const ctx = context(nuveiCredentials(), simulator.server.baseUrl('nuvei'), 'session_001', 'USD');
    const request = nuveiConnector.flows.sessionToken.buildRequest(ctx);
    expect(request.url).toBe(`${simulator.server.baseUrl('nuvei')}/getSessionToken.do`);
    const response = await send(request);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'SUCCESS', merchantId: DEMO_NUVEI_MERCHANT.merchantId, clientRequestId: 'session_001' });

    const outcome = nuveiConnector.flows.sessionToken.handleResponse(ctx, response);
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(simulator.nuvei.issuedTokens).toEqual([outcome.data.sessionToken.expose()]);
    expect(simulator.server.callCount('nuvei')).toBe(1);
  });

  it('Nuvei: a request signed with another secret is refused with 1001 Invalid checksum', async () => {
    const ctx = context(nuveiCredentials('not_the_demo_secret'), simulator.server.baseUrl('nuvei'), 'session_002', 'USD');
    const response = await send(nuveiConnector.flows.sessionToken.buildRequest(ctx));
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' });
    expect(simulator.nuvei.issuedTokens).toHaveLength(0);
  });

  it('Paytm: an initiateTransaction signed with the demo key gets a txnToken; the same orderId again is 0002', async () => {
    const ctx = context(paytmCredentials(), `${simulator.server.baseUrl('paytm')}/`, 'order_001', 'INR');
    const request = paytmConnector.flows.sessionToken.buildRequest(ctx);
    expect(request.url.startsWith(`${simulator.server.baseUrl('paytm')}/theia/api/v1/initiateTransaction?`)).toBe(true);
    const response = await send(request);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { body: { resultInfo: { resultCode: string }; txnToken: string } };
    expect(body.body.resultInfo.resultCode).toBe('0000');
    expect(simulator.paytm.issuedTokens).toEqual([body.body.txnToken]);
    expectSignedByDemoKey(response.body);

    const outcome = paytmConnector.flows.sessionToken.handleResponse(ctx, response);
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.data.sessionToken.expose()).toBe(body.body.txnToken);

    const again = await send(paytmConnector.flows.sessionToken.buildRequest(ctx));
    expect(JSON.parse(again.body)).toMatchObject({ body: { resultInfo: { resultCode: '0002' }, txnToken: body.body.txnToken } });
    expectSignedByDemoKey(again.body);
    expect(paytmConnector.flows.sessionToken.handleResponse(ctx, again)).toMatchObject({ status: 'FAILURE', error: { code: '0002', unifiedCode: 'DUPLICATE_REQUEST' } });
  });

  it('faults apply in front of the fakes, and a control reset also forgets issued tokens', async () => {
    const control = createFakeGatewayControlClient(simulator.server.url);
    await control.setFault('paytm', { kind: 'status', status: 503, body: 'maintenance' }, { times: 1 });
    const ctx = context(paytmCredentials(), `${simulator.server.baseUrl('paytm')}/`, 'order_002', 'INR');
    expect((await send(paytmConnector.flows.sessionToken.buildRequest(ctx))).status).toBe(503);
    expect((await send(paytmConnector.flows.sessionToken.buildRequest(ctx))).status).toBe(200);
    expect(simulator.paytm.issuedTokens).toHaveLength(1);

    await control.reset();
    expect(simulator.paytm.issuedTokens).toHaveLength(0);
    expect(simulator.server.callCount()).toBe(0);
    // The order is forgotten too: a fresh token, not a 0002 duplicate.
    const fresh = await send(paytmConnector.flows.sessionToken.buildRequest(ctx));
    expect(JSON.parse(fresh.body)).toMatchObject({ body: { resultInfo: { resultCode: '0000' } } });
  });

  it('stop() is idempotent', async () => {
    await simulator.stop();
    await expect(simulator.stop()).resolves.toBeUndefined();
  });

  it('Apple Pay: the demo merchant identity gets a merchant session over mutual TLS, trusting the simulator CA', async () => {
    const { applePay } = simulator;
    expect(applePay.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/apple_pay\/$/);
    const body = JSON.stringify({ merchantIdentifier: DEMO_APPLE_PAY_MERCHANT.merchantIdentifier, displayName: DEMO_APPLE_PAY_MERCHANT.displayName, initiative: 'web', initiativeContext: DEMO_APPLE_PAY_MERCHANT.domain });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpsRequest(
        `${applePay.baseUrl}paymentservices/paymentSession`,
        { method: 'POST', ca: applePay.caPem, cert: applePay.demoIdentity.certificatePem, key: applePay.demoIdentity.privateKeyPem, headers: { 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ domainName: 'localhost', displayName: DEMO_APPLE_PAY_MERCHANT.displayName });
    expect(simulator.server.callCount(APPLE_PAY_ID)).toBe(1);
    expect(applePay.fake.sessionCount()).toBe(1);
  });
});

describe('gateway simulator: PayPal', () => {
  let simulator: Simulator;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const paypalCredentials = (secret?: string) => {
    const raw = (JSON.parse(DEMO_PAYPAL_CONNECTOR_CONFIG) as { config: { Paypal: Record<string, string> } }).config.Paypal;
    return paypalConnector.credentials.parse(secret === undefined ? raw : { ...raw, client_secret: secret });
  };
  const tokenRequest = (secret?: string) =>
    paypalConnector.flows.accessToken?.buildRequest({ ...context(paypalCredentials(secret), simulator.server.baseUrl('paypal'), 'o', 'USD'), request: {} }) as HttpRequest;
  const clientTokenRequest = (accessToken: string) => {
    const ctx = context(paypalCredentials(), simulator.server.baseUrl('paypal'), 'o', 'USD');
    return paypalConnector.flows.sessionToken.buildRequest({ ...ctx, flowData: { ...ctx.flowData, accessToken: new Secret(accessToken), attemptId: 'sim_attempt_1' } });
  };

  beforeEach(async () => {
    offsetMs = 0;
    simulator = await startSimulator({ port: 0, clock });
  });
  afterEach(() => simulator.stop());

  it('issues an access token for the demo app (HTTP Basic), then a client token with it', async () => {
    const token = await send(tokenRequest());
    expect(token.status).toBe(200);
    const accessToken = (JSON.parse(token.body) as { access_token: string; expires_in: number }).access_token;
    expect(simulator.paypal.issuedAccessTokens).toEqual([accessToken]);
    const client = await send(clientTokenRequest(accessToken));
    expect(client.status).toBe(200);
    expect(JSON.parse(client.body)).toMatchObject({ client_token: simulator.paypal.issuedTokens[0], expires_in: 3600 });
  });

  it('refuses a wrong secret with 401 invalid_client and an expired bearer with 401 invalid_token', async () => {
    const refused = await send(tokenRequest('not_the_demo_secret'));
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({ error: 'invalid_client', error_description: 'Client Authentication failed' });
    const token = await send(tokenRequest());
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
    offsetMs = 9 * 3600 * 1000 + 1000;
    const expired = await send(clientTokenRequest(accessToken));
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body)).toMatchObject({ error: 'invalid_token' });
  });

  it('applies the fault controls to PayPal (5xx, malformed body)', async () => {
    const control = createFakeGatewayControlClient(simulator.server.url);
    await control.setFault('paypal', { kind: 'status', status: 503, body: 'maintenance' }, { times: 1 });
    expect((await send(tokenRequest())).status).toBe(503);
    await control.setFault('paypal', { kind: 'malformed-json' }, { times: 1 });
    const malformed = await send(tokenRequest());
    expect(() => JSON.parse(malformed.body)).toThrow();
    expect((await send(tokenRequest())).status).toBe(200);
  });
});

