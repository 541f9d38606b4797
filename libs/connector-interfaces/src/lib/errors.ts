import type { ConnectorId } from '@prism-sessions/domain-types';
import type { FlowName } from './flow';

/** Where in a flow an error arose. */
export interface FlowErrorContext {
  /** The connector that raised the error. */
  readonly connector: ConnectorId;
  /** The flow during which it was raised. */
  readonly flow: FlowName;
}

/**
 * Base of the three connector-phase errors. `code` is SCREAMING_SNAKE_CASE; messages never
 * contain credentials, tokens or signatures.
 */
export abstract class ConnectorFlowError extends Error {
  /** The connector that raised the error. */
  readonly connector: ConnectorId;
  /** The flow during which it was raised. */
  readonly flow: FlowName;

  protected constructor(
    /** Machine-readable reason, SCREAMING_SNAKE_CASE (e.g. `GATEWAY_TIMEOUT`). */
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
 * request may have reached the gateway, so the outcome is unknown: record it as such and verify
 * (PSync) before retrying; never treat it as success or as a clean failure.
 *
 * @example
 * if (error instanceof NetworkError && error.paymentMayHaveBeenProcessed) markPendingVerification(session);
 */
export class NetworkError extends ConnectorFlowError {
  override readonly name = 'NetworkError';
  /** Whether the same request may be sent again (after verification when the payment may have been processed). */
  readonly retryable: boolean;
  /** True when the gateway may have received and acted on the request. */
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
 *
 * @example
 * throw new ConnectorError('MISSING_REQUIRED_FIELD', 'sessionToken missing in Nuvei response', {
 *   connector: 'nuvei', flow: 'sessionToken', httpStatus: response.status,
 * });
 */
export class ConnectorError extends ConnectorFlowError {
  override readonly name = 'ConnectorError';
  /** The HTTP status the gateway answered with. */
  readonly httpStatus: number;
  /** A short raw-body excerpt (see `rawBodyExcerpt`); it is still gateway output, so log it through `redact`. */
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
