import type { Secret } from '@prism-sessions/masking';
import type { Clock, HttpTransport } from '@prism-sessions/connector-interfaces';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import { AccessTokens } from '../connector-state/access-tokens';
import type { ConnectorStateRepository } from '../connector-state/connector-state.repository';
import type { Logger } from '../logging/logger';
import type { AppMetrics } from '../metrics/app-metrics';
import type { CreateSessionCommand, CreateSessionResult } from './create-session';
import { withDeadline } from './deadline-transport';
import { prepareGatewayCall, type GatewayCall, type GatewayCallOptions } from './gateway-call';
import type { PaymentSessionRepository } from './payment-session.repository';
import { runAttempt } from './session-attempt';
import { claimSession } from './session-claim';
import { inactiveError, statusCodeOf, type SessionError } from './session-error';
import { sessionFingerprint } from './session-fingerprint';
import { effectiveStatus, type SessionRecord } from './session-record';

export type { CreateSessionCommand, CreateSessionResult } from './create-session';

/** Settings of the session service. */
export interface PaymentSessionServiceOptions extends GatewayCallOptions {
  readonly expiryMarginSeconds: number;
  /** The transport's total timeout: how long a PENDING session may legitimately stay PENDING. */
  readonly gatewayTimeoutMs: number;
}

/** Dependencies of the session service. */
export interface PaymentSessionServiceDeps {
  readonly sessions: PaymentSessionRepository;
  readonly connectorStates: ConnectorStateRepository;
  readonly connectors: ConnectorRegistry;
  readonly transport: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: AppMetrics;
  readonly options: PaymentSessionServiceOptions;
}

/**
 * Creates, replays, lists and revokes gateway sessions. Guarantees: nothing is written or sent for
 * invalid input; one gateway call per (merchant, connector, merchantSessionId) at a time, across
 * processes (the PENDING row is the lock, see {@link claimSession}); every call's outcome is
 * persisted before it is reported.
 */
export class PaymentSessionService {
  readonly #inFlight = new Map<string, { fingerprint: string; result: Promise<CreateSessionResult> }>();
  readonly #accessTokens: AccessTokens;

  constructor(private readonly deps: PaymentSessionServiceDeps) {
    // The same margin as session tokens: a stored access token is reused only while it outlives it.
    this.#accessTokens = new AccessTokens(deps.connectorStates, deps.clock, {
      safetyMarginSeconds: deps.options.expiryMarginSeconds,
      lockTimeoutMs: deps.options.gatewayTimeoutMs * 3 + 5_000,
    });
  }

  /** The access tokens this service keeps (shared with other callers that mint client tokens). */
  get accessTokens(): AccessTokens {
    return this.#accessTokens;
  }

  async createSessionToken(command: CreateSessionCommand): Promise<CreateSessionResult> {
    const call = prepareGatewayCall(this.deps.connectors, command, this.deps.options, this.deps.clock);
    const fingerprint = sessionFingerprint(command);
    const key = `${command.merchantId}|${command.connector}|${command.merchantSessionId}`;

    // Identical requests inside this process share one promise; other processes meet at the PENDING row.
    const running = this.#inFlight.get(key);
    if (running?.fingerprint === fingerprint) {
      const shared = await running.result;
      this.deps.metrics.replay(command.connector);
      return { ...shared, replayed: true };
    }
    // Different parameters while one is in flight: the database decides (it will be a conflict).
    if (running) return this.createOrReplay(command, call, fingerprint);
    const result = this.createOrReplay(command, call, fingerprint);
    this.#inFlight.set(key, { fingerprint, result });
    try {
      return await result;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  private async createOrReplay(command: CreateSessionCommand, call: GatewayCall, fingerprint: string): Promise<CreateSessionResult> {
    const { sessions, connectorStates, transport, clock, logger, metrics, options } = this.deps;
    const outcome = await claimSession({ sessions, clock, gatewayTimeoutMs: options.gatewayTimeoutMs }, command, fingerprint);
    switch (outcome.kind) {
      case 'claimed': {
        const callTransport = command.deadline ? withDeadline(transport, command.deadline) : transport;
        const attemptDeps = {
          sessions,
          connectorStates,
          accessTokens: this.#accessTokens,
          transport: callTransport,
          clock,
          logger,
          metrics,
          expiryMarginSeconds: options.expiryMarginSeconds,
        };
        const attempt = await runAttempt(attemptDeps, command, call, outcome.claim, outcome.previous);
        return this.resultOf(attempt.session, attempt.token, attempt.error, false);
      }
      case 'replay':
        metrics.replay(command.connector);
        return this.replay(outcome.session);
      case 'conflict':
        metrics.conflict(command.connector, 'idempotency_conflict');
        return { session: outcome.session, statusCode: 409, replayed: false, error: { unifiedCode: 'IDEMPOTENCY_CONFLICT', source: 'IDEMPOTENCY', retryable: false } };
      case 'in-progress':
        metrics.conflict(command.connector, 'in_progress');
        return { session: outcome.session, statusCode: 409, replayed: false, error: { unifiedCode: 'SESSION_IN_PROGRESS', source: 'IDEMPOTENCY', retryable: true } };
    }
  }

  /** The stored outcome, without a gateway call. */
  private replay(session: SessionRecord): CreateSessionResult {
    const token = effectiveStatus(session, this.deps.clock.now()) === 'ACTIVE' ? (session.token ?? undefined) : undefined;
    return this.resultOf(session, token, session.error ?? undefined, true);
  }

  private resultOf(session: SessionRecord, token: Secret<string> | undefined, storedError: SessionError | null | undefined, replayed: boolean): CreateSessionResult {
    const status = effectiveStatus(session, this.deps.clock.now());
    if (token && status === 'ACTIVE') return { session, token, statusCode: 200, replayed };
    const error = storedError ?? inactiveError(status);
    return { session, statusCode: statusCodeOf(session.httpStatus, error), replayed, error };
  }

  /** One of the merchant's sessions (null when absent or another merchant's), with expiry persisted lazily. */
  async getSession(merchantId: string, id: string): Promise<SessionRecord | null> {
    const session = await this.deps.sessions.findById(merchantId, id);
    if (session) await this.persistExpiries(merchantId, [session]);
    return session;
  }

  /** Relay page of the merchant's sessions. */
  async listSessions(merchantId: string, options: Omit<Parameters<PaymentSessionRepository['list']>[1], 'now'>) {
    const page = await this.deps.sessions.list(merchantId, { ...options, now: this.deps.clock.now() });
    await this.persistExpiries(merchantId, page.records);
    return page;
  }

  /** Revokes one of the merchant's sessions; null when it has no such session. */
  async revokeSession(merchantId: string, id: string): Promise<SessionRecord | null> {
    return this.deps.sessions.revoke(merchantId, id, this.deps.clock.now());
  }

  /** The token of an ACTIVE session, for its owner. */
  revealToken(session: SessionRecord): Secret<string> | undefined {
    if (effectiveStatus(session, this.deps.clock.now()) !== 'ACTIVE') return undefined;
    return session.token ?? undefined;
  }

  private async persistExpiries(merchantId: string, sessions: readonly SessionRecord[]): Promise<void> {
    const now = this.deps.clock.now();
    const expired = sessions.filter((s) => s.status === 'ACTIVE' && effectiveStatus(s, now) === 'EXPIRED').map((s) => s.id);
    await this.deps.sessions.persistExpired(merchantId, expired, now);
  }
}
