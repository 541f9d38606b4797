import type { Clock } from '@prism-sessions/connector-interfaces';
import type { ConformanceFixtures } from '@prism-sessions/connector-interfaces/testing';
import { NUVEI_BASE_URLS } from '../lib/nuvei.constants';
import { nuveiFakeAnswers } from './nuvei.fake-answers';

/** The instant every Nuvei fixture is frozen at. */
export const NUVEI_FIXTURE_INSTANT = '2025-01-01T12:00:00Z';

// Same behaviour as FixedClock(NUVEI_FIXTURE_INSTANT) without loading '@prism-sessions/connector-interfaces/testing'
// at runtime: its index pulls in '@jest/globals', which throws outside a Jest test environment.
const frozenClock: Clock = Object.freeze({ now: () => new Date(NUVEI_FIXTURE_INSTANT) });

const FIXTURE_TOKEN = 'f1x7ure-5e55-4a0e-9b1d-70ken0000001';

/** Inputs and canned answers for `describeConnectorConformance(nuveiConnector, nuveiConformanceFixtures)`. */
export const nuveiConformanceFixtures: ConformanceFixtures = Object.freeze<ConformanceFixtures>({
  credentials: { merchant_id: 'probe_merchant', merchant_site_id: 'probe_id', merchant_secret: 'probe_secret' },
  flowData: { merchantId: 'merchant_probe', connectorRequestReferenceId: 'session_001', testMode: true },
  sessionRequest: { amount: { minorAmount: 1000n, currency: 'USD' } },
  baseUrl: NUVEI_BASE_URLS.sandbox,
  clock: frozenClock,
  secretsNeverOnWire: ['probe_secret'],
  answers: {
    success: { response: nuveiFakeAnswers.sessionSuccess(FIXTURE_TOKEN, 'session_001'), token: FIXTURE_TOKEN },
    decline: { response: nuveiFakeAnswers.statusError(1001, 'Invalid checksum'), code: '1001' },
    clientErrors: [
      { response: nuveiFakeAnswers.clientErrorNumericCode(400), code: '1022' },
      { response: nuveiFakeAnswers.clientErrorStringCode(400), code: '1001' },
    ],
    serverError: nuveiFakeAnswers.serverError(502),
    htmlError: nuveiFakeAnswers.htmlError(403),
    malformedSuccess: nuveiFakeAnswers.malformedJson(),
    emptySuccess: nuveiFakeAnswers.emptyBody(),
  },
});
