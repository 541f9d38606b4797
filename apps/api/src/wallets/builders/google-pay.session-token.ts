import { toMajorUnitString } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../../connectors/connector-registry';
import { CONFIRM_NEXT_ACTION, omitted, type WalletBuilder, type WalletBuildInput, type WalletBuildOutcome } from '../wallet-builder';

/** Upstream's default `transaction_info.country_code` when the payment has no billing country. */
export const DEFAULT_GOOGLE_PAY_COUNTRY = 'US';

/**
 * Upstream's Google Pay session token (`GooglePaySessionResponse`, seed 003 §5.2 / §7), built from the
 * account's configuration without any gateway call. Key order follows upstream's JSON.
 */
export function buildGooglePaySessionToken(connector: ConnectorId, gateway: string, input: Pick<WalletBuildInput, 'payment' | 'account'>): WalletBuildOutcome {
  const config = input.account.walletConfig.googlePay;
  if (!config) return omitted('WALLET_NOT_CONFIGURED', 'The connector account serves Google Pay but has no walletConfig.googlePay');
  const { payment } = input;
  return {
    ok: true,
    token: {
      wallet_name: 'google_pay',
      merchant_info: { ...(config.merchantId !== undefined ? { merchant_id: config.merchantId } : {}), merchant_name: config.merchantName },
      shipping_address_required: false,
      email_required: false,
      shipping_address_parameters: { phone_number_required: false },
      allowed_payment_methods: [
        {
          type: 'CARD',
          parameters: { allowed_auth_methods: [...config.allowedAuthMethods], allowed_card_networks: [...config.allowedCardNetworks], billing_address_required: false },
          tokenization_specification: { type: 'PAYMENT_GATEWAY', parameters: { gateway, gateway_merchant_id: config.gatewayMerchantId } },
        },
      ],
      transaction_info: {
        country_code: payment.billingCountry ?? DEFAULT_GOOGLE_PAY_COUNTRY,
        currency_code: payment.amount.currency,
        total_price_status: 'Final',
        total_price: toMajorUnitString(payment.amount),
      },
      delayed_session_token: false,
      connector,
      sdk_next_action: CONFIRM_NEXT_ACTION,
      secrets: null,
    },
  };
}

/** A Google Pay builder for a connector and its Google Pay `gateway` name. */
export function googlePayBuilder(connector: ConnectorId, gateway: string): WalletBuilder {
  return { connector, wallet: 'google_pay', build: (input) => Promise.resolve(buildGooglePaySessionToken(connector, gateway, input)) };
}
