import { ConnectorError, executeFlow } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport } from '@prism-sessions/connector-interfaces/testing';
import { exposeHeaders, maskHeaders } from '@prism-sessions/masking';
import { paypalConnector } from '../paypal.connector';
import { PAYPAL_BASE_URLS } from '../paypal.constants';
import { fromPaypalAccessTokenResponse, toPaypalAccessTokenRequest } from './access-token.transformer';

const ctx = {
  flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: 'order_1', testMode: true },
  request: {},
  credentials: paypalConnector.credentials.parse({ client_id: 'AbC-client', client_secret: 'sEcReT:with:colons' }),
  baseUrl: `${PAYPAL_BASE_URLS.sandbox}/`,
  clock: new FixedClock('2025-01-01T12:00:00Z'),
};
const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('PayPal access-token request', () => {
  it('is POST /v1/oauth2/token with HTTP Basic client_id:client_secret and the client-credentials form body, byte for byte', () => {
    const request = toPaypalAccessTokenRequest(ctx);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api-m.sandbox.paypal.com/v1/oauth2/token');
    expect(request.body).toBe('grant_type=client_credentials');
    // base64("AbC-client:sEcReT:with:colons")
    expect(exposeHeaders(request.headers)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Basic QWJDLWNsaWVudDpzRWNSZVQ6d2l0aDpjb2xvbnM=',
    });
  });

  it('keeps the Basic header masked until the transport exposes it', () => {
    const rendered = JSON.stringify(maskHeaders(toPaypalAccessTokenRequest(ctx).headers));
    expect(rendered).not.toContain('QWJDLWNsaWVudDpzRWNSZVQ6d2l0aDpjb2xvbnM=');
    expect(rendered).not.toContain('sEcReT');
  });
});

describe('PayPal access-token answer', () => {
  it('reads the token, its type and the lifetime from expires_in', () => {
    const outcome = fromPaypalAccessTokenResponse(ctx, json(200, { scope: 's', access_token: 'A21AA-token', token_type: 'Bearer', app_id: 'APP-1', expires_in: 31668, nonce: 'n' }));
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.data.accessToken.expose()).toBe('A21AA-token');
    expect(outcome.data.tokenType).toBe('Bearer');
    expect(outcome.data.expiresInSeconds).toBe(31668);
    expect(JSON.stringify(outcome)).not.toContain('A21AA-token');
  });

  it.each([
    ['no access_token', { token_type: 'Bearer', expires_in: 100 }],
    ['no expires_in', { access_token: 'A21AA-token', token_type: 'Bearer' }],
    ['a zero lifetime', { access_token: 'A21AA-token', expires_in: 0 }],
    ['a string lifetime', { access_token: 'A21AA-token', expires_in: '3600' }],
  ])('refuses an answer with %s, without quoting the body', (_name, body) => {
    const run = () => fromPaypalAccessTokenResponse(ctx, json(200, body));
    expect(run).toThrow(ConnectorError);
    try {
      run();
    } catch (error) {
      expect(String((error as ConnectorError).reason)).not.toContain('A21AA-token');
      expect((error as ConnectorError).flow).toBe('accessToken');
    }
  });

  it('maps invalid_client to INVALID_CREDENTIALS with PayPal’s code and description', async () => {
    const transport = new RecordingTransport(() => json(401, { error: 'invalid_client', error_description: 'Client Authentication failed' }));
    const result = await executeFlow(paypalConnector, 'accessToken', ctx, transport);
    expect(result).toEqual({
      status: 'FAILURE',
      httpStatus: 401,
      error: { code: 'invalid_client', message: 'Client Authentication failed', reason: 'Client Authentication failed', statusCode: 401, unifiedCode: 'INVALID_CREDENTIALS', retryable: false },
    });
    expect(transport.requests).toHaveLength(1);
  });
});
