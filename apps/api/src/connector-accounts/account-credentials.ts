import { ConnectorConfigError } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import type { ConnectorId, ConnectorRegistry, ParsedCredentials } from '../connectors/connector-registry';
import { InvalidInputError } from '../errors/app-errors';

/** Largest credential object accepted (serialised), far above any connector's needs. */
export const MAX_CREDENTIALS_BYTES = 4096;

/** Credentials accepted for an account: what is sealed, what may be shown, and the parsed form. */
export interface ValidatedCredentials {
  /** The declared fields only, as JSON: the plaintext that is sealed. */
  readonly sealedJson: Secret<string>;
  /** The fields the connector declares `hint`. */
  readonly hints: Readonly<Record<string, string>>;
  readonly parsed: ParsedCredentials;
}

/** Per-request credentials (`merchant_connector_details`): parsed, with their safe hints (PayPal `client_id`). */
export interface CredentialOverride extends ParsedCredentials {
  readonly hints: Readonly<Record<string, string>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates an account's `credentials` (the connector's `x-connector-config` entry) with the
 * connector's own schema. Errors name `<field>.<credential field>`; values are never echoed.
 * @throws InvalidInputError
 */
export function validateAccountCredentials(registry: ConnectorRegistry, connector: ConnectorId, raw: unknown, field = 'input.credentials'): ValidatedCredentials {
  const schema = registry[connector].credentials;
  const declared = Object.keys(schema.fields);
  if (!isRecord(raw)) throw new InvalidInputError('INVALID_CREDENTIALS_FORMAT', field, `${field} must be a JSON object with ${declared.join(', ')}`);
  // A key the connector does not declare is refused (a typo must not be stored); the key itself is
  // caller-controlled text (a secret pasted in the wrong place), so it is not echoed.
  if (Object.keys(raw).some((key) => !declared.includes(key))) {
    throw new InvalidInputError('UNKNOWN_CREDENTIAL_FIELD', field, `${field} has a field ${schema.configKey} does not declare; allowed: ${declared.join(', ')}`);
  }
  let parsed: unknown;
  try {
    parsed = schema.parse(raw);
  } catch (error) {
    if (error instanceof ConnectorConfigError) {
      const name = error.field.split('.').slice(2).join('.');
      const path = name === '' ? field : `${field}.${name}`;
      throw new InvalidInputError(error.code, path, error.message.replace(error.field, path));
    }
    throw error;
  }
  const kept = Object.fromEntries(declared.flatMap((key) => (typeof raw[key] === 'string' ? [[key, raw[key]]] : [])));
  const sealedJson = new Secret(JSON.stringify(kept));
  if (Buffer.byteLength(sealedJson.expose(), 'utf8') > MAX_CREDENTIALS_BYTES) {
    throw new InvalidInputError('CREDENTIALS_TOO_LARGE', field, `${field} must be at most ${MAX_CREDENTIALS_BYTES} bytes`);
  }
  return { sealedJson, hints: schema.hints(raw), parsed: { connector, value: parsed } };
}

/** Parses credentials opened from the database (validated when they were stored). */
export function parseStoredCredentials(registry: ConnectorRegistry, connector: ConnectorId, json: string): ParsedCredentials {
  return { connector, value: registry[connector].credentials.parse(JSON.parse(json) as Record<string, unknown>) };
}
