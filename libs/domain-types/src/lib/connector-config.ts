import { z } from 'zod';
import { ConnectorConfigError } from './connector-config-error';
import type { CredentialSchema } from './credential-schema';

/** A parsed `x-connector-config`: which schema matched, typed credentials, and upstream's optional `base_url`. */
export interface ConnectorConfig<S extends CredentialSchema<unknown>> {
  /** The schema whose `configKey` the header named. */
  readonly schema: S;
  /** The credentials, every value wrapped in a `Secret`. */
  readonly credentials: S extends CredentialSchema<infer C> ? C : never;
  /** Upstream's per-request gateway URL override; callers must allow-list it before use (SSRF). */
  readonly baseUrl?: string;
}

// Optional: absent or `null` both mean "none", as upstream's serde `Option<String>` reads it.
const baseUrlSchema = z.object({ base_url: z.string().min(1).nullish() });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function alternatives(keys: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * Parses upstream's `x-connector-config` header JSON into typed, masked credentials, using the
 * credential schemas of the connectors the caller knows. The deprecated `{"auth_type":{...}}` shape
 * of `x-connector-auth` is accepted too (upstream rewrites it). Secrets are wrapped in `Secret`
 * immediately; no error ever echoes a value. Unknown credential fields are ignored.
 *
 * @param json - The header value.
 * @param schemas - One credential schema per known connector.
 * @throws ConnectorConfigError naming the offending field.
 * @example
 * const { schema, credentials, baseUrl } = parseConnectorConfig(
 *   '{"config":{"Acme":{"merchant_id":"mid","api_key":"key"}}}', [acmeCredentials],
 * );
 * schema.configKey;             // 'Acme'
 * JSON.stringify(credentials);  // '{"merchantId":"*** Secret ***","apiKey":"*** Secret ***"}'
 * baseUrl;                      // undefined
 */
export function parseConnectorConfig<S extends CredentialSchema<unknown>>(json: string, schemas: readonly S[]): ConnectorConfig<S> {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_JSON', 'x-connector-config', 'x-connector-config is not valid JSON');
  }
  if (!isRecord(document)) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', 'x-connector-config', 'x-connector-config must be a JSON object');
  }
  const config = document['config'] ?? document['auth_type'];
  if (!isRecord(config)) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', 'config', 'x-connector-config must have a "config" object');
  }
  const keys = Object.keys(config);
  const example = schemas[0]?.configKey ?? 'Connector';
  if (keys.length !== 1) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', 'config', `config must hold exactly one connector, e.g. {"${example}":{...}}`);
  }
  const variant = keys[0] as string;
  const schema = schemas.find((candidate) => candidate.configKey === variant);
  if (schema === undefined) {
    // The key is caller-controlled (a secret pasted in the wrong place must not leak), so it is only
    // echoed when it is one of ours in the wrong case, e.g. "nuvei" for "Nuvei".
    const known = schemas.find((candidate) => candidate.configKey.toLowerCase() === variant.toLowerCase());
    throw known === undefined
      ? new ConnectorConfigError('INVALID_CONNECTOR', 'config', `config names an unsupported connector; expected ${alternatives(schemas.map((s) => s.configKey))}`)
      : new ConnectorConfigError('INVALID_CONNECTOR', `config.${variant}`, `config names an unsupported connector; variant keys are PascalCase: use "${known.configKey}"`);
  }
  const body = config[variant];
  if (!isRecord(body)) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', `config.${variant}`, `config.${variant} must be an object`);
  }
  const credentials = schema.parse(body) as ConnectorConfig<S>['credentials'];
  const parsedBaseUrl = baseUrlSchema.safeParse(body);
  if (!parsedBaseUrl.success) {
    const what = parsedBaseUrl.error.issues[0]?.code === 'too_small' ? 'must not be empty' : 'must be a string';
    throw new ConnectorConfigError('FAILED_TO_OBTAIN_AUTH_TYPE', `config.${variant}.base_url`, `${variant} connector config: config.${variant}.base_url ${what}`);
  }
  const baseUrl = parsedBaseUrl.data.base_url;
  return { schema, credentials, ...(baseUrl == null ? {} : { baseUrl }) };
}
