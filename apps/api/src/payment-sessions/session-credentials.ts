import { ConnectorConfigError } from '@prism-sessions/domain-types';
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import type { ConnectorHeaders } from '../connectors/connector-headers';
import {
  CONNECTOR_IDS,
  isConnectorId,
  parseConnectorConfigHeader,
  type ConnectorId,
  type ConnectorRegistry,
  type ParsedConnectorConfig,
} from '../connectors/connector-registry';
import { parseLegacyAuthHeaders } from '../connectors/legacy-auth';
import { InvalidInputError } from '../errors/app-errors';
import { toConnectorId } from '../graphql/types/enums';
import type { CreateSessionTokenInput } from './create-session-token.input';
import { isUuid } from './session-cursor';

/** How the surfaces differ. */
export interface CreateSessionCommandOptions {
  /**
   * Take the connector from `x-connector-config` when neither the input nor `x-connector` names it
   * (upstream's rule, used by the gRPC surface). GraphQL requires `input.connector` or `x-connector`.
   */
  readonly connectorFromConfig?: boolean;
}

/** The connector and credentials a session will use, and the stored account they came from. */
export interface CredentialChoice {
  readonly connector: ConnectorId;
  readonly config: ParsedConnectorConfig;
  readonly connectorAccountId?: string;
}

const ACCOUNT_FIELD = 'input.connectorAccountId';
const MISSING_CONNECTOR = () => new InvalidInputError('MISSING_CONNECTOR', 'input.connector', 'Set input.connector or the x-connector header');
// One message for "no such id" and "another merchant's": it never reveals that an account exists.
const unknownAccount = () => new InvalidInputError('CONNECTOR_ACCOUNT_NOT_FOUND', ACCOUNT_FIELD, 'input.connectorAccountId names no connector account of this merchant');

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

async function fromStoredAccount(accounts: AccountCredentialSource, merchantId: string, accountId: string, named: ConnectorId | undefined, testMode: boolean): Promise<CredentialChoice> {
  if (!isUuid(accountId)) throw unknownAccount();
  const account = await accounts.byId(merchantId, accountId);
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

/**
 * Where a session's credentials come from, in this order: the `x-connector-config` (or
 * `x-connector-auth`) header, upstream's legacy `x-auth` + key headers, the account named by
 * `input.connectorAccountId`, the merchant's default enabled account for the connector and test
 * mode. The connector is `input.connector`, else `x-connector`, else the stored account's, else
 * (gRPC only) the one `x-connector-config` names. Account look-ups go through the cached
 * {@link AccountCredentialSource}.
 * @throws InvalidInputError naming the field or header.
 */
export async function chooseCredentials(
  connectors: ConnectorRegistry,
  accounts: AccountCredentialSource,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: ConnectorHeaders,
  testMode: boolean,
  options: CreateSessionCommandOptions = {},
): Promise<CredentialChoice> {
  const named = connectorOf(input, headers.connector);
  const config = parseConfigHeader(connectors, headers);
  if (config) {
    if (named !== undefined) return { connector: named, config };
    if (options.connectorFromConfig) return { connector: config.credentials.connector, config };
    throw MISSING_CONNECTOR();
  }
  if (headers.authType !== undefined) {
    if (named === undefined) throw new InvalidInputError('MISSING_METADATA', 'x-connector', 'Missing x-connector in request metadata (needed with x-auth)');
    return { connector: named, config: parseLegacyAuthHeaders(connectors, named, headers) };
  }
  if (input.connectorAccountId != null) return fromStoredAccount(accounts, merchantId, input.connectorAccountId, named, testMode);
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
