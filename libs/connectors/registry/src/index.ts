import type { ConnectorDefinition } from '@prism-sessions/connector-interfaces';
import { nuveiConnector } from '@prism-sessions/connectors-nuvei';
import { paytmConnector } from '@prism-sessions/connectors-paytm';
import { paypalConnector } from '@prism-sessions/connectors-paypal';

/**
 * Every connector this product ships, in display order. Applications derive everything per
 * connector from this list (GraphQL enum, database mapping, `<ID>_BASE_URL` overrides, encryption
 * AAD names, key rotation): adding a connector is one line here, plus its library, its tsconfig
 * path alias and a migration adding its id to the database enum.
 */
export const CONNECTORS = [nuveiConnector, paytmConnector, paypalConnector] as const satisfies readonly ConnectorDefinition<unknown, string>[];

/** One registered connector's definition. */
export type RegisteredConnectorDefinition = (typeof CONNECTORS)[number];

/** The id of a registered connector (`'nuvei' | 'paytm' | …`). */
export type ConnectorId = RegisteredConnectorDefinition['id'];
