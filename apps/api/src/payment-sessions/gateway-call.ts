import { Secret } from '@prism-sessions/masking';
import type { AccessTokenResponseData, ErrorResponse, PaymentFlowData, SessionTokenResponseData } from '@prism-sessions/domain-types';
import { IntegrationError, type Clock, type ExecuteFlowHooks, type HttpTransport, type PreparedFlow } from '@prism-sessions/connector-interfaces';
import type { ConnectorId, ConnectorRegistry, RegisteredConnector, SessionTokenCall } from '../connectors/connector-registry';
import type { AccessTokenFetch, AccessTokens, AccessTokenSource } from '../connector-state/access-tokens';
import type { AccessTokenScope } from '../connector-state/connector-state.repository';
import { BaseUrlNotAllowedError, resolveGatewayBaseUrl, type BaseUrlOverrides } from '../connectors/gateway-base-url';
import { InvalidInputError } from '../errors/app-errors';
import type { GatewayOutcome } from './attempt-outcome';
import type { CreateSessionCommand } from './create-session';
import type { SessionError } from './session-error';

// The only module that touches a RegisteredConnector: swapping the registry changes this file alone.

/** Where gateway calls may go. */
export interface GatewayCallOptions {
  readonly baseUrlOverrides: BaseUrlOverrides;
  readonly baseUrlAllowlist: ReadonlySet<string>;
}

/** What a send needs besides the transport, for connectors that call with an access token. */
export interface SendContext {
  /** Our id of this attempt, sent where the gateway takes a request id (PayPal `PayPal-Request-Id`). */
  readonly attemptId?: string;
  /** Where access tokens are kept and shared; without it a token is fetched for this call alone. */
  readonly accessTokens?: AccessTokens;
}

/** A gateway outcome plus where its access token came from (connectors that need one only). */
export type CallOutcome = GatewayOutcome & { readonly accessTokenSource?: AccessTokenSource };

/** A validated session-token call to one connector, ready to send. */
export interface GatewayCall {
  readonly connectorId: ConnectorId;
  /** How long the connector's session tokens live, when an answer does not say. */
  readonly tokenLifetimeSeconds: number;
  /**
   * Sends the call: for connectors that need an access token, the stored one (or a new one) first,
   * and once more with a new one when the gateway refuses a stored token (401). Never throws: an
   * exception comes back as a `FAULT` outcome.
   */
  send(transport: HttpTransport, hooks: ExecuteFlowHooks, context?: SendContext): Promise<CallOutcome>;
}

/**
 * Validates everything that can be validated without I/O and builds the gateway request once: the
 * bytes that were validated are the bytes {@link GatewayCall.send} sends.
 * @throws InvalidInputError for input the gateway would reject; nothing has been written or sent then.
 */
export function prepareGatewayCall(connectors: ConnectorRegistry, command: CreateSessionCommand, options: GatewayCallOptions, clock: Clock): GatewayCall {
  const connector = connectors[command.connector];
  const call = sessionTokenCall(connector, command, options, clock);
  const common = { connectorId: connector.id, tokenLifetimeSeconds: connector.capabilities.sessionTokenLifetimeSeconds };
  if (!connector.capabilities.requiresAccessToken) {
    const prepared = prepare(() => connector.prepareSessionToken(call));
    return { ...common, send: (transport, hooks) => send(connector, prepared, transport, hooks) };
  }
  // Validate everything now (the request is rebuilt with the real token at send time).
  prepare(() => connector.prepareSessionToken({ ...call, flowData: { ...call.flowData, accessToken: new Secret('validation-only'), attemptId: 'validation-only' } }));
  const accessTokenRequest = prepare(() => connector.prepareAccessToken(call));
  const scope = accessTokenScopeOf(connector, command);
  const callerToken = command.state?.accessToken?.token;
  return {
    ...common,
    send: async (transport, hooks, context = {}) => {
      const withToken = (token: Secret<string>): Promise<GatewayOutcome> => {
        const flowData: PaymentFlowData = { ...call.flowData, accessToken: token, ...(context.attemptId !== undefined ? { attemptId: context.attemptId } : {}) };
        let prepared: PreparedFlow<SessionTokenResponseData>;
        try {
          prepared = connector.prepareSessionToken({ ...call, flowData });
        } catch (error) {
          return Promise.resolve({ status: 'FAULT', error });
        }
        return send(connector, prepared, transport, hooks);
      };
      const fetchToken = fetchAccessToken(connector, accessTokenRequest, transport, hooks);
      try {
        return await sendWithAccessToken({ withToken, fetchToken, scope, callerToken, accessTokens: context.accessTokens });
      } catch (error) {
        // The token store failed (database, lock timeout): no usable answer.
        return { status: 'FAULT', error };
      }
    },
  };
}

/** Whose access token a session uses: its connector account's, else the credentials' owner's (hashed). */
function accessTokenScopeOf(connector: RegisteredConnector, command: CreateSessionCommand): AccessTokenScope | undefined {
  const scopeKey = command.connectorAccountId !== undefined ? `account:${command.connectorAccountId}` : connector.accessTokenScope(command.credentials);
  return scopeKey === undefined ? undefined : { merchantId: command.merchantId, connector: connector.id, scopeKey };
}

function fetchAccessToken(
  connector: RegisteredConnector,
  prepared: PreparedFlow<AccessTokenResponseData>,
  transport: HttpTransport,
  hooks: ExecuteFlowHooks,
): AccessTokenFetch<CallOutcome> {
  return async () => {
    try {
      const result = await prepared.send(transport, hooks);
      if (result.status === 'SUCCESS') return { kind: 'token', token: result.data.accessToken, tokenType: result.data.tokenType, expiresInSeconds: result.data.expiresInSeconds };
      return { kind: 'failed', failure: { status: 'FAILURE', httpStatus: result.httpStatus, error: gatewayError(connector, result.error) } };
    } catch (error) {
      return { kind: 'failed', failure: { status: 'FAULT', error } };
    }
  };
}

interface AccessTokenSend {
  readonly withToken: (token: Secret<string>) => Promise<GatewayOutcome>;
  readonly fetchToken: AccessTokenFetch<CallOutcome>;
  readonly scope: AccessTokenScope | undefined;
  readonly callerToken: Secret<string> | undefined;
  readonly accessTokens: AccessTokens | undefined;
}

async function sendWithAccessToken(plan: AccessTokenSend): Promise<CallOutcome> {
  // A caller-supplied token is used as is, never replaced (upstream's ConnectorState semantics).
  if (plan.callerToken !== undefined) return { ...(await plan.withToken(plan.callerToken)), accessTokenSource: 'CALLER' };
  const { accessTokens, scope } = plan;
  if (accessTokens === undefined || scope === undefined) {
    const fetched = await plan.fetchToken();
    if (fetched.kind === 'failed') return { ...fetched.failure, accessTokenSource: 'FETCHED' };
    return { ...(await plan.withToken(fetched.token)), accessTokenSource: 'FETCHED' };
  }
  const first = await accessTokens.obtain(scope, plan.fetchToken);
  if (first.kind === 'failed') return { ...first.failure, accessTokenSource: 'FETCHED' };
  const outcome = await plan.withToken(first.stored.token);
  if (!refusedToken(outcome) || first.source !== 'STORED') return { ...outcome, accessTokenSource: first.source };
  // The stored token was refused (expired early, revoked): drop it and retry once with a new one.
  const second = await accessTokens.refresh(scope, first.stored, plan.fetchToken);
  if (second.kind === 'failed') return { ...second.failure, accessTokenSource: 'REFRESHED' };
  return { ...(await plan.withToken(second.stored.token)), accessTokenSource: 'REFRESHED' };
}

function refusedToken(outcome: GatewayOutcome): boolean {
  return outcome.status === 'FAILURE' && outcome.httpStatus === 401;
}

// IntegrationError fields are paths in the flow's input; the client knows them by their GraphQL/header names.
const FIELD_NAMES: Readonly<Record<string, string>> = {
  merchantSessionId: 'input.merchantSessionId',
  'amount.currency': 'input.amount.currency',
  credentials: 'x-connector-config',
  accessToken: 'input.state.accessToken',
  customerId: 'input.state.connectorCustomerId',
};

function sessionTokenCall(connector: RegisteredConnector, command: CreateSessionCommand, options: GatewayCallOptions, clock: Clock): SessionTokenCall {
  if (command.credentials.connector !== command.connector) {
    throw new InvalidInputError('CONNECTOR_MISMATCH', 'x-connector-config', `x-connector-config holds ${command.credentials.connector} credentials but the request is for ${command.connector}`);
  }
  let baseUrl: string;
  try {
    baseUrl = resolveGatewayBaseUrl(connector, command.testMode, options.baseUrlOverrides, options.baseUrlAllowlist, command.requestBaseUrl);
  } catch (error) {
    if (error instanceof BaseUrlNotAllowedError) throw new InvalidInputError('BASE_URL_NOT_ALLOWED', 'x-connector-config.base_url', error.message);
    throw error;
  }
  const customerId = command.state?.connectorCustomerId;
  return {
    flowData: {
      merchantId: command.merchantId,
      connectorRequestReferenceId: command.merchantSessionId,
      testMode: command.testMode,
      ...(command.connectorFeatureData ? { connectorFeatureData: command.connectorFeatureData } : {}),
    },
    request: { amount: command.amount, ...(command.browserInfo ? { browserInfo: command.browserInfo } : {}), ...(customerId !== undefined ? { customerId } : {}) },
    credentials: command.credentials,
    baseUrl,
    clock,
  };
}

/** Runs a prepare step, turning a connector's refusal into an {@link InvalidInputError} naming the field. */
function prepare<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof IntegrationError) {
      throw new InvalidInputError(error.code, error.field === undefined ? 'input' : (FIELD_NAMES[error.field] ?? error.field), error.message);
    }
    throw error;
  }
}

async function send(connector: RegisteredConnector, prepared: PreparedFlow<SessionTokenResponseData>, transport: HttpTransport, hooks: ExecuteFlowHooks): Promise<GatewayOutcome> {
  try {
    const result = await prepared.send(transport, hooks);
    if (result.status === 'SUCCESS') {
      const { expiresInSeconds } = result.data;
      return { status: 'SUCCESS', httpStatus: result.httpStatus, token: result.data.sessionToken, ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}) };
    }
    const { attemptStatus } = result.error;
    return { status: 'FAILURE', httpStatus: result.httpStatus, error: gatewayError(connector, result.error), ...(attemptStatus !== undefined ? { attemptStatus } : {}) };
  } catch (error) {
    return { status: 'FAULT', error };
  }
}

/** A gateway's error answer as a session error, with the code's documented meaning when known. */
export function gatewayError(connector: RegisteredConnector, error: ErrorResponse): SessionError {
  const description = connector.describeErrorCode(error.code);
  return {
    unifiedCode: error.unifiedCode,
    source: 'GATEWAY',
    retryable: error.retryable,
    ...(description !== undefined ? { description } : {}),
    connector: { code: error.code, message: error.message, ...(error.reason !== undefined ? { reason: error.reason } : {}) },
    gatewayHttpStatus: error.statusCode,
  };
}
