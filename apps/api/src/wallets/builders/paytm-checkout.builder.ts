import { toMajorUnitString } from '@prism-sessions/domain-types';
import type { PaymentSessionService } from '../../payment-sessions/payment-session.service';
import { describeError } from '../../payment-sessions/session-error';
import { omitted, type WalletBuilder, type WalletBuildInput, type WalletBuildOutcome } from '../wallet-builder';

/** What the Paytm checkout builder needs. */
export interface PaytmCheckoutDeps {
  readonly sessions: Pick<PaymentSessionService, 'createSessionToken'>;
  /** The Paytm host the checkout JS is loaded from, for the account's mode. */
  paytmHost(testMode: boolean): string;
}

/**
 * Our `paytm_checkout` extension (seed 003 §11.2, §13.3; never upstream): the `txnToken` a browser
 * needs for Paytm's JS Checkout, minted server-side through the existing session flow as a payment
 * session linked to the payment. The order id is the payment id, so a second request within the
 * token's life replays the stored session (no second Paytm call).
 */
export async function buildPaytmCheckoutToken(deps: PaytmCheckoutDeps, input: WalletBuildInput): Promise<WalletBuildOutcome> {
  const { payment, account } = input;
  const result = await deps.sessions.createSessionToken({
    merchantId: payment.merchantId,
    connector: 'paytm',
    credentials: await input.credentials(),
    connectorAccountId: account.id,
    paymentId: payment.id,
    merchantSessionId: payment.id,
    amount: payment.amount,
    testMode: account.testMode,
  });
  if (!result.token || !result.session.expiresAt) {
    if (!result.error) return omitted('SESSION_NOT_ACTIVE', 'The Paytm session holds no live txnToken');
    return omitted(result.error.unifiedCode, describeError(result.error.unifiedCode).message);
  }
  return {
    ok: true,
    token: {
      wallet_name: 'paytm_checkout',
      mid: account.credentialHints['merchant_id'] ?? null,
      order_id: result.session.merchantSessionId,
      txn_token: result.token.expose(),
      amount: toMajorUnitString(payment.amount),
      host: deps.paytmHost(account.testMode),
      expires_at: result.session.expiresAt.toISOString(),
    },
  };
}

/** The Paytm `paytm_checkout` builder. */
export function paytmCheckoutBuilder(deps: PaytmCheckoutDeps): WalletBuilder {
  return { connector: 'paytm', wallet: 'paytm_checkout', build: (input) => buildPaytmCheckoutToken(deps, input) };
}
