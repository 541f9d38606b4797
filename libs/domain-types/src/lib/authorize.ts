import type { Secret } from '@prism-sessions/masking';
import type { AttemptStatus } from './attempt-status';
import type { BrowserInformation } from './browser-information';
import type { Money } from './money';

/** Card details; every field stays wrapped until the connector writes the wire body. */
export interface CardPaymentMethod {
  /** Discriminant. */
  readonly type: 'card';
  /** PAN, digits only. */
  readonly cardNumber: Secret<string>;
  /** `01`-`12`. */
  readonly expiryMonth: Secret<string>;
  /** Four digits. */
  readonly expiryYear: Secret<string>;
  /** Card verification code; never stored. */
  readonly cvc: Secret<string>;
  /** Name on the card. */
  readonly holderName?: Secret<string>;
}

/** UPI intent / QR: the customer approves in their UPI app. */
export interface UpiIntentPaymentMethod {
  /** Discriminant. */
  readonly type: 'upi_intent';
}

/** UPI collect: a request is pushed to the customer's VPA (`name@bank`). */
export interface UpiCollectPaymentMethod {
  /** Discriminant. */
  readonly type: 'upi_collect';
  /** The customer's virtual payment address, `name@bank`. */
  readonly vpa: Secret<string>;
}

/** Payment methods the authorize flows of our connectors understand. */
export type PaymentMethodData = CardPaymentMethod | UpiIntentPaymentMethod | UpiCollectPaymentMethod;

/** Billing details; personal data stays wrapped. */
export interface BillingDetails {
  /** Billing e-mail address. */
  readonly email?: Secret<string>;
  /** Given name. */
  readonly firstName?: Secret<string>;
  /** Family name. */
  readonly lastName?: Secret<string>;
  /** Phone number. */
  readonly phone?: Secret<string>;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

/** Input of an authorize call that spends a gateway session token (upstream `PaymentsAuthorizeData`, reduced). */
export interface AuthorizeRequestData {
  /** What to authorize. */
  readonly amount: Money;
  /** The token from the session-token flow (Nuvei `sessionToken`, Paytm `txnToken`). */
  readonly sessionToken?: Secret<string>;
  /** How the customer pays. */
  readonly paymentMethod: PaymentMethodData;
  /** `automatic` charges at once (Nuvei `Sale`); `manual` only authorizes (Nuvei `Auth`). */
  readonly captureMethod: 'automatic' | 'manual';
  /** Device details; Nuvei requires `ipAddress`. */
  readonly browserInfo?: BrowserInformation;
  /** Billing details of the payer. */
  readonly billing?: BillingDetails;
  /** Where the gateway sends the customer back after a redirect. */
  readonly returnUrl?: string;
  /** Free text shown to the customer where the gateway supports it (Paytm `txnNote`). */
  readonly description?: string;
}

/** Output of an authorize call. */
export interface AuthorizeResponseData {
  /** The attempt's status after authorize. */
  readonly status: AttemptStatus;
  /** The gateway's id for the transaction, for later sync, capture or refund. */
  readonly connectorTransactionId?: string;
  /** Where to send the customer next (3DS page, `upi://` deep link). */
  readonly redirectUrl?: Secret<string>;
}
