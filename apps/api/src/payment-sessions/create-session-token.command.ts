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
import type { ConnectorHeaders } from '../connectors/connector-headers';
import { parseLegacyAuthHeaders } from '../connectors/legacy-auth';
import { InvalidInputError } from '../errors/app-errors';
import { toConnectorId } from '../graphql/types/enums';
import type { BrowserInformationInput, ConnectorStateInput, CreateSessionTokenInput } from './create-session-token.input';
import type { CreateSessionCommand } from './payment-session.service';

function connectorOf(input: CreateSessionTokenInput, header: string | undefined): ConnectorId | undefined {
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
  return fromInput ?? fromHeader;
}

function parseConfigHeader(connectors: ConnectorRegistry, headers: ConnectorHeaders): ParsedConnectorConfig | undefined {
  // x-connector-config wins; x-connector-auth is upstream's deprecated {"auth_type":{...}} form.
  const raw = headers.connectorConfig ?? headers.connectorAuth;
  if (raw === undefined) return undefined;
  const header = headers.connectorConfig !== undefined ? 'x-connector-config' : 'x-connector-auth';
  try {
    return parseConnectorConfigHeader(connectors, raw);
  } catch (error) {
    if (error instanceof ConnectorConfigError) {
      // Errors about the header as a whole already name it (`x-connector-config`); others name a path inside it.
      throw new InvalidInputError(error.code, error.field.startsWith('x-connector-') ? header : `${header}.${error.field}`, error.message);
    }
    throw error;
  }
}

/** How the surfaces differ. */
export interface CreateSessionCommandOptions {
  /**
   * Take the connector from `x-connector-config` when neither the input nor `x-connector` names it
   * (upstream's rule, used by the gRPC surface). GraphQL requires `input.connector` or `x-connector`.
   */
  readonly connectorFromConfig?: boolean;
}

/**
 * The connector and its credentials, from (in upstream's order of preference) `x-connector-config`,
 * `x-connector-auth`, or the legacy `x-auth` + key headers. The connector is `input.connector`, else
 * `x-connector`, else (gRPC only) the one `x-connector-config` names.
 */
function resolveConnectorAndCredentials(
  connectors: ConnectorRegistry,
  input: CreateSessionTokenInput,
  headers: ConnectorHeaders,
  options: CreateSessionCommandOptions,
): { connector: ConnectorId; config: ParsedConnectorConfig } {
  const named = connectorOf(input, headers.connector);
  const config = parseConfigHeader(connectors, headers);
  if (config) {
    if (named !== undefined) return { connector: named, config };
    if (options.connectorFromConfig) return { connector: config.credentials.connector, config };
    throw new InvalidInputError('MISSING_CONNECTOR', 'input.connector', 'Set input.connector or the x-connector header');
  }
  if (headers.authType === undefined) throw new InvalidInputError('MISSING_METADATA', 'x-connector-config', 'Missing x-connector-config header with the connector credentials');
  if (named === undefined) throw new InvalidInputError('MISSING_METADATA', 'x-connector', 'Missing x-connector in request metadata (needed with x-auth)');
  return { connector: named, config: parseLegacyAuthHeaders(connectors, named, headers) };
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
 * Turns validated input plus the connector headers into a service command: the one mapping both
 * surfaces use (GraphQL `createSessionToken` and the gRPC/HTTP alias, which builds the same
 * {@link CreateSessionTokenInput} from the proto message). Secrets are wrapped here, at the edge.
 * Throws {@link InvalidInputError} naming the field or header.
 */
export function toCreateSessionCommand(
  connectors: ConnectorRegistry,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: ConnectorHeaders,
  options: CreateSessionCommandOptions = {},
): CreateSessionCommand {
  const { connector, config } = resolveConnectorAndCredentials(connectors, input, headers, options);
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
