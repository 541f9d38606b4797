import type { FlowContext, FlowOutcome, HttpRequest, HttpResponse } from '@prism-sessions/connector-interfaces';
import type { AccessTokenRequestData, AccessTokenResponseData } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { PAYPAL_PATHS } from '../paypal.constants';
import type { PaypalCredentials } from '../paypal.credentials';
import { paypalAccessTokenResponseSchema, parsePaypalSuccessBody } from '../wire/paypal.responses';
import { paypalEndpoint } from './endpoint';

/** The access-token flow's context. */
export type PaypalAccessTokenContext = FlowContext<AccessTokenRequestData, PaypalCredentials>;

/** The exact body of the token call (RFC 6749 §4.4 client-credentials grant). */
export const PAYPAL_ACCESS_TOKEN_BODY = 'grant_type=client_credentials';

/**
 * `POST {base}/v1/oauth2/token` with HTTP Basic `client_id:client_secret` (the header stays a
 * `Secret` until the transport sends it) and a form body `grant_type=client_credentials`.
 */
export function toPaypalAccessTokenRequest(ctx: PaypalAccessTokenContext): HttpRequest {
  const { clientId, clientSecret } = ctx.credentials;
  const basic = clientSecret.map((secret) => `Basic ${Buffer.from(`${clientId.expose()}:${secret}`, 'utf8').toString('base64')}`);
  return {
    method: 'POST',
    url: paypalEndpoint(ctx.baseUrl, PAYPAL_PATHS.accessToken),
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic },
    body: PAYPAL_ACCESS_TOKEN_BODY,
  };
}

/**
 * Reads a 2xx token answer `{access_token, token_type, expires_in, …}`: the token wrapped in a `Secret`,
 * its lifetime from `expires_in` (never a constant).
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` (not JSON) or `MISSING_REQUIRED_FIELD` (no token or lifetime).
 */
export function fromPaypalAccessTokenResponse(_ctx: PaypalAccessTokenContext, response: HttpResponse): FlowOutcome<AccessTokenResponseData> {
  const body = parsePaypalSuccessBody(paypalAccessTokenResponseSchema, response, 'accessToken');
  return {
    status: 'SUCCESS',
    data: { accessToken: new Secret(body.access_token), tokenType: body.token_type ?? 'Bearer', expiresInSeconds: body.expires_in },
    attemptStatus: 'PENDING',
  };
}
