import { ConnectorError, IntegrationError, type FlowContext, type FlowOutcome, type HttpResponse } from '@prism-sessions/connector-interfaces';
import {
  toMajorUnitString,
  type AuthorizeRequestData,
  type AuthorizeResponseData,
  type BillingDetails,
  type CardPaymentMethod,
} from '@prism-sessions/domain-types';
import type { NuveiCredentials } from '../nuvei.credentials';
import { Secret } from '@prism-sessions/masking';
import { formatNuveiTimestamp, nuveiPaymentChecksum } from '../nuvei.checksum';
import { nuveiDeclineErrorResponse, nuveiStatusErrorResponse } from '../nuvei.errors';
import { mapNuveiTransactionStatus } from '../nuvei.status';
import type { NuveiBillingAddress, NuveiCard, NuveiPaymentRequest, NuveiUrlDetails } from '../wire/nuvei.requests';
import { nuveiPaymentResponseSchema, parseNuveiSuccessBody, type NuveiPaymentResponse } from '../wire/nuvei.responses';
import { missingField } from './nuvei.request-guards';

type AuthorizeContext = FlowContext<AuthorizeRequestData, NuveiCredentials>;

const COUNTRY_ALPHA2 = /^[A-Z]{2}$/;

function sessionTokenOf(request: AuthorizeRequestData): Secret<string> {
  const token = request.sessionToken;
  if (token === undefined || token.peek() === '') {
    throw missingField('authorize', 'sessionToken', 'Run the sessionToken flow first and pass its token (one order per token)');
  }
  return token;
}

function cardOf(request: AuthorizeRequestData): CardPaymentMethod {
  const method = request.paymentMethod;
  if (method.type !== 'card') {
    throw new IntegrationError('PAYMENT_METHOD_NOT_SUPPORTED', `Nuvei payment.do supports cards only, not ${method.type}`, {
      connector: 'nuvei',
      flow: 'authorize',
      field: 'paymentMethod.type',
    });
  }
  return method;
}

function fullName(billing: BillingDetails | undefined): Secret<string> | undefined {
  const parts = [billing?.firstName, billing?.lastName].filter((part): part is Secret<string> => part !== undefined);
  if (parts.length === 0) return undefined;
  return new Secret(parts.map((part) => part.peek()).join(' '));
}

function toCard(card: CardPaymentMethod, billing: BillingDetails | undefined): NuveiCard {
  // Upstream uses the billing full name (or customer name); we prefer the name on the card when given.
  const cardHolderName = card.holderName ?? fullName(billing);
  if (cardHolderName === undefined) {
    throw missingField('authorize', 'paymentMethod.holderName', 'Give the card holder name or billing.firstName/lastName');
  }
  return { cardNumber: card.cardNumber, cardHolderName, expirationMonth: card.expiryMonth, expirationYear: card.expiryYear, CVV: card.cvc };
}

function toBillingAddress(billing: BillingDetails | undefined): NuveiBillingAddress {
  if (billing?.email === undefined) throw missingField('authorize', 'billing.email');
  if (billing.country === undefined) throw missingField('authorize', 'billing.country');
  if (!COUNTRY_ALPHA2.test(billing.country)) {
    throw new IntegrationError('INVALID_FIELD', 'billing.country must be an ISO 3166-1 alpha-2 code', {
      connector: 'nuvei',
      flow: 'authorize',
      field: 'billing.country',
    });
  }
  return {
    email: billing.email,
    country: billing.country,
    ...(billing.firstName === undefined ? {} : { firstName: billing.firstName }),
    ...(billing.lastName === undefined ? {} : { lastName: billing.lastName }),
    ...(billing.phone === undefined ? {} : { phone: billing.phone }),
  };
}

function ipAddressOf(request: AuthorizeRequestData): Secret<string> {
  const ipAddress = request.browserInfo?.ipAddress;
  if (ipAddress === undefined || ipAddress === '') throw missingField('authorize', 'browserInfo.ipAddress');
  return new Secret(ipAddress);
}

function urlDetailsOf(returnUrl: string | undefined): { urlDetails?: NuveiUrlDetails } {
  return returnUrl === undefined ? {} : { urlDetails: { successUrl: returnUrl, failureUrl: returnUrl, pendingUrl: returnUrl } };
}

/**
 * Builds the `payment.do` body (upstream `NuveiPaymentRequest`), keys in wire order. Card data,
 * names, email, IP and token stay in `Secret`s until serialisation.
 *
 * @throws IntegrationError naming the field: `sessionToken`, `paymentMethod.type` (cards only),
 *   `paymentMethod.holderName`, `billing.email`, `billing.country`, `browserInfo.ipAddress`.
 */
export function toNuveiPaymentRequest(ctx: AuthorizeContext): NuveiPaymentRequest {
  const { request } = ctx;
  const sessionToken = sessionTokenOf(request);
  const card = toCard(cardOf(request), request.billing);
  const billingAddress = toBillingAddress(request.billing);
  const ipAddress = ipAddressOf(request);

  const { merchantId, merchantSiteId, merchantSecret } = ctx.credentials;
  const clientRequestId = ctx.flowData.connectorRequestReferenceId;
  const amount = toMajorUnitString(request.amount);
  const currency = request.amount.currency;
  const timeStamp = formatNuveiTimestamp(ctx.clock.now());
  const checksum = nuveiPaymentChecksum({
    merchantId: merchantId.peek(),
    merchantSiteId: merchantSiteId.peek(),
    clientRequestId,
    amount,
    currency,
    timeStamp,
    merchantSecret: merchantSecret.peek(),
  });
  return {
    sessionToken,
    merchantId,
    merchantSiteId,
    clientRequestId,
    amount,
    currency,
    clientUniqueId: clientRequestId,
    paymentOption: { card },
    transactionType: request.captureMethod === 'manual' || request.amount.minorAmount === 0n ? 'Auth' : 'Sale',
    deviceDetails: { ipAddress },
    billingAddress,
    ...urlDetailsOf(request.returnUrl),
    timeStamp,
    checksum,
  };
}

function redirectUrlOf(body: NuveiPaymentResponse): { redirectUrl?: Secret<string> } {
  const raw = body.paymentOption?.redirectUrl;
  // Upstream drops a redirectUrl that does not parse as a URL.
  return raw !== undefined && URL.canParse(raw) ? { redirectUrl: new Secret(raw) } : {};
}

/**
 * Reads a 2xx `payment.do` answer: `status: "ERROR"` → `FAILURE`; otherwise the attempt status
 * comes from `transactionStatus` (see {@link mapNuveiTransactionStatus}); declines are `FAILURE`
 * outcomes carrying `gwErrorCode`/`gwErrorReason`.
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` or `MISSING_REQUIRED_FIELD` (no transactionId/orderId).
 */
export function fromNuveiPaymentResponse(ctx: AuthorizeContext, response: HttpResponse): FlowOutcome<AuthorizeResponseData> {
  const body = parseNuveiSuccessBody(nuveiPaymentResponseSchema, response, 'authorize');
  if (body.status === 'ERROR') {
    return { status: 'FAILURE', error: nuveiStatusErrorResponse(body, response.status) };
  }
  const attemptStatus = mapNuveiTransactionStatus(body.transactionStatus, body.status, ctx.request.captureMethod);
  if (attemptStatus === 'FAILURE') return { status: 'FAILURE', error: nuveiDeclineErrorResponse(body, response.status) };

  const connectorTransactionId = body.transactionId ?? body.orderId;
  if (connectorTransactionId === undefined) {
    throw new ConnectorError('MISSING_REQUIRED_FIELD', 'transactionId missing in Nuvei response', {
      connector: 'nuvei',
      flow: 'authorize',
      httpStatus: response.status,
      reason: 'neither transactionId nor orderId present',
    });
  }
  return { status: 'SUCCESS', data: { status: attemptStatus, connectorTransactionId, ...redirectUrlOf(body) }, attemptStatus };
}
