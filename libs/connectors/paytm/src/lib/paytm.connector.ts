import { randomBytes } from 'node:crypto';
import { notImplemented, type ConnectorDefinition, type ConnectorOptions, type FlowContext, type FlowHandler, type HttpRequest } from '@prism-sessions/connector-interfaces';
import type { AuthorizeRequestData, AuthorizeResponseData, SessionTokenRequestData, SessionTokenResponseData } from '@prism-sessions/domain-types';
import { INITIATE_TRANSACTION_PATH, PAYTM_BASE_URLS, PAYTM_CAPABILITIES, PAYTM_HEADERS, PAYTM_SALT_LENGTH, PROCESS_TRANSACTION_PATH } from './paytm.constants';
import { paytmCredentialSchema, type PaytmCredentials } from './paytm.credentials';
import { describePaytmResultCode, parsePaytmErrorResponse } from './paytm.errors';
import { fromPaytmProcessTransactionResponse, toPaytmProcessTransaction } from './transformers/authorize.transformer';
import { assertPaytmOrderId } from './transformers/common';
import { fromPaytmInitiateTransactionResponse, toPaytmInitiateTransaction } from './transformers/session-token.transformer';
import { paytmEnvelope, signedPaytmEnvelope } from './wire/paytm.requests';

/** `{baseUrl}{path}?mid=…&orderId=…` with both values URL-encoded (upstream interpolates them raw). */
export function paytmUrl(baseUrl: string, path: string, mid: string, orderId: string): string {
  // Paytm base URLs end in "/" and paths have no leading slash; tolerate a base URL without it.
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}${path}?mid=${encodeURIComponent(mid)}&orderId=${encodeURIComponent(orderId)}`;
}

// Every Paytm call: POST, JSON, the fixed headers, mid and orderId in the query.
function paytmPost<Req>(ctx: FlowContext<Req, PaytmCredentials>, path: string, orderId: string, body: string): HttpRequest {
  return { method: 'POST', url: paytmUrl(ctx.baseUrl, path, ctx.credentials.merchantId.expose(), orderId), headers: { ...PAYTM_HEADERS }, body };
}

/**
 * Creates the Paytm connector: sessionToken (initiateTransaction → `txnToken`, signed request,
 * signed answer checked) and authorize (UPI processTransaction); psync, capture, refund and void
 * are not implemented yet.
 *
 * @param options - `randomBytes` supplies the 3 salt bytes of each request signature (default
 *   `crypto.randomBytes`); override it only in tests, to make signatures deterministic.
 * @example
 * const connector = createPaytmConnector();
 * const result = await executeFlow(connector, 'sessionToken', ctx, transport);
 */
export function createPaytmConnector(options: ConnectorOptions = {}): ConnectorDefinition<PaytmCredentials, 'paytm'> {
  const salt = (): Uint8Array => options.randomBytes?.(PAYTM_SALT_LENGTH) ?? randomBytes(PAYTM_SALT_LENGTH);

  const sessionToken: FlowHandler<SessionTokenRequestData, SessionTokenResponseData, PaytmCredentials> = {
    buildRequest(ctx) {
      // The orderId rule first: nothing is built (and no salt drawn) for an id Paytm would refuse.
      const orderId = assertPaytmOrderId(ctx.flowData.connectorRequestReferenceId, 'sessionToken', 'merchantSessionId');
      const { head, body } = toPaytmInitiateTransaction(ctx, orderId);
      return paytmPost(ctx, INITIATE_TRANSACTION_PATH, orderId, signedPaytmEnvelope(head, body, ctx.credentials.merchantKey, salt()));
    },
    handleResponse: (ctx, response) => fromPaytmInitiateTransactionResponse(response, ctx.credentials.merchantKey),
  };

  const authorize: FlowHandler<AuthorizeRequestData, AuthorizeResponseData, PaytmCredentials> = {
    buildRequest(ctx) {
      // Paytm expects the orderId that initiated the transaction.
      const orderId = assertPaytmOrderId(ctx.flowData.connectorRequestReferenceId, 'authorize', 'merchantTransactionId');
      return paytmPost(ctx, PROCESS_TRANSACTION_PATH, orderId, paytmEnvelope(toPaytmProcessTransaction(ctx, orderId)));
    },
    handleResponse: (_ctx, response) => fromPaytmProcessTransactionResponse(response),
  };

  return Object.freeze({
    id: 'paytm',
    displayName: 'Paytm',
    credentials: paytmCredentialSchema,
    capabilities: PAYTM_CAPABILITIES,
    baseUrls: PAYTM_BASE_URLS,
    describeErrorCode: describePaytmResultCode,
    // Initiate Transaction (the only token call) creates an order, and Paytm has no credential-only endpoint.
    credentialCheck: {
      kind: 'unavailable' as const,
      reason: 'Paytm has no side-effect-free call to check credentials with (its token call creates an order); save the account without verify',
    },
    parseErrorResponse: parsePaytmErrorResponse,
    flows: Object.freeze({
      sessionToken,
      authorize,
      psync: notImplemented,
      capture: notImplemented,
      refund: notImplemented,
      void: notImplemented,
    }),
  });
}

/** The Paytm connector with random signature salt: the one production code uses. */
export const paytmConnector: ConnectorDefinition<PaytmCredentials, 'paytm'> = createPaytmConnector();
