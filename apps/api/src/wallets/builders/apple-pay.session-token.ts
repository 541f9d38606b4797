import { toMajorUnitString } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../../connectors/connector-registry';
import type { ApplePayMerchantSessionClient, ApplePayMerchantSessionResult } from '../apple-pay/apple-pay-merchant-session';
import type { ApplePayConfig } from '../wallet-config';
import { CONFIRM_NEXT_ACTION, omitted, type ClientContext, type WalletBuilder, type WalletBuildInput, type WalletBuildOutcome } from '../wallet-builder';

/** Apple Pay JS defaults used when the configuration names none. */
export const DEFAULT_APPLE_PAY_CAPABILITIES = ['supports3DS'] as const;
export const DEFAULT_APPLE_PAY_NETWORKS = ['visa', 'masterCard', 'amex', 'discover'] as const;

/**
 * Upstream's rule (seed 003 §5.3): Apple is called only for Safari on the web, or when neither
 * platform header was sent. Other platforms get the token without `session_token_data`.
 */
export function shouldCallApple(client: ClientContext): boolean {
  return (client.platform === 'web' && client.browser === 'Safari') || (client.platform === undefined && client.browser === undefined);
}

const camelToSnake = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Apple's merchant session (camelCase) with upstream's snake_case keys. */
export function toSessionTokenData(session: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(session).map(([key, value]) => [camelToSnake(key), value]));
}

async function requestMerchantSession(client: ApplePayMerchantSessionClient, config: ApplePayConfig, context: ClientContext): Promise<ApplePayMerchantSessionResult> {
  const request = { certificatePem: config.certificatePem, privateKeyPem: config.privateKeyPem, merchantIdentifier: config.merchantIdentifier, displayName: config.displayName };
  const configured = config.domains[0] ?? '';
  const first = await client.requestSession({ ...request, initiativeContext: context.merchantDomain ?? configured });
  // Upstream retries once with the configured domain when the client's domain was refused.
  if (first.ok || context.merchantDomain === undefined || context.merchantDomain === configured) return first;
  return client.requestSession({ ...request, initiativeContext: configured });
}

/**
 * Upstream's Apple Pay session token (`ApplepaySessionTokenResponse`, seed 003 §5.3): the payment
 * request from the configuration, plus Apple's merchant session when {@link shouldCallApple}.
 * A failed Apple call omits the token (upstream `no_session_token_received`).
 */
export async function buildApplePaySessionToken(connector: ConnectorId, apple: ApplePayMerchantSessionClient, input: Pick<WalletBuildInput, 'payment' | 'account' | 'client'>): Promise<WalletBuildOutcome> {
  const config = input.account.walletConfig.applePay;
  if (!config) return omitted('WALLET_NOT_CONFIGURED', 'The connector account serves Apple Pay but has no walletConfig.applePay');
  const country = config.merchantBusinessCountry ?? input.payment.billingCountry;
  if (!country) return omitted('MISSING_COUNTRY_CODE', 'Missing required param: country_code (set walletConfig.applePay.merchantBusinessCountry or the payment’s billingCountry)');
  const paymentRequest = {
    country_code: country,
    currency_code: input.payment.amount.currency,
    total: { label: config.displayName, type: 'final', amount: toMajorUnitString(input.payment.amount) },
    merchant_capabilities: [...DEFAULT_APPLE_PAY_CAPABILITIES],
    supported_networks: [...DEFAULT_APPLE_PAY_NETWORKS],
    merchant_identifier: config.merchantIdentifier,
  };
  let sessionTokenData: Record<string, unknown> | undefined;
  if (shouldCallApple(input.client)) {
    const result = await requestMerchantSession(apple, config, input.client);
    if (!result.ok) return omitted(result.code, result.message);
    sessionTokenData = toSessionTokenData(result.session);
  }
  return {
    ok: true,
    token: {
      wallet_name: 'apple_pay',
      ...(sessionTokenData !== undefined ? { session_token_data: sessionTokenData } : {}),
      payment_request_data: paymentRequest,
      connector,
      delayed_session_token: false,
      sdk_next_action: CONFIRM_NEXT_ACTION,
      connector_reference_id: null,
      connector_sdk_public_key: null,
      connector_merchant_id: null,
    },
  };
}

/** An Apple Pay builder for a connector, calling Apple through the injected client. */
export function applePayBuilder(connector: ConnectorId, apple: ApplePayMerchantSessionClient): WalletBuilder {
  return { connector, wallet: 'apple_pay', build: (input) => buildApplePaySessionToken(connector, apple, input) };
}
