import { Secret } from '@prism-sessions/masking';

/** Google Pay card auth methods (Google Pay API `allowedAuthMethods`). */
export const GOOGLE_PAY_AUTH_METHODS = ['PAN_ONLY', 'CRYPTOGRAM_3DS'] as const;
/** Google Pay card networks (Google Pay API `allowedCardNetworks`). */
export const GOOGLE_PAY_CARD_NETWORKS = ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'] as const;

/** Google Pay configuration of an account (upstream `metadata.google_pay`). Not secret. */
export interface GooglePayConfig {
  readonly merchantName: string;
  /** Google's merchant id; omitted from the token when absent. */
  readonly merchantId?: string;
  /** The gateway's id for the merchant (Nuvei sandbox: `googletest`). */
  readonly gatewayMerchantId: string;
  readonly allowedAuthMethods: readonly string[];
  readonly allowedCardNetworks: readonly string[];
}

/** Apple Pay configuration of an account (upstream `metadata.apple_pay`, manual flow). Certificate and key are secret. */
export interface ApplePayConfig {
  readonly merchantIdentifier: string;
  readonly displayName: string;
  /** Domains registered with Apple; the first is the default `initiativeContext`. */
  readonly domains: readonly string[];
  /** ISO 3166-1 alpha-2; the payment request's country (else the payment's billing country). */
  readonly merchantBusinessCountry?: string;
  readonly certificatePem: Secret<string>;
  readonly privateKeyPem: Secret<string>;
}

/** Every wallet configuration of one account: the one source of truth (sealed whole). */
export interface WalletConfig {
  readonly googlePay?: GooglePayConfig;
  readonly applePay?: ApplePayConfig;
}

/** What may be shown about a wallet configuration: never the certificate or key. */
export interface WalletConfigHints {
  readonly googlePay?: GooglePayConfig;
  readonly applePay?: { readonly merchantIdentifier: string; readonly displayName: string; readonly domains: readonly string[]; readonly merchantBusinessCountry?: string; readonly certificateNotAfter: string };
}

/** The JSON sealed in `connector_accounts.wallet_config_ciphertext`. */
export function serializeWalletConfig(config: WalletConfig): Secret<string> {
  const applePay = config.applePay && { ...config.applePay, certificatePem: config.applePay.certificatePem.expose(), privateKeyPem: config.applePay.privateKeyPem.expose() };
  return new Secret(JSON.stringify({ ...(config.googlePay ? { googlePay: config.googlePay } : {}), ...(applePay ? { applePay } : {}) }));
}

/** Reads the sealed JSON back (it was validated when stored). */
export function parseWalletConfig(json: Secret<string>): WalletConfig {
  const raw = JSON.parse(json.expose()) as { googlePay?: GooglePayConfig; applePay?: Omit<ApplePayConfig, 'certificatePem' | 'privateKeyPem'> & { certificatePem: string; privateKeyPem: string } };
  return {
    ...(raw.googlePay ? { googlePay: raw.googlePay } : {}),
    ...(raw.applePay ? { applePay: { ...raw.applePay, certificatePem: new Secret(raw.applePay.certificatePem), privateKeyPem: new Secret(raw.applePay.privateKeyPem) } } : {}),
  };
}
