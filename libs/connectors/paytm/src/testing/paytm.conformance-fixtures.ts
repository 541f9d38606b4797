import type { ConformanceFixtures } from '@org/connector-interfaces/testing';
import { FixedClock } from '@org/connector-interfaces/testing';
import { Secret } from '@org/masking';
import { createPaytmConnector } from '../lib/paytm.connector';
import { PAYTM_BASE_URLS } from '../lib/paytm.constants';
import { paytmFakeAnswers } from './paytm.fake-answers';

/** Test-only merchant key of the fixtures (16 bytes: AES-128, like real Paytm keys). */
export const PAYTM_FIXTURE_MERCHANT_KEY = 'abcdefgh12345678';
/** Test-only merchant id of the fixtures. */
export const PAYTM_FIXTURE_MERCHANT_ID = 'probe_merchant';
/** Test-only website of the fixtures. */
export const PAYTM_FIXTURE_WEBSITE = 'WEBSTAGING';
/** Fixed salt (bytes 01 02 03, Base64 `AQID`) so fixture signatures are deterministic. */
export const PAYTM_FIXTURE_SALT: readonly number[] = Object.freeze([1, 2, 3]);
/** The token the fixtures' success answer carries. */
export const PAYTM_FIXTURE_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f1700000000000';

/** A Paytm connector signing with {@link PAYTM_FIXTURE_SALT}: use it with {@link paytmConformanceFixtures}. */
export const paytmConformanceConnector = createPaytmConnector({ saltSource: () => Uint8Array.from(PAYTM_FIXTURE_SALT) });

/** Inputs and canned answers for `describeConnectorConformance` (no secret-looking value is real). */
export const paytmConformanceFixtures: ConformanceFixtures = {
  credentials: {
    connector: 'paytm',
    merchantId: new Secret(PAYTM_FIXTURE_MERCHANT_ID),
    merchantKey: new Secret(PAYTM_FIXTURE_MERCHANT_KEY),
    website: new Secret(PAYTM_FIXTURE_WEBSITE),
  },
  flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: 'order_001', testMode: true },
  sessionRequest: { amount: { minorAmount: 1000n, currency: 'INR' } },
  baseUrl: PAYTM_BASE_URLS.sandbox,
  clock: new FixedClock('2025-01-01T12:00:00Z'),
  secretsNeverOnWire: [PAYTM_FIXTURE_MERCHANT_KEY],
  answers: {
    success: { response: withHeaders(paytmFakeAnswers.success(PAYTM_FIXTURE_TOKEN)), token: PAYTM_FIXTURE_TOKEN },
    decline: { response: withHeaders(paytmFakeAnswers.failure('2005', 'Checksum provided is invalid')), code: '2005' },
    clientErrors: [
      { response: withHeaders(paytmFakeAnswers.clientErrorResultInfo(400)), code: '1001' },
      { response: withHeaders(paytmFakeAnswers.clientErrorCallbackShape(400)), code: '227' },
      { response: withHeaders(paytmFakeAnswers.clientErrorFlatShape(401)), code: '1007' },
    ],
    serverError: withHeaders(paytmFakeAnswers.serverError(503)),
    htmlError: withHeaders(paytmFakeAnswers.htmlError(502)),
    malformedSuccess: withHeaders(paytmFakeAnswers.malformedJson()),
    emptySuccess: withHeaders(paytmFakeAnswers.emptyBody()),
  },
};

function withHeaders(answer: { status: number; headers?: Readonly<Record<string, string>>; body: string }) {
  return { status: answer.status, headers: answer.headers ?? {}, body: answer.body };
}
