import type { ConnectorDefinition } from '@prism-sessions/connector-interfaces';
import type { ConformanceFixtures } from '@prism-sessions/connector-interfaces/testing';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import { createPaytmConnector } from '../lib/paytm.connector';
import type { PaytmCredentials } from '../lib/paytm.credentials';
import { PAYTM_BASE_URLS } from '../lib/paytm.constants';
import { paytmFakeAnswers, type PaytmAnswerSigning } from './paytm.fake-answers';
import { PAYTM_FIXTURE_MERCHANT_ID, PAYTM_FIXTURE_MERCHANT_KEY, PAYTM_FIXTURE_SALT, PAYTM_FIXTURE_TOKEN, PAYTM_FIXTURE_WEBSITE } from './paytm.fixture-values';

export { PAYTM_FIXTURE_MERCHANT_ID, PAYTM_FIXTURE_MERCHANT_KEY, PAYTM_FIXTURE_SALT, PAYTM_FIXTURE_TOKEN, PAYTM_FIXTURE_WEBSITE } from './paytm.fixture-values';

/** A Paytm connector signing with {@link PAYTM_FIXTURE_SALT}: use it with {@link paytmConformanceFixtures}. */
export const paytmConformanceConnector: ConnectorDefinition<PaytmCredentials, 'paytm'> = createPaytmConnector({ randomBytes: () => Uint8Array.from(PAYTM_FIXTURE_SALT) });

// The answers are signed as Paytm signs them, with the fixture merchant's key and the fixed salt.
const signing: PaytmAnswerSigning = { merchantKey: PAYTM_FIXTURE_MERCHANT_KEY, salt: Uint8Array.from(PAYTM_FIXTURE_SALT) };

/** Inputs and canned answers for `describeConnectorConformance` (no secret-looking value is real). */
export const paytmConformanceFixtures: ConformanceFixtures = {
  credentials: { merchant_id: PAYTM_FIXTURE_MERCHANT_ID, merchant_key: PAYTM_FIXTURE_MERCHANT_KEY, website: PAYTM_FIXTURE_WEBSITE },
  flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: 'order_001', testMode: true },
  sessionRequest: { amount: { minorAmount: 1000n, currency: 'INR' } },
  baseUrl: PAYTM_BASE_URLS.sandbox,
  clock: new FixedClock('2025-01-01T12:00:00Z'),
  secretsNeverOnWire: [PAYTM_FIXTURE_MERCHANT_KEY],
  answers: {
    success: { response: withHeaders(paytmFakeAnswers.success(PAYTM_FIXTURE_TOKEN, signing)), token: PAYTM_FIXTURE_TOKEN },
    decline: { response: withHeaders(paytmFakeAnswers.failure('2005', 'Checksum provided is invalid', signing)), code: '2005' },
    clientErrors: [
      { response: withHeaders(paytmFakeAnswers.clientErrorResultInfo(400, signing)), code: '1001' },
      { response: withHeaders(paytmFakeAnswers.clientErrorCallbackShape(400, signing)), code: '227' },
      { response: withHeaders(paytmFakeAnswers.clientErrorFlatShape(401)), code: '1007' },
    ],
    serverError: withHeaders(paytmFakeAnswers.serverError(503, signing)),
    htmlError: withHeaders(paytmFakeAnswers.htmlError(502)),
    malformedSuccess: withHeaders(paytmFakeAnswers.malformedJson()),
    emptySuccess: withHeaders(paytmFakeAnswers.emptyBody()),
  },
};

function withHeaders(answer: { status: number; headers?: Readonly<Record<string, string>>; body: string }) {
  return { status: answer.status, headers: answer.headers ?? {}, body: answer.body };
}
