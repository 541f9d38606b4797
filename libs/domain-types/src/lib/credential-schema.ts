import { Secret } from '@prism-sessions/masking';
import { z } from 'zod';
import { ConnectorConfigError } from './connector-config-error';

/** How one credential field is read. Every credential field is a non-empty string. */
export interface CredentialField {
  /** Absent or `null` means "none" (upstream's serde `Option<String>`). */
  readonly optional?: boolean;
  /** Safe to show back to its owner as a hint (e.g. a merchant id); never set on keys or secrets. */
  readonly hint?: boolean;
}

/**
 * Upstream's legacy header auth (`x-auth: <type>` plus `x-api-key`, `x-key1`, `x-key2`, `x-api-secret`),
 * declared per connector: for each `x-auth` type the connector accepts, which legacy key fills which
 * credential field. Keys are `api_key`, `key1`, `key2`, `api_secret`.
 * @example { 'signature-key': { api_key: 'merchant_id', key1: 'merchant_site_id', api_secret: 'merchant_secret' } }
 */
export type LegacyAuthMapping = Readonly<Record<string, Readonly<Partial<Record<LegacyAuthKey, string>>>>>;

/** The legacy key headers, by their `ConnectorAuthType` field name. */
export type LegacyAuthKey = 'api_key' | 'key1' | 'key2' | 'api_secret';

/** A connector's credential fields by their `x-connector-config` name, in wire order. */
export type CredentialFields = Readonly<Record<string, CredentialField>>;

type RequiredKeys<F extends CredentialFields> = { [K in keyof F]: F[K] extends { readonly optional: true } ? never : K }[keyof F];
type OptionalKeys<F extends CredentialFields> = Exclude<keyof F, RequiredKeys<F>>;

/** The parsed fields, each wrapped in a {@link Secret}; optional ones may be absent. */
export type CredentialValues<F extends CredentialFields> = { readonly [K in RequiredKeys<F>]: Secret<string> } & {
  readonly [K in OptionalKeys<F>]?: Secret<string>;
};

/**
 * A connector's credentials as they appear in `x-connector-config` under `configKey`, and how they
 * become its typed credentials: parsed and wrapped in {@link Secret} in one pass.
 */
export interface CredentialSchema<C> {
  /** The PascalCase variant key in `{"config":{"<configKey>":{…}}}`, e.g. `"Nuvei"`. */
  readonly configKey: string;
  /** The declared fields (their names are the JSON keys). */
  readonly fields: CredentialFields;
  /** The legacy `x-auth` header types the connector accepts (upstream `ConnectorAuthType` mapping); empty when none. */
  readonly legacyAuth: LegacyAuthMapping;
  /**
   * Reads the object under `config.<configKey>`. Unknown keys are ignored.
   * @throws ConnectorConfigError `FAILED_TO_OBTAIN_AUTH_TYPE` naming the field (`config.<configKey>.<field>`), never its value.
   */
  parse(raw: Readonly<Record<string, unknown>>): C;
  /** The fields declared `hint`, as given, from an object `parse` accepted. Everything else is left out. */
  hints(raw: Readonly<Record<string, unknown>>): Readonly<Record<string, string>>;
}

function fieldError(configKey: string, raw: Readonly<Record<string, unknown>>, issue: z.core.$ZodIssue): ConnectorConfigError {
  const key = issue.path.map(String).join('.');
  const path = `config.${configKey}.${key}`;
  // zod 4 issues do not carry the rejected input, so "missing" is decided from the raw object.
  const what = raw[key] === undefined ? 'is missing' : issue.code === 'too_small' ? 'must not be empty' : 'must be a string';
  return new ConnectorConfigError('FAILED_TO_OBTAIN_AUTH_TYPE', path, `${configKey} connector config: ${path} ${what}`);
}

/**
 * Declares a connector's credentials.
 *
 * @param configKey - The variant key in `x-connector-config` (PascalCase, e.g. `"Nuvei"`).
 * @param fields - The JSON fields, in order; the first invalid one is the one reported.
 * @param build - Turns the wrapped values into the connector's credential type.
 * @param legacyAuth - Upstream's legacy header auth types this connector accepts, and their field mapping.
 * @example
 * const acmeCredentials = defineCredentialSchema(
 *   'Acme',
 *   { merchant_id: { hint: true }, api_key: {}, client_id: { optional: true } },
 *   (v) => ({ merchantId: v.merchant_id, apiKey: v.api_key, clientId: v.client_id }),
 * );
 * acmeCredentials.parse({ merchant_id: 'm', api_key: 'k' }).apiKey.expose(); // 'k'
 */
export function defineCredentialSchema<const F extends CredentialFields, C>(
  configKey: string,
  fields: F,
  build: (values: CredentialValues<F>) => C,
  legacyAuth: { readonly [type: string]: { readonly [K in LegacyAuthKey]?: keyof F & string } } = {},
): CredentialSchema<C> {
  const secretField = z.string().min(1);
  const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.optional ? secretField.nullish() : secretField]));
  const schema = z.object(shape);
  const hintNames = Object.entries(fields).filter(([, field]) => field.hint === true).map(([name]) => name);
  return Object.freeze({
    configKey,
    fields,
    legacyAuth,
    parse(raw: Readonly<Record<string, unknown>>): C {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw fieldError(configKey, raw, parsed.error.issues[0] as z.core.$ZodIssue);
      const values: Record<string, Secret<string>> = {};
      for (const [name, value] of Object.entries(parsed.data)) {
        if (typeof value === 'string') values[name] = new Secret(value);
      }
      return build(values as CredentialValues<F>);
    },
    hints(raw: Readonly<Record<string, unknown>>): Readonly<Record<string, string>> {
      return Object.fromEntries(hintNames.flatMap((name) => (typeof raw[name] === 'string' ? [[name, raw[name] as string]] : [])));
    },
  });
}
