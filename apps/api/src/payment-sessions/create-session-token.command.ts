import { Secret } from '@prism-sessions/masking';
import { createMoney, type BrowserInformation, type ConnectorState } from '@prism-sessions/domain-types';
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import type { ConnectorHeaders } from '../connectors/connector-headers';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { BrowserInformationInput, ConnectorStateInput, CreateSessionTokenInput } from './create-session-token.input';
import type { CreateSessionCommand } from './payment-session.service';
import { chooseCredentials, type CreateSessionCommandOptions } from './session-credentials';

export type { CreateSessionCommandOptions } from './session-credentials';

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
 * Turns validated input plus the connector headers (or a stored connector account) into a service
 * command: the one mapping both surfaces use (GraphQL `createSessionToken` and the gRPC/HTTP alias,
 * which builds the same {@link CreateSessionTokenInput} from the proto message). Secrets are wrapped
 * here, at the edge. Throws {@link InvalidInputError} naming the field or header.
 */
export async function toCreateSessionCommand(
  connectors: ConnectorRegistry,
  accounts: AccountCredentialSource,
  merchantId: string,
  input: CreateSessionTokenInput,
  headers: ConnectorHeaders,
  options: CreateSessionCommandOptions = {},
): Promise<CreateSessionCommand> {
  const testMode = input.testMode ?? true;
  const { connector, config, connectorAccountId } = await chooseCredentials(connectors, accounts, merchantId, input, headers, testMode, options);
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
