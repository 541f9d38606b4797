import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ConnectorId } from '../connectors/connector-registry';
import type { SessionError } from '../payment-sessions/session-error';

/** What the pool gauges read at scrape time (a `pg.Pool` fits). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Options of {@link AppMetrics}. */
export interface AppMetricsOptions {
  /**
   * Adds a `merchant_id` label to `payment_sessions_created_total` and `rate_limit_rejections_total`
   * (`METRICS_MERCHANT_LABEL=true`). Off by default: it multiplies series by the number of merchants.
   */
  readonly merchantLabel?: boolean;
  /** Node process metrics (CPU, memory, event loop); default true. */
  readonly processMetrics?: boolean;
}

/** How an HTTP request ended, from its status code. */
export type HttpOutcome = 'success' | 'client_error' | 'server_error';
/** How a gateway call ended: a token, an error answer, or no usable answer. */
export type GatewayCallOutcome = 'success' | 'failure' | 'fault';
/** Why a create request did not run an attempt: same parameters (`replay`) or different ones / one in flight. */
export type ConflictKind = 'idempotency_conflict' | 'in_progress';

// Latencies are small on our side (ms) and up to the gateway timeout (10 s default) on the gateway's.
const GRAPHQL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const GATEWAY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20];

export const NO_CODE = 'NONE';

/**
 * The service's Prometheus metrics, on a registry of its own (never prom-client's global one), so
 * several apps can live in one process. Every label value comes from a bounded set: connector ids,
 * unified codes, session statuses, schema operation names (else `other`), outcomes; never a merchant
 * secret, token, key or free-form input. See README "Metrics".
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly #merchantLabel: boolean;
  readonly #httpRequests: Counter<'operation' | 'outcome'>;
  readonly #graphqlDuration: Histogram<'operation'>;
  readonly #gatewayDuration: Histogram<'connector' | 'outcome'>;
  readonly #gatewayCalls: Counter<'connector' | 'outcome' | 'unified_code'>;
  readonly #sessionsCreated: Counter<string>;
  readonly #replays: Counter<'connector'>;
  readonly #conflicts: Counter<'connector' | 'kind'>;
  readonly #rateLimitRejections: Counter<string>;
  readonly #hyperRejections: Counter<'reason' | 'error_code'>;
  readonly #hyperSessions: Counter<'action' | 'auth_method'>;
  readonly #walletTokens: Counter<'connector' | 'wallet' | 'outcome'>;
  #pool: PoolStats | undefined;
  // Per-request paths reuse label-bound children: no label object or key string per request.
  readonly #httpChildren = new Map<string, Record<HttpOutcome, Counter.Internal>>();
  readonly #graphqlChildren = new Map<string, Histogram.Internal<'operation'>>();

  constructor(options: AppMetricsOptions = {}) {
    const registers = [this.registry];
    this.#merchantLabel = options.merchantLabel === true;
    const merchant = this.#merchantLabel ? ['merchant_id'] : [];
    this.#httpRequests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by GraphQL operation (schema root field; other when unknown) and outcome.', labelNames: ['operation', 'outcome'], registers });
    this.#graphqlDuration = new Histogram({ name: 'graphql_operation_duration_seconds', help: 'GraphQL operation latency, from request start to response.', labelNames: ['operation'], buckets: GRAPHQL_BUCKETS, registers });
    this.#gatewayDuration = new Histogram({ name: 'gateway_call_duration_seconds', help: 'Gateway call latency by connector and outcome.', labelNames: ['connector', 'outcome'], buckets: GATEWAY_BUCKETS, registers });
    this.#gatewayCalls = new Counter({ name: 'gateway_calls_total', help: 'Gateway calls by connector, outcome and unified error code (NONE on success).', labelNames: ['connector', 'outcome', 'unified_code'], registers });
    this.#sessionsCreated = new Counter({ name: 'payment_sessions_created_total', help: 'Completed session attempts by connector and the status the session ended in.', labelNames: ['connector', 'status', ...merchant], registers });
    this.#replays = new Counter({ name: 'payment_session_replays_total', help: 'createSessionToken requests answered from the stored session, without a gateway call.', labelNames: ['connector'], registers });
    this.#conflicts = new Counter({ name: 'payment_session_conflicts_total', help: 'createSessionToken requests refused: different parameters (idempotency_conflict) or an attempt in flight (in_progress).', labelNames: ['connector', 'kind'], registers });
    this.#rateLimitRejections = new Counter({ name: 'rate_limit_rejections_total', help: 'Requests refused by the rate limiter.', labelNames: merchant, registers });
    this.#hyperRejections = new Counter({ name: 'hyperapi_rejections_total', help: 'HyperSDK envelopes (POST /hyperapi/process, upiGetSessionToken, updateAuth) refused, by pipeline reason and JP error code.', labelNames: ['reason', 'error_code'], registers });
    this.#hyperSessions = new Counter({ name: 'hyperapi_sessions_total', help: 'HyperSDK sessions opened (upiGetSessionToken/getSessionToken) or renewed (updateAuth), by action and auth method.', labelNames: ['action', 'auth_method'], registers });
    this.#walletTokens = new Counter({
      name: 'wallet_session_tokens_total',
      help: 'Wallet session tokens (POST /payments/session_tokens, createWalletSessionTokens) by connector, wallet and outcome (produced, omitted); upstream SESSION_TOKEN_CREATED.',
      labelNames: ['connector', 'wallet', 'outcome'],
      registers,
    });
    const pool = (): PoolStats | undefined => this.#pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (total, idle, in_use) and queued requests (waiting).',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = pool();
        if (!stats) return;
        this.set({ state: 'total' }, stats.totalCount);
        this.set({ state: 'idle' }, stats.idleCount);
        this.set({ state: 'in_use' }, stats.totalCount - stats.idleCount);
        this.set({ state: 'waiting' }, stats.waitingCount);
      },
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** The pool the `db_pool_connections` gauge reads at scrape time. */
  watchPool(pool: PoolStats): void {
    this.#pool = pool;
  }

  /** One HTTP request finished. `operation` must already be bounded (see `operationLabel`). */
  httpRequest(operation: string, statusCode: number): void {
    let children = this.#httpChildren.get(operation);
    if (!children) {
      const of = (outcome: HttpOutcome) => this.#httpRequests.labels({ operation, outcome });
      children = { success: of('success'), client_error: of('client_error'), server_error: of('server_error') };
      this.#httpChildren.set(operation, children);
    }
    children[statusCode >= 500 ? 'server_error' : statusCode >= 400 ? 'client_error' : 'success'].inc();
  }

  /** A GraphQL operation took `seconds`. */
  graphqlOperation(operation: string, seconds: number): void {
    let child = this.#graphqlChildren.get(operation);
    if (!child) {
      child = this.#graphqlDuration.labels({ operation });
      this.#graphqlChildren.set(operation, child);
    }
    child.observe(seconds);
  }

  /** One gateway call ended. */
  gatewayCall(connector: ConnectorId, outcome: GatewayCallOutcome, unifiedCode: SessionError['unifiedCode'] | undefined, seconds: number): void {
    this.#gatewayDuration.observe({ connector, outcome }, seconds);
    this.#gatewayCalls.inc({ connector, outcome, unified_code: unifiedCode ?? NO_CODE });
  }

  /** A session attempt completed; `status` is the status the session was stored with. */
  sessionCreated(connector: ConnectorId, status: string, merchantId: string): void {
    this.#sessionsCreated.inc(this.#merchantLabel ? { connector, status, merchant_id: merchantId } : { connector, status });
  }

  /** One wallet of one account was attempted. `wallet` is a bounded upper-case wallet name. */
  walletSessionToken(connector: ConnectorId, wallet: string, outcome: 'produced' | 'omitted'): void {
    this.#walletTokens.inc({ connector, wallet, outcome });
  }

  /** A create request was answered from the stored session. */
  replay(connector: ConnectorId): void {
    this.#replays.inc({ connector });
  }

  /** A create request was refused with a 409. */
  conflict(connector: ConnectorId, kind: ConflictKind): void {
    this.#conflicts.inc({ connector, kind });
  }

  /**
   * The rate limiter refused a request. For the limiter (built separately): call this once per
   * refused request; `merchantId` is only used when the opt-in merchant label is on.
   */
  rateLimitRejected(merchantId?: string): void {
    if (this.#merchantLabel) this.#rateLimitRejections.inc({ merchant_id: merchantId ?? 'unknown' });
    else this.#rateLimitRejections.inc();
  }

  /** A HyperSDK envelope was refused; `reason` is a key of HYPER_ERRORS (bounded), never input. */
  hyperapiRejected(reason: string, errorCode: string): void {
    this.#hyperRejections.inc({ reason, error_code: errorCode });
  }

  /** A HyperSDK session was opened or renewed; `action` is one of the served actions (bounded). */
  hyperapiSession(action: string, authMethod: string): void {
    this.#hyperSessions.inc({ action, auth_method: authMethod });
  }

  /** The Prometheus text exposition. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
