import { executeFlow } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, respondWithRoutes } from '@prism-sessions/connector-interfaces/testing';
import { createMoney } from '@prism-sessions/domain-types';
import { paypalConnector } from '../lib/paypal.connector';
import { PAYPAL_BASE_URLS, PAYPAL_ERROR_CODES } from '../lib/paypal.constants';
import { createPaypalFakeGateway } from './paypal.fake-gateway';

const app = { clientId: 'client_rt', clientSecret: 'secret_rt' };

function setup(clientSecret: string, accessTokenLifetimeSeconds = 600) {
  let nowMs = Date.parse('2025-01-01T12:00:00Z');
  let counter = 0;
  const gateway = createPaypalFakeGateway({ merchants: [app], newToken: () => `tok_${(counter += 1)}`, accessTokenLifetimeSeconds, now: () => nowMs });
  const transport = new RecordingTransport(respondWithRoutes(PAYPAL_BASE_URLS.sandbox, gateway.routes));
  const base = {
    flowData: { merchantId: 'm', connectorRequestReferenceId: 'ref_1', testMode: true },
    credentials: paypalConnector.credentials.parse({ client_id: app.clientId, client_secret: clientSecret }),
    baseUrl: PAYPAL_BASE_URLS.sandbox,
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
  const accessToken = () => executeFlow(paypalConnector, 'accessToken', { ...base, request: {} }, transport);
  const clientToken = (token: Parameters<typeof executeFlow>[2]['flowData']['accessToken']) =>
    executeFlow(paypalConnector, 'sessionToken', { ...base, flowData: { ...base.flowData, ...(token ? { accessToken: token } : {}), attemptId: 'a1' }, request: { amount: createMoney(1000, 'USD') } }, transport);
  return { gateway, transport, accessToken, clientToken, advance: (seconds: number) => (nowMs += seconds * 1000) };
}

// Connector and fake agree on the wire format.
describe('PayPal connector against its fake gateway', () => {
  it('gets an access token, then a client token with it', async () => {
    const { gateway, accessToken, clientToken } = setup(app.clientSecret);
    const token = await accessToken();
    expect(token).toMatchObject({ status: 'SUCCESS', data: { expiresInSeconds: 600, tokenType: 'Bearer' } });
    if (token.status !== 'SUCCESS') return;
    const client = await clientToken(token.data.accessToken);
    expect(client.status).toBe('SUCCESS');
    if (client.status === 'SUCCESS') expect(client.data.sessionToken.expose()).toBe('tok_2');
    expect(gateway.issuedAccessTokens).toEqual(['tok_1']);
    expect(gateway.issuedTokens).toEqual(['tok_2']);
    expect(gateway.requests[1]?.headers['PayPal-Request-Id']).toBe('a1');
  });

  it('answers a wrong secret with invalid_client', async () => {
    const { gateway, accessToken } = setup('wrong');
    expect(await accessToken()).toMatchObject({ status: 'FAILURE', httpStatus: 401, error: { code: PAYPAL_ERROR_CODES.INVALID_CLIENT, unifiedCode: 'INVALID_CREDENTIALS' } });
    expect(gateway.issuedAccessTokens).toEqual([]);
  });

  it('answers an expired or revoked bearer with 401 invalid_token', async () => {
    const { gateway, accessToken, clientToken, advance } = setup(app.clientSecret, 60);
    const token = await accessToken();
    if (token.status !== 'SUCCESS') throw new Error('no token');
    advance(61);
    expect(await clientToken(token.data.accessToken)).toMatchObject({ status: 'FAILURE', httpStatus: 401, error: { unifiedCode: 'ACCESS_TOKEN_EXPIRED' } });
    const fresh = await accessToken();
    if (fresh.status !== 'SUCCESS') throw new Error('no token');
    gateway.revokeAccessTokens();
    expect(await clientToken(fresh.data.accessToken)).toMatchObject({ status: 'FAILURE', httpStatus: 401 });
    expect(gateway.issuedTokens).toEqual([]);
  });
});
