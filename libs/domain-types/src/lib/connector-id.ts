/**
 * A connector's id: lower snake_case, as upstream's `x-connector` header spells it (e.g. `"nuvei"`).
 * The set of ids is not fixed here: each connector library declares its own, and an application
 * derives its list from the connectors it registers.
 */
export type ConnectorId = string;
