/**
 * A real HTTP server for integration tests and the gateway simulator: serves the connector fakes'
 * routes (`/<connector id>/…`), records requests, injects faults and exposes `/__control`.
 * Test tooling only; never import it from production code.
 */

/** Starts the fake gateway HTTP server. */
export { startFakeGatewayServer } from './lib/server';
/** Server, options and route-source types. */
export type { FakeGatewayRoutes, FakeGatewayServer, FakeGatewayServerOptions, SetFaultOptions } from './lib/server';
/** Fault kinds injectable per connector. */
export { FAULT_KINDS, MAX_LATENCY_MS } from './lib/fault';
/** A fault to inject. */
export type { Fault } from './lib/fault';
/** The invalid JSON body of a `malformed-json` fault. */
export { MALFORMED_JSON_BODY } from './lib/apply-fault';
/** The request body limit (larger bodies get 413). */
export { MAX_BODY_BYTES } from './lib/read-body';
/** URL prefix of the control endpoint. */
export { CONTROL_PREFIX } from './lib/router';
/** A connector id the server fronts. */
export type { SimulatedConnector } from './lib/connector-name';
/** A recorded request. */
export type { RecordedHttpRequest } from './lib/recorded-request';
/** HTTP client of the control endpoint. */
export { createFakeGatewayControlClient } from './lib/control-client';
/** The control client's interface. */
export type { FakeGatewayControlClient } from './lib/control-client';
