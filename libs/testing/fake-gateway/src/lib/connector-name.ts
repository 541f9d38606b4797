/** The gateways the fake server fronts, one URL prefix each (`/nuvei/…`, `/paytm/…`). */
export const SIMULATED_CONNECTORS = ['nuvei', 'paytm'] as const;

/** One of {@link SIMULATED_CONNECTORS}. */
export type SimulatedConnector = (typeof SIMULATED_CONNECTORS)[number];
