import { Secret } from '@prism-sessions/masking';
import { InvalidInputError } from '../errors/app-errors';
import type { ConnectorId } from '../connectors/connector-registry';
import { checkApplePayIdentity } from './apple-pay/apple-pay-identity';
import { GOOGLE_PAY_AUTH_METHODS, GOOGLE_PAY_CARD_NETWORKS, type ApplePayConfig, type GooglePayConfig, type WalletConfig, type WalletConfigHints } from './wallet-config';
import type { ApplePayConfigInput, GooglePayConfigInput, WalletConfigInput } from './wallet-config.input';
import { connectorServesWallet } from './wallet-builders';

/** A validated wallet configuration: what is sealed and what may be shown. */
export interface ValidatedWalletConfig {
  readonly config: WalletConfig;
  readonly hints: WalletConfigHints;
}

const FIELD = 'input.walletConfig';

function googlePayOf(input: GooglePayConfigInput): GooglePayConfig {
  return {
    merchantName: input.merchantName,
    ...(input.merchantId != null ? { merchantId: input.merchantId } : {}),
    gatewayMerchantId: input.gatewayMerchantId,
    allowedAuthMethods: input.allowedAuthMethods ?? [...GOOGLE_PAY_AUTH_METHODS],
    allowedCardNetworks: input.allowedCardNetworks ?? [...GOOGLE_PAY_CARD_NETWORKS],
  };
}

function applePayOf(input: ApplePayConfigInput, now: Date): { config: ApplePayConfig; notAfter: Date } {
  const check = checkApplePayIdentity({ certificatePem: input.certificatePem, privateKeyPem: input.privateKeyPem }, now);
  if (!check.ok) throw new InvalidInputError('INVALID_APPLE_PAY_IDENTITY', `${FIELD}.applePay.${check.field}`, check.message);
  return {
    config: {
      merchantIdentifier: input.merchantIdentifier,
      displayName: input.displayName,
      domains: [...input.domains],
      ...(input.merchantBusinessCountry != null ? { merchantBusinessCountry: input.merchantBusinessCountry } : {}),
      certificatePem: new Secret(input.certificatePem),
      privateKeyPem: new Secret(input.privateKeyPem),
    },
    notAfter: check.notAfter,
  };
}

/**
 * Validates a wallet configuration when the account is saved (upstream discovered a bad Apple Pay
 * certificate only at session time, seed 003 §9 #4): each wallet must be one the connector produces,
 * the Apple Pay certificate must be valid now and match its key. `stored` is the current configuration
 * (on update): a wallet absent from the input keeps its stored value, null removes it.
 * @throws InvalidInputError naming the field; never echoing a value.
 */
export function validateWalletConfig(
  connector: ConnectorId,
  input: WalletConfigInput,
  now: Date,
  stored: { readonly config: WalletConfig; readonly hints: WalletConfigHints } = { config: {}, hints: {} },
): ValidatedWalletConfig {
  if (input.googlePay && !connectorServesWallet(connector, 'google_pay')) {
    throw new InvalidInputError('WALLET_NOT_SUPPORTED', `${FIELD}.googlePay`, `${connector} produces no Google Pay session token`);
  }
  if (input.applePay && !connectorServesWallet(connector, 'apple_pay')) {
    throw new InvalidInputError('WALLET_NOT_SUPPORTED', `${FIELD}.applePay`, `${connector} produces no Apple Pay session token`);
  }
  let config: WalletConfig = { ...stored.config };
  let hints: WalletConfigHints = { ...stored.hints };
  if (input.googlePay === null) {
    const { googlePay: _g, ...rest } = config;
    const { googlePay: _h, ...restHints } = hints;
    config = rest;
    hints = restHints;
  } else if (input.googlePay) {
    const googlePay = googlePayOf(input.googlePay);
    config = { ...config, googlePay };
    hints = { ...hints, googlePay };
  }
  if (input.applePay === null) {
    const { applePay: _a, ...rest } = config;
    const { applePay: _h, ...restHints } = hints;
    config = rest;
    hints = restHints;
  } else if (input.applePay) {
    const { config: applePay, notAfter } = applePayOf(input.applePay, now);
    config = { ...config, applePay };
    hints = {
      ...hints,
      applePay: {
        merchantIdentifier: applePay.merchantIdentifier,
        displayName: applePay.displayName,
        domains: applePay.domains,
        ...(applePay.merchantBusinessCountry ? { merchantBusinessCountry: applePay.merchantBusinessCountry } : {}),
        certificateNotAfter: notAfter.toISOString(),
      },
    };
  }
  return { config, hints };
}
