import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@prism-sessions/connector-interfaces';
import type { CreateSessionCommand } from './create-session';
import type { PaymentSessionRepository } from './payment-session.repository';
import { effectiveStatus, type SessionRecord } from './session-record';
import type { Claim, ClaimData } from './session-writes';

/** What a request may do about its session, as decided by {@link claimSession}. */
export type ClaimOutcome =
  /** This request owns a new attempt (the row is PENDING): it must call the gateway, then complete the attempt. */
  | { readonly kind: 'claimed'; readonly claim: Claim; readonly previous: SessionRecord | null }
  /** A settled session with the same parameters: return what it stores. */
  | { readonly kind: 'replay'; readonly session: SessionRecord }
  /** The merchantSessionId or idempotency key was used with different parameters. */
  | { readonly kind: 'conflict'; readonly session: SessionRecord }
  /** Another request still holds the session after every round of waiting. */
  | { readonly kind: 'in-progress'; readonly session: SessionRecord };

/** Dependencies of the claim protocol. */
export interface ClaimDeps {
  readonly sessions: PaymentSessionRepository;
  readonly clock: Clock;
  /** The transport's total timeout: how long a PENDING session may legitimately stay PENDING. */
  readonly gatewayTimeoutMs: number;
}

/** The request fields the claim protocol reads and writes. */
export type ClaimCommand = Pick<
  CreateSessionCommand,
  'merchantId' | 'connector' | 'connectorAccountId' | 'paymentId' | 'merchantSessionId' | 'idempotencyKey' | 'amount' | 'testMode' | 'metadata' | 'connectorFeatureData'
>;

const PENDING_POLL_MS = 25;
const MAX_CLAIM_ROUNDS = 8;

/**
 * Decides, through the database, whether this request calls the gateway. The PENDING row is the
 * lock: at most one attempt per (merchant, connector, merchantSessionId) runs at a time across
 * processes. A request waits while another one's attempt is PENDING; a PENDING row whose owner has
 * been silent for longer than a gateway call can last (presumed crashed) is marked OUTCOME_UNKNOWN,
 * and may then be retried.
 */
export async function claimSession(deps: ClaimDeps, command: ClaimCommand, fingerprint: string): Promise<ClaimOutcome> {
  const { sessions, clock } = deps;
  const claimData = (id: string) => claimDataOf(command, fingerprint, id);
  const deadline = Date.now() + deps.gatewayTimeoutMs + 5_000;
  for (let round = 0; round < MAX_CLAIM_ROUNDS && Date.now() < deadline; round += 1) {
    // Most requests open a new session: try the insert first; when the row exists, the same
    // statement returns it (a replay costs one round trip too).
    let found: SessionRecord | null = null;
    if (round === 0 && command.idempotencyKey === undefined) {
      const first = await sessions.claimNew(claimData(randomUUID()), clock.now());
      if (first.claim) return { kind: 'claimed', claim: first.claim, previous: null };
      found = first.existing;
    }
    if (command.idempotencyKey !== undefined) {
      const byKey = await sessions.findByIdempotencyKey(command.merchantId, command.idempotencyKey);
      if (byKey) {
        if (byKey.requestFingerprint !== fingerprint) return { kind: 'conflict', session: byKey };
        if (byKey.status === 'PENDING') {
          await waitWhilePending(deps, byKey, deadline);
          continue;
        }
        // Stripe semantics: the same key returns the stored outcome, failures included.
        return { kind: 'replay', session: byKey };
      }
    }
    const existing = found ?? (await sessions.findByMerchantSessionId(command.merchantId, command.connector, command.merchantSessionId));
    if (!existing) {
      const { claim } = await sessions.claimNew(claimData(randomUUID()), clock.now());
      if (claim) return { kind: 'claimed', claim, previous: null };
      continue;
    }
    if (existing.requestFingerprint !== fingerprint) return { kind: 'conflict', session: existing };
    const status = effectiveStatus(existing, clock.now());
    if (status === 'ACTIVE') return { kind: 'replay', session: existing };
    if (status === 'PENDING') {
      await waitWhilePending(deps, existing, deadline);
      continue;
    }
    const claim = await sessions.claimRetry(existing, claimData(existing.id), clock.now());
    if (claim) return { kind: 'claimed', claim, previous: existing };
  }
  const current = await sessions.findByMerchantSessionId(command.merchantId, command.connector, command.merchantSessionId);
  if (!current) throw new Error('Session vanished while waiting for a concurrent attempt');
  return { kind: 'in-progress', session: current };
}

function claimDataOf(command: ClaimCommand, fingerprint: string, id: string): ClaimData {
  return {
    id,
    merchantId: command.merchantId,
    connector: command.connector,
    connectorAccountId: command.connectorAccountId ?? null,
    paymentId: command.paymentId ?? null,
    merchantSessionId: command.merchantSessionId,
    idempotencyKey: command.idempotencyKey ?? null,
    requestFingerprint: fingerprint,
    minorAmount: command.amount.minorAmount,
    currency: command.amount.currency,
    testMode: command.testMode,
    metadata: command.metadata ?? null,
    connectorFeatureData: command.connectorFeatureData ?? null,
  };
}

/** Polls a session another request is working on until it settles (or the owner is presumed dead). */
async function waitWhilePending(deps: ClaimDeps, session: SessionRecord, deadline: number): Promise<void> {
  const staleAfterMs = deps.gatewayTimeoutMs + 5_000;
  if (deps.clock.now().getTime() - session.updatedAt.getTime() > staleAfterMs) {
    await deps.sessions.abandonStalePending(session, deps.clock.now());
    return;
  }
  while (Date.now() < deadline) {
    await sleep(PENDING_POLL_MS);
    const current = await deps.sessions.findById(session.merchantId, session.id);
    if (!current || current.status !== 'PENDING' || current.updatedAt.getTime() !== session.updatedAt.getTime()) return;
  }
}
