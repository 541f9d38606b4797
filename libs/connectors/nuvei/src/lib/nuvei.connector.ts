import { notImplemented, type ConnectorDefinition, type ConnectorOptions, type FlowContext, type HttpRequest } from '@prism-sessions/connector-interfaces';
import {
  NUVEI_BASE_URLS,
  NUVEI_ORDERS_PER_SESSION_TOKEN,
  NUVEI_PATHS,
  NUVEI_SESSION_TOKEN_LIFETIME_SECONDS,
  NUVEI_SUPPORTED_CURRENCIES,
  nuveiHeaders,
} from './nuvei.constants';
import { nuveiCredentialSchema, type NuveiCredentials } from './nuvei.credentials';
import { describeNuveiErrorCode, parseNuveiErrorResponse } from './nuvei.errors';
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
 * Creates the Nuvei connector: session token (`getSessionToken.do`) and card authorize (`payment.do`).
 * Pure: it builds requests and reads answers; the caller's transport does the I/O. Nuvei requests
 * use no randomness, so `options` is accepted for the common factory shape only.
 *
 * @example
 * const result = await executeFlow(createNuveiConnector(), 'sessionToken', ctx, transport);
 */
export function createNuveiConnector(options: ConnectorOptions = {}): ConnectorDefinition<NuveiCredentials, 'nuvei'> {
  void options;
  return Object.freeze({
    id: 'nuvei',
    displayName: 'Nuvei',
    credentials: nuveiCredentialSchema,
    baseUrls: NUVEI_BASE_URLS,
    capabilities: Object.freeze({
      requiresSessionToken: true,
      requiresOrderCreate: false,
      requiresAccessToken: false,
      sessionTokenLifetimeSeconds: NUVEI_SESSION_TOKEN_LIFETIME_SECONDS,
      ordersPerSessionToken: NUVEI_ORDERS_PER_SESSION_TOKEN,
      supportedCurrencies: NUVEI_SUPPORTED_CURRENCIES,
    }),
    describeErrorCode: (code: string) => describeNuveiErrorCode(code),
    // getSessionToken only opens a 15-minute session: no order, no payment.
    credentialCheck: { kind: 'session-token' } as const,
    parseErrorResponse: parseNuveiErrorResponse,
    flows: Object.freeze({
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
    }),
  });
}

/** The Nuvei connector, as production code uses it. */
export const nuveiConnector: ConnectorDefinition<NuveiCredentials, 'nuvei'> = createNuveiConnector();
