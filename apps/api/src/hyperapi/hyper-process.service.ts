import { createHash } from 'node:crypto';
import { decodeSignature, verifyClientPayload } from '@prism-sessions/client-auth';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { isDatabaseUnavailable } from '../errors/database-errors';
import type { Logger } from '../logging/logger';
import { hashClientAuthToken, isClientAuthTokenShaped, type ClientAuthTokenRepository } from './client-auth-token';
import { fail, HYPER_ERRORS, type HyperFailure, type HyperFailureReason } from './hyper-errors';
import { failureOutcome, successOutcome, type HyperOutcome } from './hyper-envelope';
import { echoableRequestId, HYPER_ACTIONS, parseHyperRequest, type ClientAuthTokenAuth, type HyperAction, type HyperRequest, type RequestIdFormat, type SignatureAuth } from './hyper-request';
import type { HyperSessionRepository } from './hyper-session.repository';
import { sessionTokenPayload } from './session-token-payload';
import { CUSTOMER_ID, isFresh, parseSignedClaims, sessionExpiry } from './signed-claims';
import type { UpiCustomerRepository } from './upi-customer.repository';
import { maskIndianMobile } from './upi-masking';
import { deriveOnboarding } from './upi-status';

/** Counters the service reports to (AppMetrics in the app). */
export interface HyperProcessObserver {
  rejected(reason: HyperFailureReason): void;
  accepted(action: string, authMethod: 'SIGNATURE' | 'CLIENT_AUTH_TOKEN'): void;
}

/** Settings of the pipeline (env: SIGNATURE_TTL_SECONDS, SIGNATURE_CLOCK_SKEW_SECONDS, UPI_PREFIX). */
export interface HyperProcessOptions {
  readonly ttlMs: number;
  readonly skewMs: number;
  /** The merchant's 3-character UPI handle prefix, returned as `prefix`. */
  readonly upiPrefix: string;
  readonly requestIdFormat?: RequestIdFormat;
  /** How often (at most) an instance purges expired requestIds; default one minute. */
  readonly purgeIntervalMs?: number;
}

export interface HyperProcessDeps {
  readonly sessions: HyperSessionRepository;
  readonly tokens: ClientAuthTokenRepository;
  readonly customers: UpiCustomerRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly observer: HyperProcessObserver;
  readonly options: HyperProcessOptions;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Who the request authenticated as, and until when its session may live. */
interface Authenticated {
  readonly merchantId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
  readonly signatureSha256: string | null;
  readonly clientAuthTokenHash?: string;
}

/**
 * The one service behind `POST /hyperapi/process` and the GraphQL `upiGetSessionToken`/`updateAuth`:
 * runs the verification pipeline of spec §10.2 in order (first failure wins), opens or renews the
 * session, and answers the seed's envelope. Never throws: every outcome is an envelope.
 */
export class HyperProcessService {
  #lastPurge = 0;

  constructor(private readonly deps: HyperProcessDeps) {}

  /**
   * Processes one envelope (already-parsed JSON, or the GraphQL input as a plain object).
   * @param actions the actions this surface serves (REST: all; each GraphQL mutation: its own).
   */
  async process(body: unknown, actions: readonly HyperAction[] = HYPER_ACTIONS): Promise<HyperOutcome> {
    const requestId = echoableRequestId(body);
    try {
      const parsed = parseHyperRequest(body, this.deps.options.requestIdFormat ?? 'uuid-v4', actions);
      if (!parsed.ok) return this.#reject(requestId, parsed.failure);
      return await this.#run(parsed.request);
    } catch (error) {
      const reason: HyperFailureReason = isDatabaseUnavailable(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR';
      this.deps.logger.error({ err: error, requestId }, 'hyperapi request failed');
      return this.#reject(requestId, fail(reason));
    }
  }

  /** A body that could not be read as JSON (too large, not UTF-8, not JSON): counted and answered like any refusal. */
  refuseUnreadableBody(detail: string): HyperOutcome {
    return this.#reject('', fail('BAD_REQUEST', detail));
  }

  async #run(request: HyperRequest): Promise<HyperOutcome> {
    const now = this.deps.clock.now();
    const auth = request.auth.kind === 'SIGNATURE' ? await this.#verifySignature(request.auth, now) : await this.#checkToken(request.auth, now);
    if ('reason' in auth) return this.#reject(request.requestId, auth);
    const { ttlMs, skewMs } = this.deps.options;
    const renew = request.action === 'updateAuth';
    const refused = await this.deps.sessions.accept({
      merchantId: auth.merchantId,
      customerId: auth.customerId,
      requestId: request.requestId,
      action: request.action,
      authMethod: request.auth.kind,
      signatureSha256: auth.signatureSha256,
      simId: request.simId ?? null,
      declaredMobileMasked: request.customerMobileNumber ? maskIndianMobile(request.customerMobileNumber.peek()) : null,
      issuedAt: now,
      expiresAt: auth.expiresAt,
      keepRequestIdUntil: new Date(now.getTime() + ttlMs + skewMs),
      renew,
      ...(auth.clientAuthTokenHash !== undefined ? { clientAuthTokenHash: auth.clientAuthTokenHash } : {}),
    });
    if (refused) return this.#reject(request.requestId, fail(refused));
    this.deps.observer.accepted(request.action, request.auth.kind);
    this.deps.logger.info({ requestId: request.requestId, action: request.action, authMethod: request.auth.kind }, renew ? 'hyperapi session renewed' : 'hyperapi session opened');
    this.#purgeNowAndThen(now);
    if (renew) return successOutcome(request.requestId, { action: request.action, expiryTimestamp: auth.expiresAt.toISOString() });
    const onboarding = deriveOnboarding(await this.deps.customers.state(auth.merchantId, auth.customerId));
    return successOutcome(
      request.requestId,
      sessionTokenPayload(onboarding, {
        action: request.action,
        prefix: this.deps.options.upiPrefix,
        expiresAt: auth.expiresAt,
        ...(request.udfParameters !== undefined ? { udfParameters: request.udfParameters } : {}),
      }),
    );
  }

  /** Steps 4–8: key, signature, claims, key owner, freshness. */
  async #verifySignature(auth: SignatureAuth, now: Date): Promise<Authenticated | HyperFailure> {
    if (!KEY_ID.test(auth.merchantKeyId)) return fail('UNAUTHORIZED');
    const candidates = await this.deps.sessions.signingKeyCandidates(auth.merchantKeyId);
    if (candidates.length === 0) return fail('UNAUTHORIZED');
    const signer = candidates.find((key) => verifyClientPayload(Buffer.from(key.spki), auth.signature.peek(), auth.signaturePayload.peek()));
    if (!signer) return fail('SIGNATURE_MISMATCH');
    const claims = parseSignedClaims(auth.signaturePayload.peek());
    if (!claims.ok) return claims.failure;
    if (claims.claims.merchantId !== signer.merchantId) return fail('MERCHANT_MISMATCH');
    if (!isFresh(claims.claims.timestampMs, now, this.deps.options)) return fail('REQUEST_EXPIRED');
    const signatureBytes = decodeSignature(auth.signature.peek()) ?? Buffer.alloc(0);
    return {
      merchantId: signer.merchantId,
      customerId: claims.claims.customerId,
      expiresAt: sessionExpiry(claims.claims.timestampMs, now, this.deps.options.ttlMs),
      signatureSha256: createHash('sha256').update(signatureBytes).digest('hex'),
    };
  }

  /** Step 10: the clientAuthToken exists, belongs to (merchantId, customerId), is unexpired and has uses left. */
  async #checkToken(auth: ClientAuthTokenAuth, now: Date): Promise<Authenticated | HyperFailure> {
    if (!CUSTOMER_ID.test(auth.customerId)) return fail('INVALID_DATA', 'payload.customerId must be 1–256 of A–Z a–z 0–9 . _ - @ :');
    const token = auth.clientAuthToken.peek();
    if (!isClientAuthTokenShaped(token)) return fail('UNAUTHORIZED');
    const tokenHash = hashClientAuthToken(token);
    const stored = await this.deps.tokens.find(tokenHash);
    if (!stored || stored.merchantId !== auth.merchantId || stored.customerId !== auth.customerId) return fail('UNAUTHORIZED');
    if (stored.expiresAt.getTime() <= now.getTime() || stored.uses >= stored.maxUses) return fail('SESSION_EXPIRED');
    const expiresAt = new Date(Math.min(stored.expiresAt.getTime(), now.getTime() + this.deps.options.ttlMs));
    return { merchantId: stored.merchantId, customerId: stored.customerId, expiresAt, signatureSha256: null, clientAuthTokenHash: tokenHash };
  }

  #reject(requestId: string, failure: HyperFailure): HyperOutcome {
    this.deps.observer.rejected(failure.reason);
    const entry = HYPER_ERRORS[failure.reason];
    this.deps.logger.info({ requestId, reason: failure.reason, errorCode: entry.errorCode }, 'hyperapi request rejected');
    return failureOutcome(requestId, failure);
  }

  #purgeNowAndThen(now: Date): void {
    const interval = this.deps.options.purgeIntervalMs ?? 60_000;
    if (now.getTime() - this.#lastPurge < interval) return;
    this.#lastPurge = now.getTime();
    this.deps.sessions.purgeUsedRequestIds(now).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not purge used hyperapi requestIds'));
  }
}
