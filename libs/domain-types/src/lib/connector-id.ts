/** Connectors this service can open gateway sessions with (snake_case, as upstream's `x-connector`). */
export const CONNECTOR_IDS = ['nuvei', 'paytm'] as const;

/** One of {@link CONNECTOR_IDS}. */
export type ConnectorId = (typeof CONNECTOR_IDS)[number];

/**
 * Narrows a string to a {@link ConnectorId}. Case-sensitive, like upstream's `x-connector` header.
 *
 * @example
 * isConnectorId('nuvei'); // true
 * isConnectorId('Nuvei'); // false
 */
export function isConnectorId(value: string): value is ConnectorId {
  return (CONNECTOR_IDS as readonly string[]).includes(value);
}
