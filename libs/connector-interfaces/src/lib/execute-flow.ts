import type { ErrorResponse, Money } from '@prism-sessions/domain-types';
import type { ConnectorDefinition } from './connector';
import { ConnectorError, ConnectorFlowError, IntegrationError, NetworkError, type FlowErrorContext } from './errors';
import { isUnsupportedFlow, type FlowContext, type FlowHandler, type FlowName, type FlowOutcome, type FlowTypes } from './flow';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from './http';
import { isSuccessStatus, rawBodyExcerpt } from './response-helpers';

/** A {@link FlowOutcome} plus the HTTP status the gateway answered with. */
export type FlowResult<Res> = FlowOutcome<Res> & { readonly httpStatus: number };

/**
 * Optional hooks, e.g. for logging the (masked) exchange. A hook that throws aborts the flow with
 * its error, so keep hooks trivial and non-throwing.
 *
 * @example
 * const hooks: ExecuteFlowHooks = {
 *   onRequest: (request) => log.info({ url: request.url, headers: maskHeaders(request.headers) }, 'connector request'),
 *   onResponse: (response, elapsedMs) => log.info({ status: response.status, elapsedMs }, 'connector response'),
 * };
 */
export interface ExecuteFlowHooks {
  /** Called with the built request (secret headers still wrapped) right before it is sent. */
  onRequest?(request: HttpRequest): void;
  /** Called with every HTTP answer, whatever its status, and the time the transport took. Not called when no answer arrived. */
  onResponse?(response: HttpResponse, elapsedMs: number): void;
}

function networkError(error: TransportError, context: FlowErrorContext): NetworkError {
  switch (error.kind) {
    case 'connect_timeout':
      return new NetworkError('CONNECT_TIMEOUT', 'Could not connect to the gateway in time', { ...context, retryable: true, paymentMayHaveBeenProcessed: false });
    case 'connection_refused':
      return new NetworkError('CONNECTION_REFUSED', 'The gateway refused the connection', { ...context, retryable: true, paymentMayHaveBeenProcessed: false });
    case 'timeout':
      return new NetworkError('GATEWAY_TIMEOUT', 'The gateway did not answer in time; the outcome is unknown', { ...context, retryable: true, paymentMayHaveBeenProcessed: true });
    case 'connection_reset':
      return new NetworkError('CONNECTION_RESET', 'The connection to the gateway was reset; the outcome is unknown', { ...context, retryable: true, paymentMayHaveBeenProcessed: error.requestSent });
    case 'unknown':
    default:
      // `default` also covers kinds an untyped transport may invent, which would otherwise make this
      // function return undefined and `executeFlow` throw `undefined`.
      return new NetworkError('NETWORK_ERROR', 'The gateway call failed', { ...context, retryable: true, paymentMayHaveBeenProcessed: error.requestSent });
  }
}

// The original error is deliberately not kept as `cause`: parser errors (e.g. JSON.parse's) quote the body.
// A 2xx body may hold a token, so only error-status bodies are excerpted.
function malformed(displayName: string, context: FlowErrorContext, response: HttpResponse): ConnectorError {
  const reason = isSuccessStatus(response.status) ? `unreadable ${response.body.length}-character body` : rawBodyExcerpt(response.body);
  return new ConnectorError('MALFORMED_RESPONSE', `${displayName} answered with a body that could not be read`, {
    ...context,
    httpStatus: response.status,
    reason,
  });
}

/**
 * One flow's request, built and validated once: the bytes that were checked are the bytes that
 * {@link PreparedFlow.send} sends (a signed request keeps its one salt and timestamp).
 */
export interface PreparedFlow<Res> {
  /** The exact outbound request (secret headers still wrapped). */
  readonly request: HttpRequest;
  /**
   * Sends {@link request} through `transport` and classifies the answer (see {@link executeFlow}).
   * Each call is one more gateway call with the same bytes.
   */
  send(transport: HttpTransport, hooks?: ExecuteFlowHooks): Promise<FlowResult<Res>>;
}

function amountOf(request: unknown): Money | undefined {
  if (typeof request !== 'object' || request === null || !('amount' in request)) return undefined;
  return (request as { amount?: Money }).amount;
}

/**
 * Builds one flow's request without sending it. Checks, in order: the flow is offered, the amount's
 * currency is one the connector supports (the only currency check), then the flow's own rules in
 * `buildRequest`.
 *
 * @throws IntegrationError when anything is wrong with the input; nothing was sent.
 * @example
 * const prepared = prepareFlow(connector, 'sessionToken', ctx);  // validation happens here
 * const result = await prepared.send(transport);                  // the same bytes go out
 */
export function prepareFlow<C, F extends FlowName>(
  connector: ConnectorDefinition<C>,
  flow: F,
  ctx: FlowContext<FlowTypes[F]['request'], C>,
): PreparedFlow<FlowTypes[F]['response']> {
  const context = { connector: connector.id, flow };
  const entry: object | undefined = connector.flows[flow];
  if (entry === undefined || isUnsupportedFlow(entry)) {
    // A missing entry can only come from an untyped connector object; treat it as not implemented.
    const code = entry !== undefined && entry.unsupported === 'not_supported' ? 'FLOW_NOT_SUPPORTED' : 'FLOW_NOT_IMPLEMENTED';
    throw new IntegrationError(code, `${connector.displayName} does not offer the ${flow} flow`, context);
  }
  const amount = amountOf(ctx.request);
  if (amount !== undefined && !connector.capabilities.supportedCurrencies.includes(amount.currency)) {
    throw new IntegrationError('UNSUPPORTED_CURRENCY', `Currency ${amount.currency} is not supported by ${connector.displayName}`, {
      ...context,
      field: 'amount.currency',
    });
  }
  const handler = entry as FlowHandler<FlowTypes[F]['request'], FlowTypes[F]['response'], C>;
  const request = handler.buildRequest(ctx);
  return {
    request,
    send: (transport, hooks = {}) => sendPrepared(connector, context, handler, ctx, request, transport, hooks),
  };
}

async function sendPrepared<C, Req, Res>(
  connector: ConnectorDefinition<C>,
  context: FlowErrorContext,
  handler: FlowHandler<Req, Res, C>,
  ctx: FlowContext<Req, C>,
  request: HttpRequest,
  transport: HttpTransport,
  hooks: ExecuteFlowHooks,
): Promise<FlowResult<Res>> {
  hooks.onRequest?.(request);
  const started = performance.now();
  let response: HttpResponse;
  try {
    response = await transport.send(request);
  } catch (error) {
    if (error instanceof TransportError) throw networkError(error, context);
    throw new NetworkError('NETWORK_ERROR', 'The gateway call failed', { ...context, retryable: true, paymentMayHaveBeenProcessed: true });
  }
  hooks.onResponse?.(response, performance.now() - started);

  if (isSuccessStatus(response.status)) {
    try {
      return { ...handler.handleResponse(ctx, response), httpStatus: response.status };
    } catch (error) {
      if (error instanceof ConnectorFlowError) throw error;
      throw malformed(connector.displayName, context, response);
    }
  }
  if (response.status >= 400 && response.status <= 599) {
    let error: ErrorResponse;
    try {
      error = connector.parseErrorResponse(response);
    } catch (cause) {
      // The contract says parseErrorResponse never throws; if it does, the answer is still one we
      // cannot read, so it is classified like a malformed 2xx (never a raw, unclassified error).
      if (cause instanceof ConnectorFlowError) throw cause;
      throw malformed(connector.displayName, context, response);
    }
    return { status: 'FAILURE', error, httpStatus: response.status };
  }
  throw new ConnectorError('UNEXPECTED_STATUS', `${connector.displayName} answered with unexpected HTTP status ${response.status}`, {
    ...context,
    httpStatus: response.status,
    reason: rawBodyExcerpt(response.body),
  });
}

/**
 * Runs one flow of one connector: {@link prepareFlow}, then send it through the injected transport
 * and classify the answer the way upstream's `handle_connector_response` does:
 * 200-202/204/302 go to the flow's `handleResponse`, 4xx and 5xx to `parseErrorResponse`,
 * anything else is a {@link ConnectorError}.
 *
 * Declines come back as `FAILURE` outcomes. Thrown errors say which side failed:
 * - {@link IntegrationError}: nothing was sent (flow not offered, unsupported currency, or
 *   `buildRequest` refused the input);
 * - {@link NetworkError}: no answer; see `paymentMayHaveBeenProcessed`;
 * - {@link ConnectorError}: an answer we cannot interpret (unexpected status, or a body
 *   `handleResponse` / `parseErrorResponse` could not read: `MALFORMED_RESPONSE`).
 *
 * @param connector - The connector definition.
 * @param flow - Which flow to run; unsupported flows throw before anything is sent.
 * @param ctx - Flow data, request, the connector's own credentials, base URL and clock.
 * @param transport - Sends the request; the only I/O, supplied by the application or a test double.
 * @param hooks - Optional logging hooks.
 * @example
 * const result = await executeFlow(connector, 'sessionToken', ctx, transport);
 * if (result.status === 'SUCCESS') use(result.data.sessionToken);
 * else persistDecline(result.error, result.httpStatus); // a decline is data, not an exception
 */
export async function executeFlow<C, F extends FlowName>(
  connector: ConnectorDefinition<C>,
  flow: F,
  ctx: FlowContext<FlowTypes[F]['request'], C>,
  transport: HttpTransport,
  hooks: ExecuteFlowHooks = {},
): Promise<FlowResult<FlowTypes[F]['response']>> {
  return prepareFlow(connector, flow, ctx).send(transport, hooks);
}
