import type { Secret } from '@org/masking';

/** Nuvei credentials (upstream `NuveiConfig`). Every field is a secret. */
export interface NuveiCredentials {
  readonly connector: 'nuvei';
  readonly merchantId: Secret<string>;
  readonly merchantSiteId: Secret<string>;
  readonly merchantSecret: Secret<string>;
}

/** Paytm credentials (upstream `PaytmConfig`). `clientId` is only needed for merchants with several keys. */
export interface PaytmCredentials {
  readonly connector: 'paytm';
  readonly merchantId: Secret<string>;
  readonly merchantKey: Secret<string>;
  readonly website: Secret<string>;
  readonly clientId?: Secret<string>;
}

/** The TypeScript form of upstream's `ConnectorSpecificConfig`, narrowed to our connectors. */
export type ConnectorCredentials = NuveiCredentials | PaytmCredentials;
