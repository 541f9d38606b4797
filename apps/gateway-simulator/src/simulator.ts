import type { Clock } from '@prism-sessions/connector-interfaces';
import { createNuveiFakeGateway, type NuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { createPaytmFakeGateway, type PaytmFakeGateway } from '@prism-sessions/connectors-paytm/testing';
import { createPaypalFakeGateway, type PaypalFakeGateway } from '@prism-sessions/connectors-paypal/testing';
import {
  createApplePayFakeGateway,
  createTestCertificateAuthority,
  startFakeGatewayServer,
  type ApplePayFakeGateway,
  type FakeGatewayServer,
  type TestCertificate,
} from '@prism-sessions/testing-fake-gateway';
import { DEMO_APPLE_PAY_MERCHANT, DEMO_NUVEI_MERCHANT, DEMO_PAYPAL_MERCHANT, DEMO_PAYTM_MERCHANT } from './demo-credentials';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Port to listen on (default 0: a free port). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** The gateways' clock (default: system clock); share a `FixedClock` with the API to test token expiry. */
  readonly clock?: Clock;
  /** Port of the Apple Pay HTTPS (mutual TLS) listener (default 0: a free port). */
  readonly applePayPort?: number;
}

/** The id the Apple Pay endpoint is served under: `https://<host>:<applePayPort>/apple_pay/`. */
export const APPLE_PAY_ID = 'apple_pay';

/** The emulated Apple Pay merchant validation endpoint and the test PKI made for it at start. */
export interface SimulatedApplePay {
  readonly fake: ApplePayFakeGateway;
  /** What the API's `APPLE_PAY_BASE_URL` should be (ends with `/`). */
  readonly baseUrl: string;
  /** The simulator's CA (PEM): it signed the HTTPS server certificate (the API's `APPLE_PAY_CA_FILE`) and the demo merchant identity. */
  readonly caPem: string;
  /** The demo merchant's identity certificate and key (PEM), for a connector account's Apple Pay config. */
  readonly demoIdentity: TestCertificate;
}

/** A running simulator: the HTTP server and the two fake gateways behind it. */
export interface Simulator {
  readonly server: FakeGatewayServer;
  readonly nuvei: NuveiFakeGateway;
  readonly paytm: PaytmFakeGateway;
  /** PayPal: `POST /v1/oauth2/token` (HTTP Basic) and `POST /v1/identity/generate-token` (bearer, expiring). */
  readonly paypal: PaypalFakeGateway;
  readonly applePay: SimulatedApplePay;
  /** Stops the server (open sockets included). Idempotent. */
  stop(): Promise<void>;
}

/** How many requests each fake gateway keeps in its own `requests` list during long runs (benchmarks). */
export const GATEWAY_REQUEST_HISTORY = 1000;
const TRIM_INTERVAL_MS = 5000;

/**
 * Starts the Nuvei, Paytm and PayPal fake gateways, with the demo merchants, behind one HTTP server with
 * the control endpoint, and Apple Pay's merchant validation endpoint on a second, HTTPS listener
 * that requires a client certificate from the simulator's CA (made at start, with the demo merchant
 * identity). `POST /__control/reset` also forgets the gateways' issued tokens.
 *
 * @example
 * const simulator = await startSimulator({ port: 0 });
 * process.env['NUVEI_BASE_URL'] = simulator.server.baseUrl('nuvei');
 * // …
 * await simulator.stop();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock === undefined ? {} : { clock: options.clock };
  const nuvei = createNuveiFakeGateway({ merchants: [DEMO_NUVEI_MERCHANT], ...clock });
  const paytm = createPaytmFakeGateway({ merchants: [DEMO_PAYTM_MERCHANT], ...clock });
  const paypalClock = options.clock;
  const paypal = createPaypalFakeGateway({ merchants: [DEMO_PAYPAL_MERCHANT], ...(paypalClock === undefined ? {} : { now: () => paypalClock.now().getTime() }) });
  // A fresh CA per start (in process, node-forge): it stands in for both Apple's server CA and Apple's WWDR CA.
  const authority = createTestCertificateAuthority({ commonName: 'Gateway simulator Apple Pay CA (test only)' });
  const host = options.host ?? '127.0.0.1';
  const serverCertificate = authority.issueServerCertificate({ hosts: [...new Set([host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, '127.0.0.1', 'localhost'])] });
  const demoIdentity = authority.issueApplePayMerchantIdentity({ merchantIdentifier: DEMO_APPLE_PAY_MERCHANT.merchantIdentifier });
  const applePayFake = createApplePayFakeGateway({ merchants: [{ merchantIdentifier: DEMO_APPLE_PAY_MERCHANT.merchantIdentifier }], ...clock });
  const server = await startFakeGatewayServer({
    port: options.port ?? 0,
    host,
    gateways: { nuvei, paytm, paypal },
    mutualTls: {
      serverCertificatePem: serverCertificate.certificatePem,
      serverPrivateKeyPem: serverCertificate.privateKeyPem,
      clientCaPem: authority.certificatePem,
      port: options.applePayPort ?? 0,
      gateways: { [APPLE_PAY_ID]: applePayFake },
    },
    onReset: () => {
      nuvei.reset();
      paytm.reset();
      paypal.reset();
      applePayFake.reset();
    },
  });
  // The fakes record every request without limit; keep memory flat under benchmark load.
  const trim = setInterval(() => {
    for (const list of [nuvei.requests, paytm.requests, paypal.requests, applePayFake.requests]) {
      if (list.length > GATEWAY_REQUEST_HISTORY) list.splice(0, list.length - GATEWAY_REQUEST_HISTORY);
    }
  }, TRIM_INTERVAL_MS);
  trim.unref();

  return {
    server,
    nuvei,
    paytm,
    paypal,
    applePay: { fake: applePayFake, baseUrl: `${server.baseUrl(APPLE_PAY_ID)}/`, caPem: authority.certificatePem, demoIdentity },
    stop: () => {
      clearInterval(trim);
      return server.stop();
    },
  };
}
