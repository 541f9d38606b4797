import type { ConnectorCredentials, ConnectorId, PaymentFlowData, SessionTokenRequestData, SessionTokenResponseData } from '@org/domain-types';
import {
  executeFlow,
  type Clock,
  type ConnectorCapabilities,
  type ConnectorDefinition,
  type ExecuteFlowHooks,
  type FlowResult,
  type HttpTransport,
} from '@org/connector-interfaces';
import { describeNuveiErrorCode, nuveiConnector } from '@org/connectors-nuvei';
import { describePaytmResultCode, paytmConnector } from '@org/connectors-paytm';

/** Inputs of one session-token call, with credentials not yet narrowed to the connector. */
export interface SessionTokenCall {
  readonly flowData: PaymentFlowData;
  readonly request: SessionTokenRequestData;
  readonly credentials: ConnectorCredentials;
  readonly baseUrl: string;
  readonly clock: Clock;
}

/**
 * A connector with its credential type erased, so the app can hold Nuvei and Paytm in one table.
 * Type safety is kept inside {@link registerConnector}, where the credential type is still known.
 */
export interface RegisteredConnector {
  readonly id: ConnectorId;
  readonly displayName: string;
  readonly capabilities: ConnectorCapabilities;
  readonly baseUrls: ConnectorDefinition<ConnectorCredentials>['baseUrls'];
  /** The documented meaning of a gateway error code, when known. */
  describeErrorCode(code: string): string | undefined;
  /** Builds (and discards) the request: surfaces IntegrationErrors before anything is written or sent. */
  validateSessionToken(call: SessionTokenCall): void;
  createSessionToken(call: SessionTokenCall, transport: HttpTransport, hooks?: ExecuteFlowHooks): Promise<FlowResult<SessionTokenResponseData>>;
}

/** Wraps a connector definition for the registry. */
export function registerConnector<C extends ConnectorCredentials>(
  connector: ConnectorDefinition<C>,
  describeErrorCode: (code: string) => string | undefined = () => undefined,
): RegisteredConnector {
  const context = (call: SessionTokenCall) => ({ ...call, credentials: connector.parseCredentials(call.credentials) });
  return {
    id: connector.id,
    displayName: connector.displayName,
    capabilities: connector.capabilities,
    baseUrls: connector.baseUrls,
    describeErrorCode,
    validateSessionToken: (call) => {
      connector.flows.sessionToken.buildRequest(context(call));
    },
    createSessionToken: (call, transport, hooks) => executeFlow(connector, 'sessionToken', context(call), transport, hooks),
  };
}

/** Every connector this service can call, by id. */
export type ConnectorRegistry = Readonly<Record<ConnectorId, RegisteredConnector>>;

/** The production registry. Tests may build their own (e.g. a Paytm connector with a fixed salt). */
export function createConnectorRegistry(overrides: Partial<ConnectorRegistry> = {}): ConnectorRegistry {
  return { nuvei: registerConnector(nuveiConnector, describeNuveiErrorCode), paytm: registerConnector(paytmConnector, describePaytmResultCode), ...overrides };
}
