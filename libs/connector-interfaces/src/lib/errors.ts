import type { ConnectorId } from '@org/domain-types';
import type { FlowName } from './flow';

/** Where in a flow an error arose. */
export interface FlowErrorContext {
  readonly connector: ConnectorId;
  readonly flow: FlowName;
}

/**
 * Base of the three connector-phase errors. `code` is SCREAMING_SNAKE_CASE; messages never
 * contain credentials, tokens or signatures.
 */
export abstract class ConnectorFlowError extends Error {
  readonly connector: ConnectorId;
  readonly flow: FlowName;

  protected constructor(
    readonly code: string,
    message: string,
    context: FlowErrorContext,
  ) {
    super(message);
    this.connector = context.connector;
    this.flow = context.flow;
  }
}

/**
 * Bad input or configuration detected while building the request: **nothing was sent**.
 *
 * @example
 * throw new IntegrationError('MISSING_REQUIRED_FIELD', 'sessionToken is required', { connector: 'nuvei', flow: 'authorize', field: 'sessionToken' });
 */
export class IntegrationError extends ConnectorFlowError {
  override readonly name = 'IntegrationError';
  /** Dotted input path of the offending field, when there is one. */
  readonly field?: string;
  /** What the caller can do about it. */
  readonly suggestedAction?: string;

  constructor(code: string, message: string, context: FlowErrorContext & { field?: string; suggestedAction?: string }) {
    super(code, message, context);
    if (context.field !== undefined) this.field = context.field;
    if (context.suggestedAction !== undefined) this.suggestedAction = context.suggestedAction;
  }
}

/**
 * No HTTP answer (timeout, refused, reset). `paymentMayHaveBeenProcessed` is true when the
 * request may have reached the gateway, so the outcome is unknown.
 */
export class NetworkError extends ConnectorFlowError {
  override readonly name = 'NetworkError';
  readonly retryable: boolean;
  readonly paymentMayHaveBeenProcessed: boolean;

  constructor(
    code: 'GATEWAY_TIMEOUT' | 'CONNECT_TIMEOUT' | 'CONNECTION_REFUSED' | 'CONNECTION_RESET' | 'NETWORK_ERROR',
    message: string,
    context: FlowErrorContext & { retryable: boolean; paymentMayHaveBeenProcessed: boolean },
  ) {
    super(code, message, context);
    this.retryable = context.retryable;
    this.paymentMayHaveBeenProcessed = context.paymentMayHaveBeenProcessed;
  }
}

/**
 * The gateway answered, but with something we cannot interpret (malformed body, a success
 * without its token, an unexpected status). `reason` carries at most a short raw excerpt.
 */
export class ConnectorError extends ConnectorFlowError {
  override readonly name = 'ConnectorError';
  readonly httpStatus: number;
  readonly reason?: string;

  constructor(
    code: 'MALFORMED_RESPONSE' | 'MISSING_REQUIRED_FIELD' | 'UNEXPECTED_STATUS',
    message: string,
    context: FlowErrorContext & { httpStatus: number; reason?: string },
  ) {
    super(code, message, context);
    this.httpStatus = context.httpStatus;
    if (context.reason !== undefined) this.reason = context.reason;
  }
}
