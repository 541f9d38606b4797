import { IntegrationError, type FlowContext, type FlowOutcome, type HttpRequest, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { SessionTokenRequestData, SessionTokenResponseData } from '@prism-sessions/domain-types';
import type { MaskableHeaders } from '@prism-sessions/masking';
import { Secret } from '@prism-sessions/masking';
import { PAYPAL_CONNECTOR_ID, PAYPAL_PATHS } from '../paypal.constants';
import type { PaypalCredentials } from '../paypal.credentials';
import { paypalClientTokenResponseSchema, parsePaypalSuccessBody } from '../wire/paypal.responses';
import { paypalEndpoint } from './endpoint';

/** The session-token (SDK client token) flow's context. */
export type PaypalSessionTokenContext = FlowContext<SessionTokenRequestData, PaypalCredentials>;

/** Longest `PayPal-Request-Id` PayPal accepts. */
const MAX_REQUEST_ID_LENGTH = 108;

/**
 * `POST {base}/v1/identity/generate-token` with `Authorization: Bearer <access token>` (from
 * `flowData.accessToken`), `PayPal-Request-Id` = `flowData.attemptId` when given, and the JSON body
 * `{}` or `{"customer_id":"…"}`.
 *
 * @throws IntegrationError `MISSING_ACCESS_TOKEN` (field `accessToken`) without an access token:
 *   run the `accessToken` flow first; nothing is sent.
 */
export function toPaypalSessionTokenRequest(ctx: PaypalSessionTokenContext): HttpRequest {
  const accessToken = ctx.flowData.accessToken;
  if (accessToken === undefined) {
    throw new IntegrationError('MISSING_ACCESS_TOKEN', 'PayPal client tokens need an access token: run the accessToken flow first', {
      connector: PAYPAL_CONNECTOR_ID,
      flow: 'sessionToken',
      field: 'accessToken',
    });
  }
  const attemptId = ctx.flowData.attemptId;
  if (attemptId !== undefined && (attemptId === '' || attemptId.length > MAX_REQUEST_ID_LENGTH)) {
    throw new IntegrationError('INVALID_REQUEST_ID', `PayPal-Request-Id must be 1 to ${MAX_REQUEST_ID_LENGTH} characters`, {
      connector: PAYPAL_CONNECTOR_ID,
      flow: 'sessionToken',
      field: 'attemptId',
    });
  }
  const headers: MaskableHeaders = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Authorization: accessToken.map((token) => `Bearer ${token}`),
    ...(attemptId === undefined ? {} : { 'PayPal-Request-Id': attemptId }),
  };
  const customerId = ctx.request.customerId;
  return {
    method: 'POST',
    url: paypalEndpoint(ctx.baseUrl, PAYPAL_PATHS.sessionToken),
    headers,
    body: JSON.stringify(customerId === undefined ? {} : { customer_id: customerId }),
  };
}

/**
 * Reads a 2xx generate-token answer `{client_token, expires_in}`: the client token wrapped in a
 * `Secret`, with the lifetime PayPal declared. PayPal has no "200 + error" answers.
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` (not JSON) or `MISSING_REQUIRED_FIELD` (no token or lifetime).
 */
export function fromPaypalSessionTokenResponse(_ctx: PaypalSessionTokenContext, response: HttpResponse): FlowOutcome<SessionTokenResponseData> {
  const body = parsePaypalSuccessBody(paypalClientTokenResponseSchema, response, 'sessionToken');
  return { status: 'SUCCESS', data: { sessionToken: new Secret(body.client_token), expiresInSeconds: body.expires_in }, attemptStatus: 'PENDING' };
}
