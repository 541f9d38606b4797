import { createApplePayFakeGateway, startFakeGatewayServer, type ApplePayFakeGateway, type ApplePayFakeMerchant, type FakeGatewayServer } from '@prism-sessions/testing-fake-gateway';
import { APPLE_PAY_TEST_MERCHANT_IDENTIFIER, applePayTestCertificateAuthority } from './apple-pay-test-identity';

/** The connector id the fake Apple Pay is served under (`https://127.0.0.1:<port>/apple_pay/`). */
export const APPLE_PAY_FAKE_ID = 'apple_pay';

/** A running fake Apple Pay (mutual TLS) for integration tests. */
export interface ApplePayTestServer {
  /** The HTTP server (control endpoint, faults via `setFault('apple_pay', …)`, request log). */
  readonly server: FakeGatewayServer;
  readonly fake: ApplePayFakeGateway;
  /** What to give `APPLE_PAY_BASE_URL` / the client's `baseUrl` (ends with `/`). */
  readonly baseUrl: string;
  /** The CA of the fake's server certificate (the client's `caPem` / `APPLE_PAY_CA_FILE`). */
  readonly caPem: string;
  stop(): Promise<void>;
}

/**
 * Starts Apple's merchant validation endpoint, faked, on 127.0.0.1 over HTTPS with a required client
 * certificate from the shared test CA (the one `createApplePayTestIdentity` issues from). Knows
 * {@link APPLE_PAY_TEST_MERCHANT_IDENTIFIER} unless `merchants` says otherwise.
 */
export async function startApplePayTestServer(options: { merchants?: readonly ApplePayFakeMerchant[] } = {}): Promise<ApplePayTestServer> {
  const authority = applePayTestCertificateAuthority();
  const serverCertificate = authority.issueServerCertificate();
  const fake = createApplePayFakeGateway({ merchants: options.merchants ?? [{ merchantIdentifier: APPLE_PAY_TEST_MERCHANT_IDENTIFIER }] });
  const server = await startFakeGatewayServer({
    mutualTls: { serverCertificatePem: serverCertificate.certificatePem, serverPrivateKeyPem: serverCertificate.privateKeyPem, clientCaPem: authority.certificatePem, gateways: { [APPLE_PAY_FAKE_ID]: fake } },
    onReset: () => fake.reset(),
  });
  return { server, fake, baseUrl: `${server.baseUrl(APPLE_PAY_FAKE_ID)}/`, caPem: authority.certificatePem, stop: () => server.stop() };
}
