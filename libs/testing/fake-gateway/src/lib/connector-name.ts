/**
 * A connector id the fake server fronts (`nuvei`, `paytm`, …): one URL prefix each, `/<id>/…`.
 * The set is whatever the server was started with (`gateways`).
 */
export type SimulatedConnector = string;

/** Connector ids are lower snake_case, as upstream's `x-connector`. */
export const CONNECTOR_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
