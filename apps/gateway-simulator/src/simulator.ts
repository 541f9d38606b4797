import type { Clock } from '@prism-sessions/connector-interfaces';
import { createNuveiFakeGateway, type NuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { createPaytmFakeGateway, type PaytmFakeGateway } from '@prism-sessions/connectors-paytm/testing';
import { createPaypalFakeGateway, type PaypalFakeGateway } from '@prism-sessions/connectors-paypal/testing';
import { startFakeGatewayServer, type FakeGatewayServer } from '@prism-sessions/testing-fake-gateway';
import { DEMO_NUVEI_MERCHANT, DEMO_PAYPAL_MERCHANT, DEMO_PAYTM_MERCHANT } from './demo-credentials';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Port to listen on (default 0: a free port). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** The gateways' clock (default: system clock); share a `FixedClock` with the API to test token expiry. */
  readonly clock?: Clock;
}

/** A running simulator: the HTTP server and the fake gateways behind it. */
export interface Simulator {
  readonly server: FakeGatewayServer;
  readonly nuvei: NuveiFakeGateway;
  readonly paytm: PaytmFakeGateway;
  /** PayPal: `POST /v1/oauth2/token` (HTTP Basic) and `POST /v1/identity/generate-token` (bearer, expiring). */
  readonly paypal: PaypalFakeGateway;
  /** Stops the server (open sockets included). Idempotent. */
  stop(): Promise<void>;
}

/** How many requests each fake gateway keeps in its own `requests` list during long runs (benchmarks). */
export const GATEWAY_REQUEST_HISTORY = 1000;
const TRIM_INTERVAL_MS = 5000;

/**
 * Starts the Nuvei, Paytm and PayPal fake gateways, with the demo merchants, behind one HTTP server with
 * the control endpoint. `POST /__control/reset` also forgets the gateways' issued tokens.
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
  const server = await startFakeGatewayServer({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    gateways: { nuvei, paytm, paypal },
    onReset: () => {
      nuvei.reset();
      paytm.reset();
      paypal.reset();
    },
  });
  // The fakes record every request without limit; keep memory flat under benchmark load.
  const trim = setInterval(() => {
    for (const list of [nuvei.requests, paytm.requests, paypal.requests]) {
      if (list.length > GATEWAY_REQUEST_HISTORY) list.splice(0, list.length - GATEWAY_REQUEST_HISTORY);
    }
  }, TRIM_INTERVAL_MS);
  trim.unref();

  return {
    server,
    nuvei,
    paytm,
    paypal,
    stop: () => {
      clearInterval(trim);
      return server.stop();
    },
  };
}
