import { Secret } from '@org/masking';
import { ConnectorConfigError, createMoney, type BrowserInformation, type ConnectorState } from '@org/domain-types';
import {
  CONNECTOR_IDS,
  isConnectorId,
  parseConnectorConfigHeader,
  type ConnectorId,
  type ConnectorRegistry,
  type ParsedConnectorConfig,
} from '../connectors/connector-registry';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { toConnectorId } from '../graphql/types/enums';
import type { BrowserInformationInput, ConnectorStateInput, CreateSessionTokenInput } from './create-session-token.input';
import type { CreateSessionCommand } from './payment-session.service';

function resolveConnector(input: CreateSessionTokenInput, header: string | undefined): ConnectorId {
  const fromInput = input.connector === undefined || input.connector === null ? undefined : toConnectorId(input.connector);
  let fromHeader: ConnectorId | undefined;
  if (header !== undefined) {
    const name = header.trim().toLowerCase();
    if (!isConnectorId(name)) throw new InvalidInputError('INVALID_CONNECTOR', 'x-connector', `x-connector must be ${CONNECTOR_IDS.map((id) => `"${id}"`).join(' or ')}`);
    fromHeader = name;
  }
  if (fromInput && fromHeader && fromInput !== fromHeader) {
    throw new InvalidInputError('CONNECTOR_MISMATCH', 'input.connector', 'input.connector and the x-connector header name different connectors');
  }
  const connector = fromInput ?? fromHeader;
  if (!connector) throw new InvalidInputError('MISSING_CONNECTOR', 'input.connector', 'Set input.connector or the x-connector header');
  return connector;
}

function parseCredentials(connectors: ConnectorRegistry, headers: GraphQLContext['connectorHeaders']): ParsedConnectorConfig {
  // x-connector-config wins; x-connector-auth is upstream's deprecated {"auth_type":{...}} form.
  const raw = headers.connectorConfig ?? headers.connectorAuth;
  const header = headers.connectorConfig !== undefined ? 'x-connector-config' : 'x-connector-auth';
  if (raw === undefined) throw new InvalidInputError('MISSING_METADATA', 'x-connector-config', 'Missing x-connector-config header with the connector credentials');
  try {
    return parseConnectorConfigHeader(connectors, raw);
  } catch (error) {
    if (error instanceof ConnectorConfigError) throw new InvalidInputError(error.code, `${header}.${error.field}`, error.message);
    throw error;
  }
}

function browserInfoOf(input: BrowserInformationInput | undefined | null): BrowserInformation | undefined {
  if (!input) return undefined;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as BrowserInformation;
}

function stateOf(input: ConnectorStateInput | undefined | null): ConnectorState | undefined {
  if (!input) return undefined;
  const token = input.accessToken;
  return {
    ...(token
      ? {
          accessToken: {
            token: new Secret(token.token),
            ...(token.expiresInSeconds != null ? { expiresInSeconds: token.expiresInSeconds } : {}),
            ...(token.tokenType != null ? { tokenType: token.tokenType } : {}),
          },
        }
      : {}),
    ...(input.connectorCustomerId != null ? { connectorCustomerId: input.connectorCustomerId } : {}),
  };
}

/**
 * Turns validated GraphQL input plus the connector headers into a service command. Secrets are
 * wrapped here, at the edge. Throws {@link InvalidInputError} naming the field or header.
 */
export function toCreateSessionCommand(
  connectors: ConnectorRegistry,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: GraphQLContext['connectorHeaders'],
): CreateSessionCommand {
  const connector = resolveConnector(input, headers.connector);
  const config = parseCredentials(connectors, headers);
  const browserInfo = browserInfoOf(input.browserInfo);
  const state = stateOf(input.state);
  return {
    merchantId,
    connector,
    credentials: config.credentials,
    ...(config.baseUrl !== undefined ? { requestBaseUrl: config.baseUrl } : {}),
    merchantSessionId: input.merchantSessionId,
    amount: createMoney(input.amount.minorAmount, input.amount.currency),
    testMode: input.testMode ?? true,
    ...(input.idempotencyKey != null ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(browserInfo ? { browserInfo } : {}),
    ...(input.metadata != null ? { metadata: new Secret(input.metadata) } : {}),
    ...(input.connectorFeatureData != null ? { connectorFeatureData: new Secret(input.connectorFeatureData) } : {}),
    ...(state ? { state } : {}),
  };
}
