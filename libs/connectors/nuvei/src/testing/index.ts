/**
 * Test helpers for the Nuvei connector: an in-process fake gateway, canned answers and the
 * conformance fixtures. For specs, the simulator and integration tests only.
 */
export { createNuveiFakeGateway } from './nuvei.fake-gateway';
export type { NuveiFakeGateway, NuveiFakeGatewayOptions, NuveiFakeMerchant } from './nuvei.fake-gateway';
export { nuveiFakeAnswers, nuveiJsonAnswer } from './nuvei.fake-answers';
export type { NuveiFakeAnswer } from './nuvei.fake-answers';
export { NUVEI_FIXTURE_INSTANT, nuveiConformanceFixtures } from './nuvei.conformance-fixtures';
