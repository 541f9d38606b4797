import type { LegacyAuthKey } from '@prism-sessions/domain-types';
import { InvalidInputError } from '../errors/app-errors';
import { connectorHeaderName, LEGACY_KEY_HEADERS, type ConnectorHeaders } from './connector-headers';
import type { ConnectorId, ConnectorRegistry, ParsedConnectorConfig } from './connector-registry';

/** Every `x-auth` value upstream knows (router_data.rs); others are `INVALID_AUTH_TYPE`. */
const UPSTREAM_AUTH_TYPES = new Set(['header-key', 'body-key', 'signature-key', 'multi-auth-key', 'no-key', 'temporary-auth', 'currency-auth-key']);

/**
 * Upstream's legacy header auth: `x-auth` names a `ConnectorAuthType` and `x-api-key` / `x-key1` /
 * `x-key2` / `x-api-secret` carry its keys. The connector's credential schema declares which types it
 * accepts and which credential field each key fills; the result is parsed by that same schema.
 * @throws InvalidInputError `INVALID_AUTH_TYPE`, `AUTH_CONVERSION_FAILED` or `MISSING_METADATA`, naming the header.
 */
export function parseLegacyAuthHeaders(registry: ConnectorRegistry, connector: ConnectorId, headers: ConnectorHeaders): ParsedConnectorConfig {
  const authType = (headers.authType ?? '').trim();
  if (!UPSTREAM_AUTH_TYPES.has(authType)) throw new InvalidInputError('INVALID_AUTH_TYPE', 'x-auth', 'x-auth is not a known auth type');
  const schema = registry[connector].credentials;
  const mapping = schema.legacyAuth[authType];
  if (mapping === undefined) {
    const accepted = Object.keys(schema.legacyAuth).map((type) => `"${type}"`);
    throw new InvalidInputError('AUTH_CONVERSION_FAILED', 'x-auth', `${schema.configKey} accepts x-auth ${accepted.length > 0 ? accepted.join(' or ') : '(none)'}`);
  }
  const raw: Record<string, string> = {};
  for (const [key, field] of Object.entries(mapping) as [LegacyAuthKey, string][]) {
    const header = LEGACY_KEY_HEADERS[key];
    const value = headers[header];
    if (value === undefined || value === '') {
      throw new InvalidInputError('MISSING_METADATA', connectorHeaderName(header), `Missing ${connectorHeaderName(header)} in request metadata`);
    }
    raw[field] = value;
  }
  return { credentials: { connector, value: schema.parse(raw) } };
}
