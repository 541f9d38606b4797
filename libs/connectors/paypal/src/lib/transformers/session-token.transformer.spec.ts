import { ConnectorError, IntegrationError, prepareFlow } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import { createMoney } from '@prism-sessions/domain-types';
import { Secret, exposeHeaders, maskHeaders } from '@prism-sessions/masking';
import { paypalConnector } from '../paypal.connector';
import { PAYPAL_BASE_URLS } from '../paypal.constants';
import { fromPaypalSessionTokenResponse, toPaypalSessionTokenRequest } from './session-token.transformer';

const credentials = paypalConnector.credentials.parse({ client_id: 'client-1', client_secret: 'secret-1' });
const flowData = { merchantId: 'merchant_1', connectorRequestReferenceId: 'order_1', testMode: true, accessToken: new Secret('A21AA-access'), attemptId: '6f1c2a52-1111-4d5e-8f00-000000000001:1' };
const ctx = {
  flowData,
  request: { amount: createMoney(1000, 'USD') },
  credentials,
  baseUrl: PAYPAL_BASE_URLS.production,
  clock: new FixedClock('2025-01-01T12:00:00Z'),
};
const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('PayPal client-token request', () => {
  it('is POST /v1/identity/generate-token with the bearer access token, our attempt id and an empty JSON object', () => {
    const request = toPaypalSessionTokenRequest(ctx);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api-m.paypal.com/v1/identity/generate-token');
    expect(request.body).toBe('{}');
    expect(exposeHeaders(request.headers)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer A21AA-access',
      'PayPal-Request-Id': '6f1c2a52-1111-4d5e-8f00-000000000001:1',
    });
    expect(JSON.stringify(maskHeaders(request.headers))).not.toContain('A21AA-access');
  });

  it('sends customer_id when the request names a customer', () => {
    const request = toPaypalSessionTokenRequest({ ...ctx, request: { ...ctx.request, customerId: 'cust_42' } });
    expect(request.body).toBe('{"customer_id":"cust_42"}');
  });

  it('omits PayPal-Request-Id when no attempt id is given', () => {
    const { attemptId: _unused, ...withoutAttempt } = flowData;
    const headers = exposeHeaders(toPaypalSessionTokenRequest({ ...ctx, flowData: withoutAttempt }).headers);
    expect(Object.keys(headers)).not.toContain('PayPal-Request-Id');
  });

  it('refuses to build without an access token (nothing is sent)', () => {
    const { accessToken: _unused, ...withoutToken } = flowData;
    expect(() => prepareFlow(paypalConnector, 'sessionToken', { ...ctx, flowData: withoutToken })).toThrow(IntegrationError);
    expect(() => toPaypalSessionTokenRequest({ ...ctx, flowData: withoutToken })).toThrow(expect.objectContaining({ code: 'MISSING_ACCESS_TOKEN', field: 'accessToken' }));
  });

  it('refuses an attempt id longer than PayPal accepts', () => {
    expect(() => toPaypalSessionTokenRequest({ ...ctx, flowData: { ...flowData, attemptId: 'x'.repeat(109) } })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST_ID' }));
  });

  it('refuses a currency PayPal does not take', () => {
    expect(() => prepareFlow(paypalConnector, 'sessionToken', { ...ctx, request: { amount: createMoney(1000, 'INR') } })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY' }));
  });
});

describe('PayPal client-token answer', () => {
  it('reads the client token and the lifetime PayPal declared', () => {
    const outcome = fromPaypalSessionTokenResponse(ctx, json(200, { client_token: 'eyJicmFpbnRyZWUi', expires_in: 3600 }));
    expect(outcome).toMatchObject({ status: 'SUCCESS', attemptStatus: 'PENDING', data: { expiresInSeconds: 3600 } });
    if (outcome.status === 'SUCCESS') expect(outcome.data.sessionToken.expose()).toBe('eyJicmFpbnRyZWUi');
    expect(JSON.stringify(outcome)).not.toContain('eyJicmFpbnRyZWUi');
  });

  it('uses expires_in as given, not a constant', () => {
    const outcome = fromPaypalSessionTokenResponse(ctx, json(200, { client_token: 't', expires_in: 900 }));
    expect(outcome).toMatchObject({ data: { expiresInSeconds: 900 } });
  });

  it.each([
    ['not JSON', '{"client_token":', 'MALFORMED_RESPONSE'],
    ['without client_token', { expires_in: 3600 }, 'MISSING_REQUIRED_FIELD'],
    ['without expires_in', { client_token: 'secret-token-x' }, 'MISSING_REQUIRED_FIELD'],
  ])('refuses an answer %s', (_name, body, code) => {
    const run = () => fromPaypalSessionTokenResponse(ctx, json(200, body));
    expect(run).toThrow(ConnectorError);
    expect(run).toThrow(expect.objectContaining({ code }));
    try {
      run();
    } catch (error) {
      expect(String((error as ConnectorError).reason)).not.toContain('secret-token-x');
    }
  });
});
