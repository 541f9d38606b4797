import { defineCredentialSchema } from '@prism-sessions/domain-types';
import type { Secret } from '@prism-sessions/masking';

/** Paytm credentials (upstream `PaytmConfig`). `clientId` is only needed for merchants with several keys. */
export interface PaytmCredentials {
  /** Paytm `mid` (config `merchant_id`). */
  readonly merchantId: Secret<string>;
  /** The AES key used to sign requests and to check Paytm's answers (config `merchant_key`); never sent. */
  readonly merchantKey: Secret<string>;
  /** Paytm `websiteName`, e.g. `WEBSTAGING` (config `website`). */
  readonly website: Secret<string>;
  /** Paytm `head.clientId` (config `client_id`); sent as `null` when absent. */
  readonly clientId?: Secret<string>;
}

/**
 * Paytm's entry in `x-connector-config` (`{"config":{"Paytm":{…}}}`): `merchant_id`, `merchant_key`,
 * `website` and optionally `client_id`, parsed and wrapped in `Secret` in one pass. Only the
 * merchant id and website may be shown back as hints; the key never. Upstream's legacy headers are
 * accepted as `SignatureKey` and `MultiAuthKey` (which adds `key2` → `client_id`).
 *
 * @example
 * paytmCredentialSchema.parse({ merchant_id: 'MID', merchant_key: 'abcdefgh12345678', website: 'WEBSTAGING' }).merchantKey.expose();
 */
export const paytmCredentialSchema = defineCredentialSchema(
  'Paytm',
  { merchant_id: { hint: true }, merchant_key: {}, website: { hint: true }, client_id: { optional: true } },
  (v): PaytmCredentials => ({
    merchantId: v.merchant_id,
    merchantKey: v.merchant_key,
    website: v.website,
    // Absent rather than undefined: every present credential field is a Secret.
    ...(v.client_id === undefined ? {} : { clientId: v.client_id }),
  }),
  {
    'signature-key': { api_key: 'merchant_id', key1: 'merchant_key', api_secret: 'website' },
    'multi-auth-key': { api_key: 'merchant_id', key1: 'merchant_key', api_secret: 'website', key2: 'client_id' },
  },
);
