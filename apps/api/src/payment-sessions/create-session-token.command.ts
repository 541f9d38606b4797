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
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import { isUuid } from './session-cursor';

function resolveConnector(input: CreateSessionTokenInput, header: string | undefined): ConnectorId | undefined {
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

const MISSING_CONNECTOR = () => new InvalidInputError('MISSING_CONNECTOR', 'input.connector', 'Set input.connector or the x-connector header');

function parseCredentials(connectors: ConnectorRegistry, headers: GraphQLContext['connectorHeaders'], raw: string): ParsedConnectorConfig {
  // x-connector-config wins; x-connector-auth is upstream's deprecated {"auth_type":{...}} form.
  const header = headers.connectorConfig !== undefined ? 'x-connector-config' : 'x-connector-auth';
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

const ACCOUNT_FIELD = 'input.connectorAccountId';
// One message for "no such id" and "another merchant's": it never reveals that an account exists.
const unknownAccount = () => new InvalidInputError('CONNECTOR_ACCOUNT_NOT_FOUND', ACCOUNT_FIELD, 'input.connectorAccountId names no connector account of this merchant');

interface CredentialChoice {
  readonly connector: ConnectorId;
  readonly config: ParsedConnectorConfig;
  readonly connectorAccountId?: string;
}

/**
 * Where the credentials come from, in this order: the x-connector-config (or x-connector-auth)
 * header, the account named by `input.connectorAccountId`, the merchant's default enabled account
 * for the connector and test mode. Account look-ups go through the cached {@link AccountCredentialSource}.
 */
async function chooseCredentials(
  connectors: ConnectorRegistry,
  accounts: AccountCredentialSource,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: GraphQLContext['connectorHeaders'],
  testMode: boolean,
): Promise<CredentialChoice> {
  const named = resolveConnector(input, headers.connector);
  const raw = headers.connectorConfig ?? headers.connectorAuth;
  if (raw !== undefined) {
    if (named === undefined) throw MISSING_CONNECTOR();
    return { connector: named, config: parseCredentials(connectors, headers, raw) };
  }
  if (input.connectorAccountId != null) {
    if (!isUuid(input.connectorAccountId)) throw unknownAccount();
    const account = await accounts.byId(merchantId, input.connectorAccountId);
    if (!account) throw unknownAccount();
    if (!account.enabled) throw new InvalidInputError('CONNECTOR_ACCOUNT_DISABLED', ACCOUNT_FIELD, 'input.connectorAccountId names a disabled connector account; enable it or choose another');
    if (named !== undefined && named !== account.connector) {
      throw new InvalidInputError('CONNECTOR_MISMATCH', ACCOUNT_FIELD, `input.connectorAccountId is a ${account.connector} account but the request is for ${named}`);
    }
    if (account.testMode !== testMode) {
      throw new InvalidInputError('TEST_MODE_MISMATCH', ACCOUNT_FIELD, `input.connectorAccountId is a ${account.testMode ? 'test' : 'live'} account; set testMode: ${account.testMode}`);
    }
    return { connector: account.connector, config: { credentials: account.credentials }, connectorAccountId: account.id };
  }
  if (named === undefined) throw MISSING_CONNECTOR();
  const fallback = await accounts.defaultFor(merchantId, named, testMode);
  if (!fallback) {
    throw new InvalidInputError(
      'MISSING_METADATA',
      'x-connector-config',
      `Missing x-connector-config header with the connector credentials (or input.connectorAccountId, or a default enabled ${named} account for testMode ${testMode})`,
    );
  }
  return { connector: named, config: { credentials: fallback.credentials }, connectorAccountId: fallback.id };
}

/**
 * Turns validated GraphQL input plus the connector headers (or a stored connector account) into a
 * service command. Secrets are wrapped here, at the edge. Throws {@link InvalidInputError} naming
 * the field or header.
 */
export async function toCreateSessionCommand(
  connectors: ConnectorRegistry,
  accounts: AccountCredentialSource,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: GraphQLContext['connectorHeaders'],
): Promise<CreateSessionCommand> {
  const testMode = input.testMode ?? true;
  const { connector, config, connectorAccountId } = await chooseCredentials(connectors, accounts, merchantId, input, headers, testMode);
  const browserInfo = browserInfoOf(input.browserInfo);
  const state = stateOf(input.state);
  return {
    merchantId,
    connector,
    credentials: config.credentials,
    ...(connectorAccountId !== undefined ? { connectorAccountId } : {}),
    ...(config.baseUrl !== undefined ? { requestBaseUrl: config.baseUrl } : {}),
    merchantSessionId: input.merchantSessionId,
    amount: createMoney(input.amount.minorAmount, input.amount.currency),
    testMode,
    ...(input.idempotencyKey != null ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(browserInfo ? { browserInfo } : {}),
    ...(input.metadata != null ? { metadata: new Secret(input.metadata) } : {}),
    ...(input.connectorFeatureData != null ? { connectorFeatureData: new Secret(input.connectorFeatureData) } : {}),
    ...(state ? { state } : {}),
  };
}
