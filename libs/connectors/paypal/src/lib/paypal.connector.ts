import { notImplemented, type ConnectorDefinition, type ConnectorOptions } from '@prism-sessions/connector-interfaces';
import { PAYPAL_BASE_URLS, PAYPAL_CAPABILITIES, PAYPAL_CONNECTOR_ID } from './paypal.constants';
import { paypalCredentialSchema, type PaypalCredentials } from './paypal.credentials';
import { describePaypalErrorCode, parsePaypalErrorResponse } from './paypal.errors';
import { fromPaypalAccessTokenResponse, toPaypalAccessTokenRequest } from './transformers/access-token.transformer';
import { fromPaypalSessionTokenResponse, toPaypalSessionTokenRequest } from './transformers/session-token.transformer';

/**
 * Creates the PayPal connector: the `accessToken` flow (OAuth client credentials) and the
 * `sessionToken` flow (the JS SDK client token, which needs that access token in
 * `flowData.accessToken`); the payment flows are `notImplemented`. Pure: it builds requests and reads
 * answers, the caller's transport does the I/O, and the caller keeps (and reuses) the access token.
 *
 * @example
 * const token = await executeFlow(paypalConnector, 'accessToken', { ...ctx, request: {} }, transport);
 * if (token.status === 'SUCCESS') {
 *   const flowData = { ...ctx.flowData, accessToken: token.data.accessToken };
 *   const client = await executeFlow(paypalConnector, 'sessionToken', { ...ctx, flowData }, transport);
 * }
 */
export function createPaypalConnector(options: ConnectorOptions = {}): ConnectorDefinition<PaypalCredentials, 'paypal'> {
  // Nothing PayPal sends is randomised.
  void options;
  return Object.freeze({
    id: PAYPAL_CONNECTOR_ID,
    displayName: 'PayPal',
    credentials: paypalCredentialSchema,
    capabilities: PAYPAL_CAPABILITIES,
    baseUrls: PAYPAL_BASE_URLS,
    describeErrorCode: describePaypalErrorCode,
    parseErrorResponse: parsePaypalErrorResponse,
    // The token call only mints a credential: no order, no payment.
    credentialCheck: { kind: 'session-token' } as const,
    // Access tokens belong to a REST app, named by its (public) client id.
    accessTokenOwner: (credentials: PaypalCredentials) => credentials.clientId.expose(),
    flows: Object.freeze({
      accessToken: { buildRequest: toPaypalAccessTokenRequest, handleResponse: fromPaypalAccessTokenResponse },
      sessionToken: { buildRequest: toPaypalSessionTokenRequest, handleResponse: fromPaypalSessionTokenResponse },
      authorize: notImplemented,
      psync: notImplemented,
      capture: notImplemented,
      refund: notImplemented,
      void: notImplemented,
    }),
  });
}

/** The PayPal connector with default options: the one production code registers. */
export const paypalConnector: ConnectorDefinition<PaypalCredentials, 'paypal'> = createPaypalConnector();
