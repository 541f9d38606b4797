import { randomBytes } from 'node:crypto';
import { createMoney } from '@prism-sessions/domain-types';
import type { Clock, HttpTransport } from '@prism-sessions/connector-interfaces';
import type { ConnectorId, ConnectorRegistry, ParsedCredentials } from '../connectors/connector-registry';
import type { Logger } from '../logging/logger';
import { prepareGatewayCall, type GatewayCallOptions } from '../payment-sessions/gateway-call';
import type { AccountError } from './account-error';

/** Dependencies of {@link checkCredentials}. */
export interface CredentialCheckDeps {
  readonly connectors: ConnectorRegistry;
  readonly transport: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: GatewayCallOptions;
}

/** Runs the connector's live check; null when the gateway accepted the credentials. */
export async function checkCredentials(deps: CredentialCheckDeps, merchantId: string, connector: ConnectorId, testMode: boolean, credentials: ParsedCredentials): Promise<AccountError | null> {
  // Each connector library declares its check (ConnectorDefinition.credentialCheck); see README, Connector accounts.
  const check = deps.connectors[connector].credentialCheck;
  if (check.kind === 'unavailable') return { code: 'VERIFICATION_UNAVAILABLE', message: check.reason, source: 'VALIDATION', retryable: false };
  const call = prepareGatewayCall(
    deps.connectors,
    // A throw-away reference: the check creates no session of ours.
    { merchantId, connector, credentials, merchantSessionId: `verify_${randomBytes(8).toString('hex')}`, amount: createMoney(100n, 'USD'), testMode },
    deps.options,
    deps.clock,
  );
  const outcome = await call.send(deps.transport, {
    onResponse: (response, elapsedMs) => deps.logger.info({ connector, httpStatus: response.status, elapsedMs: Math.round(elapsedMs) }, 'credential check answered'),
  });
  if (outcome.status === 'SUCCESS') return null;
  if (outcome.status === 'FAULT') {
    return { code: 'VERIFICATION_FAILED', message: 'The gateway could not be reached to check the credentials; nothing was saved', source: 'NETWORK', retryable: true };
  }
  return {
    code: 'VERIFICATION_FAILED',
    message: 'The gateway refused these credentials; nothing was saved',
    source: 'GATEWAY',
    retryable: outcome.error.retryable,
    ...(outcome.error.connector ? { connector: outcome.error.connector } : {}),
    ...(outcome.error.gatewayHttpStatus !== undefined ? { gatewayHttpStatus: outcome.error.gatewayHttpStatus } : {}),
  };
}
