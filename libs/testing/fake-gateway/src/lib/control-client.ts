import type { SimulatedConnector } from './connector-name';
import type { Fault } from './fault';
import type { RecordedHttpRequest } from './recorded-request';
import { CONTROL_PREFIX } from './router';
import type { SetFaultOptions } from './server';

/** Drives a fake gateway server's `/__control` endpoint over HTTP, e.g. a simulator in another process. */
export interface FakeGatewayControlClient {
  health(): Promise<boolean>;
  requests(connector?: SimulatedConnector): Promise<RecordedHttpRequest[]>;
  setFault(connector: SimulatedConnector, fault: Fault, options?: SetFaultOptions): Promise<void>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
}

async function expectStatus(response: Response, expected: number): Promise<void> {
  if (response.status !== expected) {
    throw new Error(`Fake gateway control call failed: HTTP ${response.status} ${await response.text()}`);
  }
}

/**
 * A client for the control endpoint of the server at `url` (its root URL, e.g. `http://127.0.0.1:4010`).
 *
 * @example
 * const control = createFakeGatewayControlClient('http://127.0.0.1:4010');
 * await control.setFault('paytm', { kind: 'timeout' }, { times: 1 });
 */
export function createFakeGatewayControlClient(url: string): FakeGatewayControlClient {
  const base = `${url.replace(/\/+$/, '')}${CONTROL_PREFIX}`;
  return {
    async health() {
      const response = await fetch(`${base}/health`);
      await response.body?.cancel();
      return response.status === 200;
    },
    async requests(connector) {
      const response = await fetch(`${base}/requests${connector ? `?connector=${connector}` : ''}`);
      await expectStatus(response, 200);
      const listing = (await response.json()) as { requests: RecordedHttpRequest[] };
      return listing.requests;
    },
    async setFault(connector, fault, options) {
      const body = JSON.stringify({ connector, fault, ...(options?.times === undefined ? {} : { times: options.times }) });
      await expectStatus(await fetch(`${base}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 204);
    },
    async clearFaults() {
      await expectStatus(await fetch(`${base}/faults`, { method: 'DELETE' }), 204);
    },
    async reset() {
      await expectStatus(await fetch(`${base}/reset`, { method: 'POST' }), 204);
    },
  };
}
