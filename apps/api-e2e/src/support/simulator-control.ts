/** The gateway simulator's `/__control` endpoint, plus per-session request counts. */
import { createFakeGatewayControlClient, type FakeGatewayControlClient, type Fault, type SimulatedConnector } from '@prism-sessions/testing-fake-gateway';

export type { Fault, SimulatedConnector };

export interface SimulatorControl extends FakeGatewayControlClient {
  /** Gateway requests the simulator received for this merchantSessionId (Nuvei clientRequestId / Paytm orderId). */
  requestsFor(connector: SimulatedConnector, merchantSessionId: string): Promise<number>;
}

function isForSession(connector: SimulatedConnector, request: { query: Readonly<Record<string, string>>; body: string }, merchantSessionId: string): boolean {
  if (connector === 'paytm') return request.query['orderId'] === merchantSessionId;
  try {
    return (JSON.parse(request.body) as { clientRequestId?: unknown }).clientRequestId === merchantSessionId;
  } catch {
    return false;
  }
}

export function simulatorControl(simulatorUrl: string): SimulatorControl {
  const client = createFakeGatewayControlClient(simulatorUrl);
  return {
    ...client,
    async requestsFor(connector, merchantSessionId) {
      const requests = await client.requests(connector);
      return requests.filter((request) => isForSession(connector, request, merchantSessionId)).length;
    },
  };
}
