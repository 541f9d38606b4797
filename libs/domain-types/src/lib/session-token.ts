import type { Secret } from '@prism-sessions/masking';
import type { BrowserInformation } from './browser-information';
import type { Money } from './money';

/**
 * Per-attempt data shared by every flow (upstream `PaymentFlowData`, reduced to what our flows read).
 */
export interface PaymentFlowData {
  /** Our merchant's id (upstream `x-merchant-id`). */
  readonly merchantId: string;
  /**
   * The reference the gateway sees: Nuvei `clientRequestId`, Paytm `orderId`. Upstream sets it to
   * `merchant_session_id`, or `""` when absent.
   */
  readonly connectorRequestReferenceId: string;
  /** Sandbox (true) or live (false). */
  readonly testMode: boolean;
  /** Opaque connector-specific data the merchant passed through. */
  readonly connectorFeatureData?: Secret<string>;
  /**
   * The connector access token to call with (upstream `PaymentFlowData.access_token`), for connectors
   * whose capabilities say `requiresAccessToken`; obtained by their `accessToken` flow or given by the caller.
   */
  readonly accessToken?: Secret<string>;
  /** Our id of this attempt, for gateways that take an idempotency/request id per call (PayPal `PayPal-Request-Id`). */
  readonly attemptId?: string;
}

/** Input of the session-token flow (upstream `SessionTokenRequestData`). */
export interface SessionTokenRequestData {
  /** Required upstream (`MISSING_AMOUNT`); Nuvei and Paytm sessions do not send it, but it is validated. */
  readonly amount: Money;
  /** Paytm derives `head.channelId` from `osType`. */
  readonly browserInfo?: BrowserInformation;
  /** The gateway's id for the customer (upstream `ConnectorState.connector_customer_id`); PayPal `customer_id`. */
  readonly customerId?: string;
}

/** Output of a successful session-token flow (upstream `SessionTokenResponseData`). */
export interface SessionTokenResponseData {
  /** Nuvei `sessionToken` / Paytm `txnToken` / PayPal `client_token`. A bearer credential: keep it wrapped. */
  readonly sessionToken: Secret<string>;
  /** Lifetime the gateway declared for this token, in seconds, when it declares one (PayPal `expires_in`). */
  readonly expiresInSeconds?: number;
}
