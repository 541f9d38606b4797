import { randomBytes } from 'node:crypto';
import { createMoney } from '@org/domain-types';
import type { Clock, HttpTransport } from '@org/connector-interfaces';
import type { ConnectorId, ConnectorRegistry, ParsedCredentials } from '../connectors/connector-registry';
import type { Logger } from '../logging/logger';
import { prepareGatewayCall, type GatewayCallOptions } from '../payment-sessions/gateway-call';
import type { AccountError } from './account-error';

/** What `verify: true` does for one connector. */
export type CredentialCheck =
  /** A session-token call with the credentials: side-effect free at this gateway. */
  | { readonly kind: 'session-token' }
  /** No side-effect-free call exists: `verify: true` is refused with `VERIFICATION_UNAVAILABLE` (nothing saved). */
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Every connector declares its check (a new connector fails to compile until it does). Documented
 * per connector in README.md (Connector accounts).
 */
export const CREDENTIAL_CHECKS: Readonly<Record<ConnectorId, CredentialCheck>> = {
  // Nuvei getSessionToken only opens a 15-minute session: no order, no payment.
  nuvei: { kind: 'session-token' },
  // Paytm's token call (Initiate Transaction) creates an order at the gateway, and Paytm offers no
  // credential-only endpoint.
  paytm: { kind: 'unavailable', reason: 'Paytm has no side-effect-free call to check credentials with (its token call creates an order); save the account without verify' },
};

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
  const check = CREDENTIAL_CHECKS[connector];
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
