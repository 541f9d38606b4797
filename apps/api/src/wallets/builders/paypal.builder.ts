import type { ConnectorClientTokens } from '../../client-tokens/connector-client-tokens';
import { describeError } from '../../payment-sessions/session-error';
import { omitted, type WalletBuilder, type WalletBuildInput, type WalletBuildOutcome } from '../wallet-builder';

/** The `sdk_next_action` of upstream's PayPal SDK token (seed 003 §5.4: always `post_session_tokens`). */
export const POST_SESSION_TOKENS_NEXT_ACTION = { next_action: 'post_session_tokens' } as const;

/** What the PayPal builder needs: the client-token minter (`app.clientTokens`). */
export type PaypalWalletDeps = { readonly clientTokens: Pick<ConnectorClientTokens, 'mint'> };

/**
 * PayPal `paypal` (seed 003 §5.4, §13.3): `session_token` is the account's PayPal client id, as
 * upstream sends it, and `client_token` a PayPal SDK client token minted through the PayPal
 * connector (generate-token, reusing the account's stored access token) for the payment's customer.
 * Upstream leaves `client_token` null; a failed mint drops the wallet.
 */
export async function buildPaypalToken(deps: PaypalWalletDeps, input: WalletBuildInput): Promise<WalletBuildOutcome> {
  const { payment, account } = input;
  const minted = await deps.clientTokens.mint({
    merchantId: payment.merchantId,
    connectorAccountId: account.id,
    ...(payment.customerId !== null ? { customerId: payment.customerId } : {}),
    ...(input.credentialOverride ? { credentials: input.credentialOverride } : {}),
  });
  switch (minted.kind) {
    case 'minted': {
      const clientId = minted.hints['client_id'];
      if (!clientId) return omitted('PAYPAL_CLIENT_ID_MISSING', 'The PayPal account has no client id');
      return {
        ok: true,
        token: {
          wallet_name: 'paypal',
          connector: account.connector,
          session_token: clientId,
          sdk_next_action: POST_SESSION_TOKENS_NEXT_ACTION,
          client_token: minted.clientToken.expose(),
          transaction_info: null,
        },
      };
    }
    case 'gateway_error':
      return omitted(minted.error.unifiedCode, describeError(minted.error.unifiedCode).message);
    case 'account_not_found':
      return omitted('CONNECTOR_ACCOUNT_NOT_FOUND', 'The connector account was deleted while the request ran');
    case 'account_disabled':
      return omitted('CONNECTOR_ACCOUNT_DISABLED', 'The connector account was disabled while the request ran');
    case 'not_supported':
      return omitted('WALLET_NOT_SUPPORTED', `${minted.connector} issues no PayPal client tokens`);
  }
}

/** The PayPal `paypal` builder. */
export function paypalBuilder(deps: PaypalWalletDeps): WalletBuilder {
  return { connector: 'paypal', wallet: 'paypal', build: (input) => buildPaypalToken(deps, input) };
}
