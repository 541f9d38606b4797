import type { Clock } from '@prism-sessions/connector-interfaces';
import type { ConformanceFixtures } from '@prism-sessions/connector-interfaces/testing';
import { createMoney } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { PAYPAL_BASE_URLS, PAYPAL_ERROR_CODES } from '../lib/paypal.constants';
import { paypalFakeAnswers } from './paypal.fake-gateway';

/** The instant every PayPal fixture is frozen at. */
export const PAYPAL_FIXTURE_INSTANT = '2025-01-01T12:00:00Z';

// Same behaviour as FixedClock(PAYPAL_FIXTURE_INSTANT) without loading '@prism-sessions/connector-interfaces/testing'
// at runtime.
const frozenClock: Clock = Object.freeze({ now: () => new Date(PAYPAL_FIXTURE_INSTANT) });

const CLIENT_TOKEN = 'paypal_fixture_client_token_0001';
const ACCESS_TOKEN = 'A21AAprobe_access_token_0001';

/** Inputs and canned answers for `describeConnectorConformance(paypalConnector, paypalConformanceFixtures)`. */
export const paypalConformanceFixtures: ConformanceFixtures = Object.freeze<ConformanceFixtures>({
  // The raw `x-connector-config` entry, as `paypalConnector.credentials.parse` reads it.
  credentials: { client_id: 'probe_client_id', client_secret: 'probe_client_secret' },
  flowData: { merchantId: 'merchant_probe', connectorRequestReferenceId: 'session_001', testMode: true, accessToken: new Secret(ACCESS_TOKEN), attemptId: 'attempt_001' },
  sessionRequest: { amount: createMoney(1000, 'USD') },
  baseUrl: PAYPAL_BASE_URLS.sandbox,
  clock: frozenClock,
  secretsNeverOnWire: ['probe_client_secret', ACCESS_TOKEN],
  answers: {
    success: { response: paypalFakeAnswers.clientToken(CLIENT_TOKEN), token: CLIENT_TOKEN },
    clientErrors: [
      { response: paypalFakeAnswers.expiredBearer(), code: PAYPAL_ERROR_CODES.INVALID_TOKEN },
      { response: paypalFakeAnswers.restError(401, PAYPAL_ERROR_CODES.AUTHENTICATION_FAILURE, 'Authentication failed', 'dbg401'), code: PAYPAL_ERROR_CODES.AUTHENTICATION_FAILURE },
      { response: paypalFakeAnswers.restError(400, PAYPAL_ERROR_CODES.INVALID_REQUEST, 'Request is not well-formed', 'dbg400', 'MISSING_REQUIRED_PARAMETER'), code: PAYPAL_ERROR_CODES.INVALID_REQUEST },
      { response: { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' }, code: '404' },
    ],
    serverError: paypalFakeAnswers.serverError(503),
    htmlError: paypalFakeAnswers.htmlError(403),
    malformedSuccess: paypalFakeAnswers.malformedJson(),
    emptySuccess: paypalFakeAnswers.emptyBody(),
  },
  accessToken: {
    success: { response: paypalFakeAnswers.accessToken(ACCESS_TOKEN, 32400), token: ACCESS_TOKEN, expiresInSeconds: 32400 },
    invalidClient: { response: paypalFakeAnswers.invalidClient(), code: PAYPAL_ERROR_CODES.INVALID_CLIENT, unifiedCode: 'INVALID_CREDENTIALS' },
  },
});
