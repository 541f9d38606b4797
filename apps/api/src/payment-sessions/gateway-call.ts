import type { ErrorResponse, SessionTokenResponseData } from '@prism-sessions/domain-types';
import { IntegrationError, type Clock, type ExecuteFlowHooks, type HttpTransport, type PreparedFlow } from '@prism-sessions/connector-interfaces';
import type { ConnectorId, ConnectorRegistry, RegisteredConnector } from '../connectors/connector-registry';
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

/** A validated session-token call to one connector, ready to send. */
export interface GatewayCall {
  readonly connectorId: ConnectorId;
  /** How long the connector's session tokens live. */
  readonly tokenLifetimeSeconds: number;
  /** Sends the call. Never throws: an exception comes back as a `FAULT` outcome. */
  send(transport: HttpTransport, hooks: ExecuteFlowHooks): Promise<GatewayOutcome>;
}

/**
 * Validates everything that can be validated without I/O and builds the gateway request once: the
 * bytes that were validated are the bytes {@link GatewayCall.send} sends.
 * @throws InvalidInputError for input the gateway would reject; nothing has been written or sent then.
 */
export function prepareGatewayCall(connectors: ConnectorRegistry, command: CreateSessionCommand, options: GatewayCallOptions, clock: Clock): GatewayCall {
  const connector = connectors[command.connector];
  const prepared = prepareFlow(connector, command, options, clock);
  return {
    connectorId: connector.id,
    tokenLifetimeSeconds: connector.capabilities.sessionTokenLifetimeSeconds,
    send: (transport, hooks) => send(connector, prepared, transport, hooks),
  };
}

// IntegrationError fields are paths in the flow's input; the client knows them by their GraphQL/header names.
const FIELD_NAMES: Readonly<Record<string, string>> = { merchantSessionId: 'input.merchantSessionId', 'amount.currency': 'input.amount.currency', credentials: 'x-connector-config' };

function prepareFlow(connector: RegisteredConnector, command: CreateSessionCommand, options: GatewayCallOptions, clock: Clock): PreparedFlow<SessionTokenResponseData> {
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
  try {
    return connector.prepareSessionToken({
      flowData: {
        merchantId: command.merchantId,
        connectorRequestReferenceId: command.merchantSessionId,
        testMode: command.testMode,
        ...(command.connectorFeatureData ? { connectorFeatureData: command.connectorFeatureData } : {}),
      },
      request: { amount: command.amount, ...(command.browserInfo ? { browserInfo: command.browserInfo } : {}) },
      credentials: command.credentials,
      baseUrl,
      clock,
    });
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
    if (result.status === 'SUCCESS') return { status: 'SUCCESS', httpStatus: result.httpStatus, token: result.data.sessionToken };
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
