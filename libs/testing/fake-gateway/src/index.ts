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
/** The mutual-TLS listener: options, routes and what a route sees. */
export type { ClientCertificate, MutualTlsListenerOptions, MutualTlsRequest, MutualTlsRoute, MutualTlsRoutes } from './lib/mutual-tls';
/** A fake of Apple Pay's merchant validation (`paymentservices/paymentSession`), served over mutual TLS. */
export { APPLE_PAY_PAYMENT_SESSION_PATH, APPLE_PAY_SESSION_LIFETIME_MS, createApplePayFakeGateway } from './lib/apple-pay/apple-pay-fake-gateway';
/** Options and handle of the Apple Pay fake. */
export type { ApplePayFakeGateway, ApplePayFakeGatewayOptions, ApplePayFakeMerchant } from './lib/apple-pay/apple-pay-fake-gateway';
/** A throw-away certificate authority for TLS servers and Apple Pay merchant identities (node-forge, in process). */
export { APPLE_MERCHANT_ID_EXTENSION_OID, UID_OID, createTestCertificateAuthority } from './lib/test-pki/test-certificate-authority';
/** Certificates and options of the test certificate authority. */
export type { CertificateAuthorityOptions, MerchantIdentityOptions, ServerCertificateOptions, TestCertificate, TestCertificateAuthority, ValidityOptions } from './lib/test-pki/test-certificate-authority';
