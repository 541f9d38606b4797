import type { Secret } from '@org/masking';
import type { AttemptStatus } from './attempt-status';
import type { BrowserInformation } from './browser-information';
import type { Money } from './money';

/** Card details; every field stays wrapped until the connector writes the wire body. */
export interface CardPaymentMethod {
  readonly type: 'card';
  readonly cardNumber: Secret<string>;
  readonly expiryMonth: Secret<string>;
  readonly expiryYear: Secret<string>;
  readonly cvc: Secret<string>;
  readonly holderName?: Secret<string>;
}

/** UPI intent / QR: the customer approves in their UPI app. */
export interface UpiIntentPaymentMethod {
  readonly type: 'upi_intent';
}

/** UPI collect: a request is pushed to the customer's VPA (`name@bank`). */
export interface UpiCollectPaymentMethod {
  readonly type: 'upi_collect';
  readonly vpa: Secret<string>;
}

/** Payment methods the authorize flows of our connectors understand. */
export type PaymentMethodData = CardPaymentMethod | UpiIntentPaymentMethod | UpiCollectPaymentMethod;

/** Billing details; personal data stays wrapped. */
export interface BillingDetails {
  readonly email?: Secret<string>;
  readonly firstName?: Secret<string>;
  readonly lastName?: Secret<string>;
  readonly phone?: Secret<string>;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

/** Input of an authorize call that spends a gateway session token (upstream `PaymentsAuthorizeData`, reduced). */
export interface AuthorizeRequestData {
  readonly amount: Money;
  /** The token from the session-token flow (Nuvei `sessionToken`, Paytm `txnToken`). */
  readonly sessionToken?: Secret<string>;
  readonly paymentMethod: PaymentMethodData;
  readonly captureMethod: 'automatic' | 'manual';
  readonly browserInfo?: BrowserInformation;
  readonly billing?: BillingDetails;
  readonly returnUrl?: string;
  readonly description?: string;
}

/** Output of an authorize call. */
export interface AuthorizeResponseData {
  readonly status: AttemptStatus;
  readonly connectorTransactionId?: string;
  /** Where to send the customer next (3DS page, `upi://` deep link). */
  readonly redirectUrl?: Secret<string>;
}
