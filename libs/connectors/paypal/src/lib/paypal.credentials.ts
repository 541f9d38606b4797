import { defineCredentialSchema, type CredentialSchema } from '@prism-sessions/domain-types';
import type { Secret } from '@prism-sessions/masking';

/** PayPal REST app credentials, every value wrapped in a `Secret`. */
export interface PaypalCredentials {
  /** The REST app's client id; public (the JS SDK script URL carries it), so declared a `hint`. */
  readonly clientId: Secret<string>;
  /** The REST app's secret; only ever sent inside the Basic authorization of the token call. */
  readonly clientSecret: Secret<string>;
}

/**
 * How PayPal credentials appear in `x-connector-config`:
 * `{"config":{"Paypal":{"client_id":"…","client_secret":"…"}}}`. Parsed and wrapped in one pass.
 * No legacy `x-auth` header form is accepted.
 *
 * @example
 * paypalCredentialSchema.parse({ client_id: 'AbC', client_secret: 'EFg' }).clientSecret.expose(); // 'EFg'
 */
export const paypalCredentialSchema: CredentialSchema<PaypalCredentials> = defineCredentialSchema(
  'Paypal',
  { client_id: { hint: true }, client_secret: {} },
  (values): PaypalCredentials => ({ clientId: values.client_id, clientSecret: values.client_secret }),
);
