import type { Secret } from '@prism-sessions/masking';
import type { ConnectorState } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';
import type { Clock, HttpTransport } from '@prism-sessions/connector-interfaces';
import type { AccessTokens } from '../connector-state/access-tokens';
import type { ConnectorStateRepository, ConnectorStateWrite } from '../connector-state/connector-state.repository';
import type { Logger } from '../logging/logger';
import type { AppMetrics } from '../metrics/app-metrics';
import { completionOf } from './attempt-outcome';
import type { CreateSessionCommand } from './create-session';
import type { GatewayCall } from './gateway-call';
import type { PaymentSessionRepository } from './payment-session.repository';
import type { SessionError } from './session-error';
import type { SessionRecord } from './session-record';
import type { Claim } from './session-writes';

const GATEWAY_OUTCOME = { SUCCESS: 'success', FAILURE: 'failure', FAULT: 'fault' } as const;

/** Dependencies of {@link runAttempt}. */
export interface AttemptDeps {
  readonly sessions: PaymentSessionRepository;
  readonly connectorStates: ConnectorStateRepository;
  /** Stored access tokens, for connectors that call with one. */
  readonly accessTokens: AccessTokens;
  readonly transport: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: AppMetrics;
  readonly expiryMarginSeconds: number;
}

/** A finished attempt, as persisted. */
export interface AttemptResult {
  readonly session: SessionRecord;
  /** The token to hand back: the new one, or the live one the session already held. */
  readonly token?: Secret<string>;
  readonly error: SessionError | null;
}

/**
 * Runs an attempt this request has claimed: stores the merchant's connector state, calls the gateway
 * once and persists the outcome, whatever it is, before returning it.
 */
export async function runAttempt(
  deps: AttemptDeps,
  command: Pick<CreateSessionCommand, 'merchantId' | 'connector' | 'state'>,
  call: GatewayCall,
  claim: Claim,
  previous: SessionRecord | null,
): Promise<AttemptResult> {
  if (command.state) await deps.connectorStates.upsert(connectorStateWrite(command.merchantId, command.connector, command.state, deps.clock.now()));
  const log = deps.logger.child({ sessionId: claim.session.id, connector: call.connectorId, attempt: claim.attemptNumber });
  const started = performance.now();
  const outcome = await call.send(
    deps.transport,
    { onResponse: (response, elapsedMs) => log.info({ httpStatus: response.status, elapsedMs: Math.round(elapsedMs) }, 'gateway answered') },
    { attemptId: `${claim.session.id}:${claim.attemptNumber}`, accessTokens: deps.accessTokens },
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const context = { now: deps.clock.now(), tokenLifetimeSeconds: call.tokenLifetimeSeconds, expiryMarginSeconds: deps.expiryMarginSeconds, previous };
  const { completion, token } = completionOf(outcome, context);
  deps.metrics.gatewayCall(call.connectorId, GATEWAY_OUTCOME[outcome.status], completion.error?.unifiedCode, elapsedSeconds);
  if (outcome.status === 'FAULT' && completion.error?.unifiedCode === 'INTERNAL_ERROR') log.error({ err: outcome.error }, 'unexpected failure during gateway call');
  const recorded = outcome.accessTokenSource === undefined ? completion : { ...completion, accessTokenSource: outcome.accessTokenSource };
  const session = await deps.sessions.completeAttempt(claim, recorded, deps.clock.now());
  log.info({ status: session.status, unifiedCode: completion.error?.unifiedCode, accessTokenSource: outcome.accessTokenSource }, 'session attempt completed');
  deps.metrics.sessionCreated(call.connectorId, session.status, command.merchantId);
  return { session, ...(token ? { token } : {}), error: completion.error };
}

function connectorStateWrite(merchantId: string, connector: ConnectorId, state: ConnectorState, now: Date): ConnectorStateWrite {
  const expiresIn = state.accessToken?.expiresInSeconds;
  return {
    merchantId,
    connector,
    accessToken: state.accessToken?.token ?? null,
    accessTokenType: state.accessToken?.tokenType ?? null,
    // An Int64 lifetime can overflow a Date: from 10^9 s (about 31 years) up, it is stored as no expiry.
    accessTokenExpiresAt: expiresIn !== undefined && expiresIn < 10n ** 9n ? new Date(now.getTime() + Number(expiresIn) * 1000) : null,
    connectorCustomerId: state.connectorCustomerId ?? null,
  };
}
