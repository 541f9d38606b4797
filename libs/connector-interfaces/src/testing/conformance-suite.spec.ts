import { createHash } from 'node:crypto';
import { Secret } from '@prism-sessions/masking';
import { createMoney, type ErrorResponse, defineCredentialSchema } from '@prism-sessions/domain-types';
import type { ConnectorDefinition } from '../lib/connector';
import { ConnectorError } from '../lib/errors';
import { notImplemented, notSupported } from '../lib/flow';
import type { HttpResponse } from '../lib/http';
import { defaultServerErrorResponse, isJsonObject, rawBodyExcerpt, tryParseJson } from '../lib/response-helpers';
import { describeConnectorConformance, type ConformanceFixtures } from './conformance-suite';
import { FixedClock } from './fixed-clock';
import { jsonResponse } from './recording-transport';

// A minimal, well-behaved connector for a made-up gateway, to prove the kit passes a correct
// implementation. Real connectors run the same kit with their own fixtures.
const SECRET = 'CANARY_SECRET_9f8e';

// A made-up gateway's credentials (fields shaped like Nuvei's).
const fakeCredentials = defineCredentialSchema('Nuvei', { merchant_id: {}, merchant_site_id: {}, merchant_secret: {} }, (v) => ({
  merchantId: v.merchant_id,
  merchantSiteId: v.merchant_site_id,
  merchantSecret: v.merchant_secret,
}));
type FakeCredentials = ReturnType<typeof fakeCredentials.parse>;

function parseFakeError(response: HttpResponse): ErrorResponse {
  if (response.status >= 500) return defaultServerErrorResponse(response);
  const body = tryParseJson(response.body);
  const code = isJsonObject(body) && typeof body['errCode'] === 'string' ? body['errCode'] : String(response.status);
  return { code, message: 'rejected', reason: rawBodyExcerpt(response.body), statusCode: response.status, attemptStatus: 'FAILURE', unifiedCode: 'INVALID_REQUEST', retryable: false };
}

const fakeConnector = {
  id: 'nuvei',
  displayName: 'Fake gateway',
  capabilities: {
    requiresSessionToken: true,
    requiresOrderCreate: false,
    requiresAccessToken: false,
    sessionTokenLifetimeSeconds: 900,
    ordersPerSessionToken: 1,
    supportedCurrencies: ['USD', 'EUR'],
  },
  baseUrls: { sandbox: 'https://sandbox.gw.test/api', production: 'https://gw.test/api' },
  credentials: fakeCredentials,
  describeErrorCode: () => undefined,
  parseErrorResponse: parseFakeError,
  flows: {
    sessionToken: {
      buildRequest: (ctx) => {
        const timeStamp = ctx.clock.now().toISOString();
        const merchantId = ctx.credentials.merchantId.peek();
        const checksum = createHash('sha256').update(`${merchantId}${timeStamp}${ctx.credentials.merchantSecret.peek()}`).digest('hex');
        return {
          method: 'POST',
          url: `${ctx.baseUrl}/session`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ merchantId, clientRequestId: ctx.flowData.connectorRequestReferenceId, timeStamp, checksum }),
        };
      },
      handleResponse: (_ctx, response) => {
        const body = tryParseJson(response.body);
        if (!isJsonObject(body)) throw new Error('not a JSON object');
        if (body['status'] === 'ERROR') {
          return {
            status: 'FAILURE',
            error: { code: String(body['errCode']), message: String(body['reason']), statusCode: response.status, attemptStatus: 'FAILURE', unifiedCode: 'GATEWAY_REJECTED', retryable: false },
          };
        }
        const token = body['sessionToken'];
        if (typeof token !== 'string') {
          throw new ConnectorError('MISSING_REQUIRED_FIELD', 'sessionToken missing', { connector: 'nuvei', flow: 'sessionToken', httpStatus: response.status });
        }
        return { status: 'SUCCESS', data: { sessionToken: new Secret(token) }, attemptStatus: 'PENDING' };
      },
    },
    authorize: notImplemented,
    psync: notImplemented,
    capture: notImplemented,
    refund: notImplemented,
    void: notSupported,
  },
} satisfies ConnectorDefinition<FakeCredentials>;

const fixtures: ConformanceFixtures = {
  credentials: { merchant_id: 'merchant_1', merchant_site_id: 'site_1', merchant_secret: SECRET },
  flowData: { merchantId: 'm', connectorRequestReferenceId: 'session_001', testMode: true },
  sessionRequest: { amount: createMoney(1000, 'USD') },
  baseUrl: 'https://sandbox.gw.test/api',
  clock: new FixedClock('2025-01-01T12:00:00Z'),
  secretsNeverOnWire: [SECRET],
  answers: {
    success: { response: jsonResponse(200, { status: 'SUCCESS', sessionToken: 'tok_live_abc' }), token: 'tok_live_abc' },
    decline: { response: jsonResponse(200, { status: 'ERROR', errCode: 1069, reason: 'Session expired' }), code: '1069' },
    clientErrors: [
      { response: jsonResponse(400, { errCode: '1001', reason: 'Invalid checksum' }), code: '1001' },
      { response: { status: 404, headers: {}, body: 'Not Found' }, code: '404' },
    ],
    serverError: { status: 503, headers: {}, body: 'maintenance' },
    htmlError: { status: 502, headers: { 'content-type': 'text/html' }, body: `<html>${'<p>Bad Gateway</p>'.repeat(100)}</html>` },
    malformedSuccess: { status: 200, headers: {}, body: '{"status":"SUCC' },
    emptySuccess: { status: 200, headers: {}, body: '' },
  },
};

describeConnectorConformance(fakeConnector, fixtures);
