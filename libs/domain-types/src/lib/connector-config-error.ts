/**
 * Why an `x-connector-config` value was refused. Codes follow upstream's header sub-codes (§2.4):
 * - `INVALID_CONNECTOR_CONFIG_JSON`: the header is not JSON.
 * - `INVALID_CONNECTOR_CONFIG_FORMAT`: JSON, but not `{"config":{"<Variant>":{…}}}` with exactly one variant.
 * - `INVALID_CONNECTOR`: the variant is not one of the known connectors (case-sensitive).
 * - `FAILED_TO_OBTAIN_AUTH_TYPE`: a credential field is missing, empty or not a string.
 */
export type ConnectorConfigErrorCode =
  | 'INVALID_CONNECTOR_CONFIG_JSON'
  | 'INVALID_CONNECTOR_CONFIG_FORMAT'
  | 'INVALID_CONNECTOR'
  | 'FAILED_TO_OBTAIN_AUTH_TYPE';

/**
 * A refused connector configuration. `field` names the offending key (e.g. `config.Nuvei.merchant_secret`);
 * the message names fields only, never values (an unknown connector key is not echoed either).
 *
 * @example
 * try {
 *   parseConnectorConfig('{"config":{"Nuvei":{"merchant_id":"m","merchant_site_id":"s"}}}', [nuveiCredentials]);
 * } catch (error) {
 *   if (error instanceof ConnectorConfigError) {
 *     error.code;    // 'FAILED_TO_OBTAIN_AUTH_TYPE'
 *     error.field;   // 'config.Nuvei.merchant_secret'
 *     error.message; // 'Nuvei connector config: config.Nuvei.merchant_secret is missing'
 *   }
 * }
 */
export class ConnectorConfigError extends Error {
  override readonly name = 'ConnectorConfigError';

  constructor(
    /** Machine-readable reason (see {@link ConnectorConfigErrorCode}). */
    readonly code: ConnectorConfigErrorCode,
    /** Dotted path of the offending part: `x-connector-config`, `config`, `config.<Variant>` or `config.<Variant>.<field>`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
