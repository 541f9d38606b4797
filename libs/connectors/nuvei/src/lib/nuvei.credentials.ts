import { defineCredentialSchema } from '@prism-sessions/domain-types';
import type { Secret } from '@prism-sessions/masking';

/** Nuvei credentials (upstream `NuveiConfig`). Every field is a secret. */
export interface NuveiCredentials {
  /** Nuvei `merchantId` (config `merchant_id`). */
  readonly merchantId: Secret<string>;
  /** Nuvei `merchantSiteId` (config `merchant_site_id`). */
  readonly merchantSiteId: Secret<string>;
  /** The secret key that ends every checksum (config `merchant_secret`); never sent. */
  readonly merchantSecret: Secret<string>;
}

/**
 * Nuvei's entry in `x-connector-config`: `{"config":{"Nuvei":{"merchant_id","merchant_site_id","merchant_secret"}}}`.
 * The two ids are safe to show back to their owner as hints; the secret never is. Upstream's legacy
 * headers are accepted as `SignatureKey` only (`x-auth: signature-key`, router_data.rs).
 */
export const nuveiCredentialSchema = defineCredentialSchema(
  'Nuvei',
  { merchant_id: { hint: true }, merchant_site_id: { hint: true }, merchant_secret: {} },
  (values): NuveiCredentials => ({ merchantId: values.merchant_id, merchantSiteId: values.merchant_site_id, merchantSecret: values.merchant_secret }),
  { 'signature-key': { api_key: 'merchant_id', key1: 'merchant_site_id', api_secret: 'merchant_secret' } },
);
