import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Secret } from '@org/masking';
import type { BrowserInformation, ConnectorCredentials, ConnectorState, Money } from '@org/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';
import { IntegrationError, type Clock, type HttpTransport } from '@org/connector-interfaces';
import type { ConnectorRegistry, RegisteredConnector, SessionTokenCall } from '../connectors/connector-registry';
import { BaseUrlNotAllowedError, resolveGatewayBaseUrl, type BaseUrlOverrides } from '../connectors/gateway-base-url';
import type { ConnectorStateRepository } from '../connector-state/connector-state.repository';
import type { FieldEncryptor } from '../crypto/field-encryption';
import { accessTokenAad, connectorFeatureDataAad, metadataAad, tokenAad } from '../crypto/column-aad';
import { InvalidInputError } from '../errors/app-errors';
import type { Logger } from '../logging/logger';
import type { AttemptCompletion, Claim, ClaimData, PaymentSessionRepository } from './payment-session.repository';
import { sessionFingerprint } from './session-fingerprint';
import { duplicateExplanation, faultCompletion, gatewayError } from './attempt-outcome';
import { effectiveStatus, type SessionError, type SessionRecord } from './session-record';
import { inactiveError, statusCodeOf } from './session-result';

/** A validated createSessionToken request. */
export interface CreateSessionCommand {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly credentials: ConnectorCredentials;
  /** Upstream's per-request gateway URL override; honoured only for allow-listed hosts. */
  readonly requestBaseUrl?: string;
  readonly merchantSessionId: string;
  readonly amount: Money;
  readonly testMode: boolean;
  readonly idempotencyKey?: string;
  readonly browserInfo?: BrowserInformation;
  readonly metadata?: Secret<string>;
  readonly connectorFeatureData?: Secret<string>;
  readonly state?: ConnectorState;
}

/** What createSessionToken answers. */
export interface CreateSessionResult {
  readonly session: SessionRecord;
  /** The live token, for the owning merchant only. */
  readonly token?: Secret<string>;
  readonly statusCode: number;
  readonly error?: SessionError;
  readonly replayed: boolean;
}

/** Settings of the session service. */
export interface PaymentSessionServiceOptions {
  readonly expiryMarginSeconds: number;
  /** The transport's total timeout: how long a PENDING session may legitimately stay PENDING. */
  readonly gatewayTimeoutMs: number;
  readonly baseUrlOverrides: BaseUrlOverrides;
  readonly baseUrlAllowlist: ReadonlySet<string>;
}

/** Dependencies of the session service. */
export interface PaymentSessionServiceDeps {
  readonly sessions: PaymentSessionRepository;
  readonly connectorStates: ConnectorStateRepository;
  readonly connectors: ConnectorRegistry;
  readonly transport: HttpTransport;
  readonly encryptor: FieldEncryptor;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: PaymentSessionServiceOptions;
}

const PENDING_POLL_MS = 25;
const MAX_CLAIM_ROUNDS = 8;

/**
 * Creates, replays, lists and revokes gateway sessions. Guarantees: nothing is written or sent for
 * invalid input; one gateway call per (merchant, connector, merchantSessionId) at a time, across
 * processes (the PENDING row is the lock); every call's outcome is persisted before it is reported.
 */
export class PaymentSessionService {
  readonly #inFlight = new Map<string, { fingerprint: string; result: Promise<CreateSessionResult> }>();

  constructor(private readonly deps: PaymentSessionServiceDeps) {}

  async createSessionToken(command: CreateSessionCommand): Promise<CreateSessionResult> {
    const connector = this.deps.connectors[command.connector];
    const call = this.prepareCall(connector, command);
    const fingerprint = sessionFingerprint(command);
    const key = `${command.merchantId}|${command.connector}|${command.merchantSessionId}`;

    // Identical requests inside this process share one promise; other processes meet at the PENDING row.
    const running = this.#inFlight.get(key);
    if (running?.fingerprint === fingerprint) return { ...(await running.result), replayed: true };
    // Different parameters while one is in flight: the database decides (it will be a conflict).
    if (running) return this.createOrReplay(command, connector, call, fingerprint);
    const result = this.createOrReplay(command, connector, call, fingerprint);
    this.#inFlight.set(key, { fingerprint, result });
    try {
      return await result;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /** Validates everything that can be validated without I/O. Throws {@link InvalidInputError}. */
  private prepareCall(connector: RegisteredConnector, command: CreateSessionCommand): SessionTokenCall {
    if (command.credentials.connector !== command.connector) {
      throw new InvalidInputError('CONNECTOR_MISMATCH', 'x-connector-config', `x-connector-config holds ${command.credentials.connector} credentials but the request is for ${command.connector}`);
    }
    if (!connector.capabilities.supportedCurrencies.includes(command.amount.currency)) {
      throw new InvalidInputError('UNSUPPORTED_CURRENCY', 'input.amount.currency', `Currency ${command.amount.currency} is not supported by ${connector.displayName}`);
    }
    let baseUrl: string;
    try {
      baseUrl = resolveGatewayBaseUrl(connector, command.testMode, this.deps.options.baseUrlOverrides, this.deps.options.baseUrlAllowlist, command.requestBaseUrl);
    } catch (error) {
      if (error instanceof BaseUrlNotAllowedError) throw new InvalidInputError('BASE_URL_NOT_ALLOWED', 'x-connector-config.base_url', error.message);
      throw error;
    }
    const call: SessionTokenCall = {
      flowData: {
        merchantId: command.merchantId,
        connectorRequestReferenceId: command.merchantSessionId,
        testMode: command.testMode,
        ...(command.connectorFeatureData ? { connectorFeatureData: command.connectorFeatureData } : {}),
      },
      request: { amount: command.amount, ...(command.browserInfo ? { browserInfo: command.browserInfo } : {}) },
      credentials: command.credentials,
      baseUrl,
      clock: this.deps.clock,
    };
    try {
      connector.validateSessionToken(call);
    } catch (error) {
      if (error instanceof IntegrationError) {
        throw new InvalidInputError(error.code, error.field === 'merchantSessionId' ? 'input.merchantSessionId' : (error.field ?? 'input'), error.message);
      }
      throw error;
    }
    return call;
  }

  private async createOrReplay(command: CreateSessionCommand, connector: RegisteredConnector, call: SessionTokenCall, fingerprint: string): Promise<CreateSessionResult> {
    const { sessions } = this.deps;
    const deadline = Date.now() + this.deps.options.gatewayTimeoutMs + 5_000;
    for (let round = 0; round < MAX_CLAIM_ROUNDS && Date.now() < deadline; round += 1) {
      // Most requests open a new session: try the insert first; when the row exists, the same
      // statement returns it (a replay costs one round trip too).
      let found: SessionRecord | null = null;
      if (round === 0 && command.idempotencyKey === undefined) {
        const first = await sessions.claimNew(this.claimData(command, fingerprint, randomUUID()), this.deps.clock.now());
        if (first.claim) return this.callGateway(command, connector, call, first.claim, null);
        found = first.existing;
      }
      if (command.idempotencyKey !== undefined) {
        const byKey = await sessions.findByIdempotencyKey(command.merchantId, command.idempotencyKey);
        if (byKey) {
          if (byKey.requestFingerprint !== fingerprint) return this.conflictWith(byKey);
          if (byKey.status === 'PENDING') {
            await this.waitWhilePending(byKey, deadline);
            continue;
          }
          // Stripe semantics: the same key returns the stored outcome, failures included.
          return this.replay(byKey);
        }
      }
      const existing = found ?? (await sessions.findByMerchantSessionId(command.merchantId, command.connector, command.merchantSessionId));
      if (!existing) {
        const { claim } = await sessions.claimNew(this.claimData(command, fingerprint, randomUUID()), this.deps.clock.now());
        if (claim) return this.callGateway(command, connector, call, claim, null);
        continue;
      }
      if (existing.requestFingerprint !== fingerprint) return this.conflictWith(existing);
      const status = effectiveStatus(existing, this.deps.clock.now());
      if (status === 'ACTIVE') return this.replay(existing);
      if (status === 'PENDING') {
        await this.waitWhilePending(existing, deadline);
        continue;
      }
      const claim = await sessions.claimRetry(existing, this.claimData(command, fingerprint, existing.id), this.deps.clock.now());
      if (claim) return this.callGateway(command, connector, call, claim, existing);
    }
    const current = await sessions.findByMerchantSessionId(command.merchantId, command.connector, command.merchantSessionId);
    if (!current) throw new Error('Session vanished while waiting for a concurrent attempt');
    return { session: current, statusCode: 409, replayed: false, error: { unifiedCode: 'SESSION_IN_PROGRESS', source: 'IDEMPOTENCY', retryable: true } };
  }

  private claimData(command: CreateSessionCommand, fingerprint: string, id: string): ClaimData {
    const { encryptor } = this.deps;
    return {
      id,
      merchantId: command.merchantId,
      connector: command.connector,
      merchantSessionId: command.merchantSessionId,
      idempotencyKey: command.idempotencyKey ?? null,
      requestFingerprint: fingerprint,
      minorAmount: command.amount.minorAmount,
      currency: command.amount.currency,
      testMode: command.testMode,
      metadataCiphertext: command.metadata ? encryptor.encrypt(command.metadata.expose(), metadataAad(id)) : null,
      connectorFeatureDataCiphertext: command.connectorFeatureData
        ? encryptor.encrypt(command.connectorFeatureData.expose(), connectorFeatureDataAad(id))
        : null,
      encryptionKeyId: encryptor.currentKeyId,
    };
  }

  /** Polls a session another request is working on until it settles (or the owner is presumed dead). */
  private async waitWhilePending(session: SessionRecord, deadline: number): Promise<void> {
    const staleAfterMs = this.deps.options.gatewayTimeoutMs + 5_000;
    if (this.deps.clock.now().getTime() - session.updatedAt.getTime() > staleAfterMs) {
      await this.deps.sessions.abandonStalePending(session, this.deps.clock.now());
      return;
    }
    while (Date.now() < deadline) {
      await sleep(PENDING_POLL_MS);
      const current = await this.deps.sessions.findById(session.merchantId, session.id);
      if (!current || current.status !== 'PENDING' || current.updatedAt.getTime() !== session.updatedAt.getTime()) return;
    }
  }

  private async callGateway(
    command: CreateSessionCommand,
    connector: RegisteredConnector,
    call: SessionTokenCall,
    claim: Claim,
    previous: SessionRecord | null,
  ): Promise<CreateSessionResult> {
    if (command.state) await this.storeConnectorState(command.merchantId, command.connector, command.state);
    const log = this.deps.logger.child({ sessionId: claim.session.id, connector: connector.id, attempt: claim.attemptNumber });
    let completion: AttemptCompletion;
    let token: Secret<string> | undefined;
    try {
      const result = await connector.createSessionToken(call, this.deps.transport, {
        onResponse: (response, elapsedMs) => log.info({ httpStatus: response.status, elapsedMs: Math.round(elapsedMs) }, 'gateway answered'),
      });
      if (result.status === 'SUCCESS') {
        token = result.data.sessionToken;
        completion = this.activeCompletion(claim, token, connector, result.httpStatus);
      } else if (result.error.unifiedCode === 'DUPLICATE_REQUEST' && this.holdsLiveToken(previous)) {
        // Paytm 0002: the gateway already has this orderId and we hold its live token: hand that back.
        token = this.decryptToken(previous);
        completion = { status: 'ACTIVE', httpStatus: result.httpStatus, expiresAt: previous.expiresAt, error: null };
      } else if (result.error.unifiedCode === 'DUPLICATE_REQUEST') {
        const error = { ...gatewayError(connector, result.error), description: duplicateExplanation(previous) };
        completion = { status: 'FAILED', httpStatus: result.httpStatus, expiresAt: null, error };
      } else {
        // A gateway that marks its own error PENDING (Paytm 5xx) may still have acted: outcome unknown.
        const status = result.error.attemptStatus === 'PENDING' ? 'OUTCOME_UNKNOWN' : 'FAILED';
        completion = { status, httpStatus: result.httpStatus, expiresAt: null, error: gatewayError(connector, result.error) };
      }
    } catch (error) {
      completion = faultCompletion(error);
      if (completion.error?.unifiedCode === 'INTERNAL_ERROR') log.error({ err: error }, 'unexpected failure during gateway call');
    }
    const session = await this.deps.sessions.completeAttempt(claim, completion, this.deps.clock.now());
    log.info({ status: session.status, unifiedCode: completion.error?.unifiedCode }, 'session attempt completed');
    return this.resultOf(session, token, completion.error, false);
  }

  private activeCompletion(claim: Claim, token: Secret<string>, connector: RegisteredConnector, httpStatus: number): AttemptCompletion {
    const lifetimeMs = Math.max(0, connector.capabilities.sessionTokenLifetimeSeconds - this.deps.options.expiryMarginSeconds) * 1000;
    return {
      status: 'ACTIVE',
      httpStatus,
      tokenCiphertext: this.deps.encryptor.encrypt(token.peek(), tokenAad(claim.session.id)),
      encryptionKeyId: this.deps.encryptor.currentKeyId,
      expiresAt: new Date(this.deps.clock.now().getTime() + lifetimeMs),
      error: null,
    };
  }

  private holdsLiveToken(session: SessionRecord | null): session is SessionRecord & { tokenCiphertext: Uint8Array; expiresAt: Date } {
    return session !== null && session.status !== 'REVOKED' && session.tokenCiphertext !== null && session.expiresAt !== null && session.expiresAt.getTime() > this.deps.clock.now().getTime();
  }

  private decryptToken(session: SessionRecord & { tokenCiphertext: Uint8Array }): Secret<string> {
    return new Secret(this.deps.encryptor.decrypt(session.tokenCiphertext, session.encryptionKeyId ?? '', tokenAad(session.id)));
  }

  /** The stored outcome, without a gateway call. */
  private replay(session: SessionRecord): CreateSessionResult {
    const status = effectiveStatus(session, this.deps.clock.now());
    const token = status === 'ACTIVE' && session.tokenCiphertext !== null ? this.decryptToken({ ...session, tokenCiphertext: session.tokenCiphertext }) : undefined;
    return this.resultOf(session, token, session.error ?? undefined, true);
  }

  private resultOf(session: SessionRecord, token: Secret<string> | undefined, storedError: SessionError | null | undefined, replayed: boolean): CreateSessionResult {
    const status = effectiveStatus(session, this.deps.clock.now());
    if (token && status === 'ACTIVE') return { session, token, statusCode: 200, replayed };
    const error = storedError ?? inactiveError(status);
    return { session, statusCode: statusCodeOf(session.httpStatus, error), replayed, error };
  }

  private conflictWith(session: SessionRecord): CreateSessionResult {
    return { session, statusCode: 409, replayed: false, error: { unifiedCode: 'IDEMPOTENCY_CONFLICT', source: 'IDEMPOTENCY', retryable: false } };
  }

  private async storeConnectorState(merchantId: string, connector: ConnectorId, state: ConnectorState): Promise<void> {
    const { encryptor } = this.deps;
    const aad = accessTokenAad(merchantId, connector);
    const expiresIn = state.accessToken?.expiresInSeconds;
    await this.deps.connectorStates.upsert({
      merchantId,
      connector,
      accessTokenCiphertext: state.accessToken ? encryptor.encrypt(state.accessToken.token.expose(), aad) : null,
      accessTokenType: state.accessToken?.tokenType ?? null,
      accessTokenExpiresAt: expiresIn !== undefined && expiresIn < 10n ** 9n ? new Date(this.deps.clock.now().getTime() + Number(expiresIn) * 1000) : null,
      connectorCustomerId: state.connectorCustomerId ?? null,
      encryptionKeyId: encryptor.currentKeyId,
    });
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
    if (effectiveStatus(session, this.deps.clock.now()) !== 'ACTIVE' || session.tokenCiphertext === null) return undefined;
    return this.decryptToken({ ...session, tokenCiphertext: session.tokenCiphertext });
  }

  private async persistExpiries(merchantId: string, sessions: readonly SessionRecord[]): Promise<void> {
    const now = this.deps.clock.now();
    const expired = sessions.filter((s) => s.status === 'ACTIVE' && effectiveStatus(s, now) === 'EXPIRED').map((s) => s.id);
    await this.deps.sessions.persistExpired(merchantId, expired, now);
  }
}
