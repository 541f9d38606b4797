import type { Secret } from '@org/masking';

/** Nuvei credentials (upstream `NuveiConfig`). Every field is a secret. */
export interface NuveiCredentials {
  /** Discriminant. */
  readonly connector: 'nuvei';
  /** Nuvei `merchantId` (config `merchant_id`). */
  readonly merchantId: Secret<string>;
  /** Nuvei `merchantSiteId` (config `merchant_site_id`). */
  readonly merchantSiteId: Secret<string>;
  /** The secret key that ends every checksum (config `merchant_secret`); never sent. */
  readonly merchantSecret: Secret<string>;
}

/** Paytm credentials (upstream `PaytmConfig`). `clientId` is only needed for merchants with several keys. */
export interface PaytmCredentials {
  /** Discriminant. */
  readonly connector: 'paytm';
  /** Paytm `mid` (config `merchant_id`). */
  readonly merchantId: Secret<string>;
  /** The AES key used to sign requests (config `merchant_key`); never sent. */
  readonly merchantKey: Secret<string>;
  /** Paytm `websiteName`, e.g. `WEBSTAGING` (config `website`). */
  readonly website: Secret<string>;
  /** Paytm `head.clientId` (config `client_id`); sent as `null` when absent. */
  readonly clientId?: Secret<string>;
}

/**
 * The TypeScript form of upstream's `ConnectorSpecificConfig`, narrowed to our connectors.
 * Usually produced by `parseConnectorConfig`; narrow on `connector`.
 *
 * @example
 * if (credentials.connector === 'paytm') credentials.merchantKey.peek();
 */
export type ConnectorCredentials = NuveiCredentials | PaytmCredentials;
