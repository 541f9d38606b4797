import type { NuveiFakeMerchant } from '@prism-sessions/connectors-nuvei/testing';
import type { PaytmFakeMerchant } from '@prism-sessions/connectors-paytm/testing';
import type { PaypalFakeMerchant } from '@prism-sessions/connectors-paypal/testing';

/**
 * The Nuvei merchant the simulator knows. Fake, public values: they only work against the simulator.
 */
export const DEMO_NUVEI_MERCHANT = Object.freeze({
  merchantId: 'demo_nuvei_merchant',
  merchantSiteId: 'demo_site',
  merchantSecret: 'demo_nuvei_secret',
}) satisfies NuveiFakeMerchant;

/**
 * The Paytm merchant the simulator knows. Fake, public values; the 16-byte key selects AES-128
 * for Paytm signatures.
 */
export const DEMO_PAYTM_MERCHANT = Object.freeze({
  merchantId: 'DEMOMID00000000000001',
  merchantKey: 'demoPaytmKey0001',
  website: 'WEBSTAGING',
}) satisfies Required<PaytmFakeMerchant>;

/** The `x-connector-config` header value for the demo Nuvei merchant (upstream's JSON shape). */
export const DEMO_NUVEI_CONNECTOR_CONFIG = JSON.stringify({
  config: {
    Nuvei: {
      merchant_id: DEMO_NUVEI_MERCHANT.merchantId,
      merchant_site_id: DEMO_NUVEI_MERCHANT.merchantSiteId,
      merchant_secret: DEMO_NUVEI_MERCHANT.merchantSecret,
    },
  },
});

/** The `x-connector-config` header value for the demo Paytm merchant (upstream's JSON shape). */
export const DEMO_PAYTM_CONNECTOR_CONFIG = JSON.stringify({
  config: {
    Paytm: {
      merchant_id: DEMO_PAYTM_MERCHANT.merchantId,
      merchant_key: DEMO_PAYTM_MERCHANT.merchantKey,
      website: DEMO_PAYTM_MERCHANT.website,
    },
  },
});

/**
 * The Apple Pay merchant the simulator's Apple endpoint knows. Its merchant identity certificate is
 * issued at every start by the simulator's own CA (written to the Apple Pay directory it prints).
 */
export const DEMO_APPLE_PAY_MERCHANT = Object.freeze({
  merchantIdentifier: 'merchant.com.prism-sessions.demo',
  displayName: 'Prism Sessions Demo Shop',
  /** Any domain is accepted by the simulator; this is the one the demo account registers. */
  domain: 'localhost',
});

/** The PayPal REST app the simulator knows. Fake, public values: they only work against the simulator. */
export const DEMO_PAYPAL_MERCHANT = Object.freeze({
  clientId: 'demo_paypal_client_id',
  clientSecret: 'demo_paypal_client_secret',
}) satisfies PaypalFakeMerchant;

/** The `x-connector-config` header value for the demo PayPal app. */
export const DEMO_PAYPAL_CONNECTOR_CONFIG = JSON.stringify({
  config: { Paypal: { client_id: DEMO_PAYPAL_MERCHANT.clientId, client_secret: DEMO_PAYPAL_MERCHANT.clientSecret } },
});
