import { createHash } from 'node:crypto';
import type { AccessTokenResponseData, PaymentFlowData, SessionTokenRequestData, SessionTokenResponseData } from '@prism-sessions/domain-types';
import { ConnectorConfigError, parseConnectorConfig, type CredentialSchema } from '@prism-sessions/domain-types';
import { IntegrationError, prepareFlow, type Clock, type ConnectorCapabilities, type ConnectorBaseUrls, type ConnectorDefinition, type CredentialCheck, type PreparedFlow } from '@prism-sessions/connector-interfaces';
import { CONNECTORS, type ConnectorId } from '@prism-sessions/connectors-registry';

export type { ConnectorId } from '@prism-sessions/connectors-registry';

/** Every registered connector id, in display order. */
export const CONNECTOR_IDS: readonly ConnectorId[] = Object.freeze(CONNECTORS.map((connector) => connector.id));

/** Narrows a string to a registered {@link ConnectorId}. Case-sensitive, like upstream's `x-connector`. */
export function isConnectorId(value: string): value is ConnectorId {
  return (CONNECTOR_IDS as readonly string[]).includes(value);
}

/**
 * Credentials parsed by one connector's schema, tagged with that connector. Opaque outside the
 * registry: only the connector that parsed them can use them.
 */
export interface ParsedCredentials {
  readonly connector: ConnectorId;
  /** Never read outside {@link registerConnector}; every secret inside is a `Secret`. */
  readonly value: unknown;
}

/** A parsed `x-connector-config`: tagged credentials and upstream's optional `base_url`. */
export interface ParsedConnectorConfig {
  readonly credentials: ParsedCredentials;
  readonly baseUrl?: string;
}

/** Inputs of one session-token call. */
export interface SessionTokenCall {
  readonly flowData: PaymentFlowData;
  readonly request: SessionTokenRequestData;
  readonly credentials: ParsedCredentials;
  readonly baseUrl: string;
  readonly clock: Clock;
}

/**
 * A connector with its credential type erased, so the app can hold every connector in one table.
 * Type safety is kept inside {@link registerConnector}, where the credential type is still known.
 */
export interface RegisteredConnector {
  readonly id: ConnectorId;
  readonly displayName: string;
  readonly capabilities: ConnectorCapabilities;
  readonly baseUrls: ConnectorBaseUrls;
  /** The connector's credential schema (its `x-connector-config` key and fields). */
  readonly credentials: CredentialSchema<unknown>;
  /** The documented meaning of a gateway error code, when known. */
  describeErrorCode(code: string): string | undefined;
  /** How its credentials can be checked live (connector accounts' `verify`). */
  readonly credentialCheck: CredentialCheck;
  /**
   * Builds the session-token request once (every check that needs no I/O happens here); the
   * returned flow sends exactly those bytes.
   * @throws IntegrationError for input the connector refuses (nothing is sent).
   */
  prepareSessionToken(call: SessionTokenCall): PreparedFlow<SessionTokenResponseData>;
  /**
   * For connectors whose capabilities say `requiresAccessToken`: builds the access-token request once.
   * @throws IntegrationError for credentials of another connector, or a connector without the flow.
   */
  prepareAccessToken(call: Omit<SessionTokenCall, 'request'>): PreparedFlow<AccessTokenResponseData>;
  /**
   * Names whose access token header credentials get: `client:<sha256 of the connector's token owner>`
   * (PayPal: of the client id; never a secret). Undefined for connectors without access tokens.
   */
  accessTokenScope(credentials: ParsedCredentials): string | undefined;
}

/** Wraps a connector definition for the registry. */
export function registerConnector<C>(connector: ConnectorDefinition<C, ConnectorId>): RegisteredConnector {
  return {
    id: connector.id,
    displayName: connector.displayName,
    capabilities: connector.capabilities,
    baseUrls: connector.baseUrls,
    credentials: connector.credentials,
    describeErrorCode: (code) => connector.describeErrorCode(code),
    credentialCheck: connector.credentialCheck ?? { kind: 'unavailable', reason: `${connector.displayName} declares no side-effect-free call to check credentials with; save the account without verify` },
    prepareSessionToken: (call) => prepareFlow(connector, 'sessionToken', { ...call, credentials: own(connector, call.credentials, 'sessionToken') }),
    prepareAccessToken: (call) => prepareFlow(connector, 'accessToken', { ...call, request: {}, credentials: own(connector, call.credentials, 'accessToken') }),
    accessTokenScope: (credentials) => {
      const owner = connector.accessTokenOwner;
      if (owner === undefined || credentials.connector !== connector.id) return undefined;
      return `client:${createHash('sha256').update(owner(credentials.value as C), 'utf8').digest('hex')}`;
    },
  };
}

function own<C>(connector: ConnectorDefinition<C, ConnectorId>, credentials: ParsedCredentials, flow: 'sessionToken' | 'accessToken'): C {
  if (credentials.connector !== connector.id) {
    throw new IntegrationError('CONNECTOR_MISMATCH', `${connector.displayName} needs its own credentials, not ${credentials.connector}'s`, {
      connector: connector.id,
      flow,
      field: 'credentials',
    });
  }
  // The tag says these came from this connector's own schema, so they are a C.
  return credentials.value as C;
}

/** Every connector this service can call, by id. */
export type ConnectorRegistry = Readonly<Record<ConnectorId, RegisteredConnector>>;

/**
 * The registry of every connector in `CONNECTORS`. Tests may replace entries (e.g. a connector
 * with deterministic salt) through `overrides`.
 */
export function createConnectorRegistry(overrides: Partial<Record<ConnectorId, ConnectorDefinition<never, ConnectorId>>> = {}): ConnectorRegistry {
  const entries = CONNECTORS.map((definition) => {
    const chosen = (overrides[definition.id] ?? definition) as ConnectorDefinition<unknown, ConnectorId>;
    return [definition.id, registerConnector(chosen)] as const;
  });
  return Object.freeze(Object.fromEntries(entries) as Record<ConnectorId, RegisteredConnector>);
}

/**
 * Parses an `x-connector-config` header with the credential schemas of every registered connector.
 * @throws ConnectorConfigError naming the offending field (never a value).
 */
export function parseConnectorConfigHeader(registry: ConnectorRegistry, json: string): ParsedConnectorConfig {
  const connectors = CONNECTOR_IDS.map((id) => registry[id]);
  const { schema, credentials, baseUrl } = parseConnectorConfig(json, connectors.map((connector) => connector.credentials));
  const owner = connectors.find((connector) => connector.credentials === schema);
  if (owner === undefined) throw new ConnectorConfigError('INVALID_CONNECTOR', 'config', 'config names an unsupported connector');
  return { credentials: { connector: owner.id, value: credentials }, ...(baseUrl === undefined ? {} : { baseUrl }) };
}
