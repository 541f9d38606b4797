export { describeConnectorConformance } from './conformance-suite';
export type { ConformanceFixtures } from './conformance-suite';
export { matchRoute, respondWithRoutes } from './fake-gateway';
export type { FakeGateway, FakeGatewayRequest, FakeGatewayResponse, FakeGatewayRoute } from './fake-gateway';
export { FixedClock } from './fixed-clock';
export { RecordingTransport, jsonResponse } from './recording-transport';
export type { RecordedRequest, Responder } from './recording-transport';
