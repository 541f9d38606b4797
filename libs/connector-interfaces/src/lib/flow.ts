import type {
  AccessTokenRequestData,
  AccessTokenResponseData,
  AttemptStatus,
  AuthorizeRequestData,
  AuthorizeResponseData,
  ErrorResponse,
  PaymentFlowData,
  SessionTokenRequestData,
  SessionTokenResponseData,
} from '@prism-sessions/domain-types';
import type { HttpRequest, HttpResponse } from './http';

/** Flows a connector may implement. Every connector declares each one, implemented or not. */
export const FLOW_NAMES = ['sessionToken', 'authorize', 'psync', 'capture', 'refund', 'void'] as const;

/**
 * Flows only some connectors have, declared only by those (absent means not supported):
 * `accessToken` is upstream's `CreateAccessToken` (renamed `CreateServerAuthenticationToken`), an
 * OAuth token the other flows send. A connector that has it says `requiresAccessToken: true`.
 */
export const OPTIONAL_FLOW_NAMES = ['accessToken'] as const;

/** One of {@link FLOW_NAMES} or {@link OPTIONAL_FLOW_NAMES}. */
export type FlowName = (typeof FLOW_NAMES)[number] | (typeof OPTIONAL_FLOW_NAMES)[number];

/** A source of the current time, injected so requests can be built with a frozen clock in tests. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The system clock, for production contexts (tests use `FixedClock` from `@prism-sessions/connector-interfaces/testing`).
 *
 * @example
 * const ctx = { flowData, request, credentials, baseUrl, clock: systemClock };
 */
export const systemClock: Clock = { now: () => new Date() };

/** Everything a flow needs to build its request and read the answer. */
export interface FlowContext<Req, C> {
  /** Per-attempt data: merchant, reference id, test mode. */
  readonly flowData: PaymentFlowData;
  /** The flow's input. */
  readonly request: Req;
  /** This connector's credentials, already narrowed by `parseCredentials`. */
  readonly credentials: C;
  /** Gateway base URL chosen by the caller (sandbox, production or a test server). */
  readonly baseUrl: string;
  /** Time source for timestamps and checksums. */
  readonly clock: Clock;
}

/**
 * The result of a flow when the gateway answered in a way we understand. A gateway decline is
 * data (`FAILURE`), not an exception.
 */
export type FlowOutcome<Res> =
  | { readonly status: 'SUCCESS'; readonly data: Res; readonly attemptStatus: AttemptStatus }
  | { readonly status: 'FAILURE'; readonly error: ErrorResponse };

/**
 * One flow of one connector, as two pure functions (upstream `ConnectorIntegrationV2`).
 * Neither does I/O; {@link executeFlow} sends the request between them.
 */
export interface FlowHandler<Req, Res, C> {
  /**
   * Builds the exact outbound request.
   * @throws IntegrationError for input the gateway would reject; nothing is sent then.
   */
  buildRequest(ctx: FlowContext<Req, C>): HttpRequest;
  /**
   * Reads a 2xx answer. Returns `FAILURE` for a gateway decline ("200 + error body").
   * @throws ConnectorError for a body that cannot be interpreted.
   */
  handleResponse(ctx: FlowContext<Req, C>, response: HttpResponse): FlowOutcome<Res>;
}

/** An explicit "this connector does not offer this flow" entry in a flow table. */
export interface UnsupportedFlow {
  /** `not_implemented` → `FLOW_NOT_IMPLEMENTED`; `not_supported` → `FLOW_NOT_SUPPORTED`. */
  readonly unsupported: 'not_implemented' | 'not_supported';
}

/** The flow is on the roadmap but not written yet (upstream empty `ConnectorIntegrationV2` impls). */
export const notImplemented: UnsupportedFlow = Object.freeze({ unsupported: 'not_implemented' });

/** The gateway itself has no such operation. */
export const notSupported: UnsupportedFlow = Object.freeze({ unsupported: 'not_supported' });

/**
 * Type guard telling a real handler from an {@link UnsupportedFlow}.
 *
 * @example
 * isUnsupportedFlow(connector.flows.refund); // true for `notImplemented` / `notSupported`
 */
export function isUnsupportedFlow(flow: object): flow is UnsupportedFlow {
  return 'unsupported' in flow;
}

/** Request/response data of each flow. */
export interface FlowTypes {
  readonly accessToken: { readonly request: AccessTokenRequestData; readonly response: AccessTokenResponseData };
  readonly sessionToken: { readonly request: SessionTokenRequestData; readonly response: SessionTokenResponseData };
  readonly authorize: { readonly request: AuthorizeRequestData; readonly response: AuthorizeResponseData };
  readonly psync: { readonly request: never; readonly response: never };
  readonly capture: { readonly request: never; readonly response: never };
  readonly refund: { readonly request: never; readonly response: never };
  readonly void: { readonly request: never; readonly response: never };
}

/**
 * A connector's flow table: the session-token flow is mandatory, the rest of {@link FLOW_NAMES} a
 * handler or an explicit stub; `accessToken` only where the gateway needs one.
 */
export type ConnectorFlows<C> = {
  readonly sessionToken: FlowHandler<SessionTokenRequestData, SessionTokenResponseData, C>;
} & {
  readonly [F in Exclude<(typeof FLOW_NAMES)[number], 'sessionToken'>]: FlowHandler<FlowTypes[F]['request'], FlowTypes[F]['response'], C> | UnsupportedFlow;
} & {
  readonly accessToken?: FlowHandler<AccessTokenRequestData, AccessTokenResponseData, C>;
};
