import { Secret } from '@org/masking';
import { z } from 'zod';
import type { ConnectorCredentials } from './connector-credentials';
import type { ConnectorId } from './connector-id';

/**
 * Why an `x-connector-config` value was refused. Codes follow upstream's header sub-codes (§2.4):
 * - `INVALID_CONNECTOR_CONFIG_JSON`: the header is not JSON.
 * - `INVALID_CONNECTOR_CONFIG_FORMAT`: JSON, but not `{"config":{"<Variant>":{…}}}` with exactly one variant.
 * - `INVALID_CONNECTOR`: the variant is not `Nuvei` or `Paytm` (case-sensitive).
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
 *   parseConnectorConfig('{"config":{"Nuvei":{"merchant_id":"m","merchant_site_id":"s"}}}');
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

/** A parsed `x-connector-config`: typed credentials plus upstream's optional per-request `base_url`. */
export interface ConnectorConfig {
  /** The credentials, every value wrapped in a `Secret`. */
  readonly credentials: ConnectorCredentials;
  /** Upstream's per-request gateway URL override; callers must allow-list it before use (SSRF). */
  readonly baseUrl?: string;
}

const secretField = z.string().min(1);
// Optional fields: absent or `null` both mean "none", as upstream's serde `Option<String>` reads them.
const baseUrlField = z.string().min(1).nullish();
const nuveiSchema = z.object({
  merchant_id: secretField,
  merchant_site_id: secretField,
  merchant_secret: secretField,
  base_url: baseUrlField,
});
const paytmSchema = z.object({
  merchant_id: secretField,
  merchant_key: secretField,
  website: secretField,
  client_id: secretField.nullish(),
  base_url: baseUrlField,
});

// PascalCase variant keys, as prost names the `ConnectorSpecificConfig` oneof (upstream §2.2).
const VARIANTS = { Nuvei: 'nuvei', Paytm: 'paytm' } as const satisfies Record<string, ConnectorId>;
type VariantKey = keyof typeof VARIANTS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldError(variant: VariantKey, raw: Record<string, unknown>, issue: z.core.$ZodIssue): ConnectorConfigError {
  const key = issue.path.map(String).join('.');
  const path = `config.${variant}.${key}`;
  // zod 4 issues do not carry the rejected input, so "missing" is decided from the raw object.
  // Only the field's path goes into the error, never its value.
  const what = raw[key] === undefined ? 'is missing' : issue.code === 'too_small' ? 'must not be empty' : 'must be a string';
  return new ConnectorConfigError('FAILED_TO_OBTAIN_AUTH_TYPE', path, `${variant} connector config: ${path} ${what}`);
}

function toCredentials(variant: VariantKey, raw: Record<string, unknown>): ConnectorConfig {
  if (variant === 'Nuvei') {
    const parsed = nuveiSchema.safeParse(raw);
    if (!parsed.success) throw fieldError(variant, raw, parsed.error.issues[0] as z.core.$ZodIssue);
    const { merchant_id, merchant_site_id, merchant_secret, base_url } = parsed.data;
    return {
      credentials: {
        connector: 'nuvei',
        merchantId: new Secret(merchant_id),
        merchantSiteId: new Secret(merchant_site_id),
        merchantSecret: new Secret(merchant_secret),
      },
      ...(base_url == null ? {} : { baseUrl: base_url }),
    };
  }
  const parsed = paytmSchema.safeParse(raw);
  if (!parsed.success) throw fieldError(variant, raw, parsed.error.issues[0] as z.core.$ZodIssue);
  const { merchant_id, merchant_key, website, client_id, base_url } = parsed.data;
  return {
    credentials: {
      connector: 'paytm',
      merchantId: new Secret(merchant_id),
      merchantKey: new Secret(merchant_key),
      website: new Secret(website),
      ...(client_id == null ? {} : { clientId: new Secret(client_id) }),
    },
    ...(base_url == null ? {} : { baseUrl: base_url }),
  };
}

/**
 * Parses upstream's `x-connector-config` header JSON into typed, masked credentials.
 * The deprecated `{"auth_type":{...}}` shape of `x-connector-auth` is accepted too (upstream rewrites it).
 * Secrets are wrapped in {@link Secret} immediately; no error ever echoes a value. Unknown credential
 * fields are ignored; optional fields (`client_id`, `base_url`) may be absent or `null`.
 *
 * @param json - The header value.
 * @throws ConnectorConfigError naming the offending field.
 * @example
 * const { credentials, baseUrl } = parseConnectorConfig(
 *   '{"config":{"Paytm":{"merchant_id":"mid","merchant_key":"key","website":"WEBSTAGING"}}}',
 * );
 * credentials.connector;              // 'paytm'
 * JSON.stringify(credentials);        // '{"connector":"paytm","merchantId":"*** Secret ***",…}'
 * if (credentials.connector === 'paytm') credentials.merchantKey.expose(); // 'key'
 * baseUrl;                            // undefined
 */
export function parseConnectorConfig(json: string): ConnectorConfig {
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
  if (keys.length !== 1) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', 'config', 'config must hold exactly one connector, e.g. {"Nuvei":{...}}');
  }
  const variant = keys[0] as string;
  if (!Object.hasOwn(VARIANTS, variant)) {
    // The key is caller-controlled (a secret pasted in the wrong place must not leak), so it is only
    // echoed when it is one of ours in the wrong case, e.g. "nuvei" for "Nuvei".
    const known = (Object.keys(VARIANTS) as VariantKey[]).find((name) => name.toLowerCase() === variant.toLowerCase());
    throw known === undefined
      ? new ConnectorConfigError('INVALID_CONNECTOR', 'config', 'config names an unsupported connector; expected "Nuvei" or "Paytm"')
      : new ConnectorConfigError('INVALID_CONNECTOR', `config.${variant}`, `config names an unsupported connector; variant keys are PascalCase: use "${known}"`);
  }
  const body = config[variant];
  if (!isRecord(body)) {
    throw new ConnectorConfigError('INVALID_CONNECTOR_CONFIG_FORMAT', `config.${variant}`, `config.${variant} must be an object`);
  }
  return toCredentials(variant as VariantKey, body);
}
