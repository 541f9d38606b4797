import { notImplemented, type ConnectorDefinition, type FlowContext, type HttpRequest } from '@org/connector-interfaces';
import type { ConnectorCredentials, NuveiCredentials } from '@org/domain-types';
import { parseNuveiCredentials } from './nuvei.auth';
import {
  NUVEI_BASE_URLS,
  NUVEI_ORDERS_PER_SESSION_TOKEN,
  NUVEI_PATHS,
  NUVEI_SESSION_TOKEN_LIFETIME_SECONDS,
  NUVEI_SUPPORTED_CURRENCIES,
  nuveiHeaders,
} from './nuvei.constants';
import { parseNuveiErrorResponse } from './nuvei.errors';
import { fromNuveiPaymentResponse, toNuveiPaymentRequest } from './transformers/authorize.transformer';
import { fromNuveiSessionTokenResponse, toNuveiSessionTokenRequest } from './transformers/session-token.transformer';
import { serializeNuveiRequest, type NuveiPaymentRequest, type NuveiSessionTokenRequest } from './wire/nuvei.requests';

function post<Req>(path: string, toBody: (ctx: FlowContext<Req, NuveiCredentials>) => NuveiSessionTokenRequest | NuveiPaymentRequest) {
  return (ctx: FlowContext<Req, NuveiCredentials>): HttpRequest => ({
    method: 'POST',
    url: ctx.baseUrl.replace(/\/+$/, '') + path,
    headers: nuveiHeaders(),
    body: serializeNuveiRequest(toBody(ctx)),
  });
}

/**
 * The Nuvei connector: session token (`getSessionToken.do`) and card authorize (`payment.do`).
 * Pure: it builds requests and reads answers; the caller's transport does the I/O.
 *
 * @example
 * const result = await executeFlow(nuveiConnector, 'sessionToken', ctx, transport);
 */
export const nuveiConnector: ConnectorDefinition<NuveiCredentials> = {
  id: 'nuvei',
  displayName: 'Nuvei',
  baseUrls: NUVEI_BASE_URLS,
  capabilities: {
    requiresSessionToken: true,
    requiresOrderCreate: false,
    requiresAccessToken: false,
    sessionTokenLifetimeSeconds: NUVEI_SESSION_TOKEN_LIFETIME_SECONDS,
    ordersPerSessionToken: NUVEI_ORDERS_PER_SESSION_TOKEN,
    supportedCurrencies: NUVEI_SUPPORTED_CURRENCIES,
  },
  parseCredentials: (credentials: ConnectorCredentials) => parseNuveiCredentials(credentials),
  parseErrorResponse: parseNuveiErrorResponse,
  flows: {
    sessionToken: {
      buildRequest: post(NUVEI_PATHS.sessionToken, toNuveiSessionTokenRequest),
      handleResponse: fromNuveiSessionTokenResponse,
    },
    authorize: {
      buildRequest: post(NUVEI_PATHS.payment, toNuveiPaymentRequest),
      handleResponse: fromNuveiPaymentResponse,
    },
    psync: notImplemented,
    capture: notImplemented,
    refund: notImplemented,
    void: notImplemented,
  },
};
