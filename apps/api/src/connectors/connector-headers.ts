/**
 * The connector-selection headers (gRPC metadata) of one request, raw: upstream's `x-connector-config`
 * (wins), the deprecated `x-connector-auth`, and the legacy `x-connector` + `x-auth` + key headers.
 * Parsed and masked by `toCreateSessionCommand`; never logged.
 */
export interface ConnectorHeaders {
  readonly connectorConfig?: string;
  readonly connectorAuth?: string;
  readonly connector?: string;
  /** Legacy `x-auth`: the upstream `ConnectorAuthType` (e.g. `signature-key`). */
  readonly authType?: string;
  readonly apiKey?: string;
  readonly key1?: string;
  readonly key2?: string;
  readonly apiSecret?: string;
}

const HEADER_NAMES: Readonly<Record<keyof ConnectorHeaders, string>> = {
  connectorConfig: 'x-connector-config',
  connectorAuth: 'x-connector-auth',
  connector: 'x-connector',
  authType: 'x-auth',
  apiKey: 'x-api-key',
  key1: 'x-key1',
  key2: 'x-key2',
  apiSecret: 'x-api-secret',
};

/** The header name of each legacy key, by upstream `ConnectorAuthType` field. */
export const LEGACY_KEY_HEADERS = { api_key: 'apiKey', key1: 'key1', key2: 'key2', api_secret: 'apiSecret' } as const;

/** The wire name of a connector header. */
export function connectorHeaderName(key: keyof ConnectorHeaders): string {
  return HEADER_NAMES[key];
}

/** Reads the connector headers through a lookup by lower-case name (HTTP headers or gRPC metadata). */
export function readConnectorHeaders(get: (name: string) => string | undefined): ConnectorHeaders {
  const entries = (Object.keys(HEADER_NAMES) as (keyof ConnectorHeaders)[]).flatMap((key) => {
    const value = get(HEADER_NAMES[key]);
    return value === undefined ? [] : [[key, value] as const];
  });
  return Object.fromEntries(entries) as ConnectorHeaders;
}
