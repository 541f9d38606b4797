import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../logging/logger';
import { isWorkerReady, type WorkerReady } from './cluster-messages';

/** Settings of the cluster primary. */
export interface PrimaryOptions {
  /** Worker processes to keep running. */
  readonly workers: number;
  readonly logger: Logger;
  /** Called once, when every worker listens, with what the first one reported (e.g. to print the banner). */
  onReady(ready: WorkerReady, pids: readonly number[]): void;
  /** At most this many restarts of dead workers within {@link restartWindowMs}; one more stops the service. */
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  /** How long the workers get to drain on shutdown before the primary kills them (by PID). */
  readonly shutdownGraceMs?: number;
}

const DEFAULT_MAX_RESTARTS = 5;
const DEFAULT_RESTART_WINDOW_MS = 60_000;
/** Longer than a worker's own 10 s shutdown deadline (main.ts), so a worker normally ends itself. */
const DEFAULT_SHUTDOWN_GRACE_MS = 15_000;

/**
 * The `node:cluster` primary: forks the workers (each one a complete API process: HTTP, gRPC, its own
 * database pool), restarts a worker that dies (at most `maxRestarts` within `restartWindowMs`, then
 * stops everything and exits 1, rather than crash-looping), and on SIGTERM/SIGINT asks every worker
 * to shut down gracefully (SIGTERM by PID: stop accepting, drain, close the pools), waits for them,
 * and exits 0 when all of them exited cleanly. The primary itself serves nothing: it holds the
 * listening sockets and hands each new connection to the next worker (round robin).
 */
export function runPrimary(options: PrimaryOptions): void {
  const { logger } = options;
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
  const restartWindowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const live = new Map<number, Worker>(); // by PID
  const ready = new Map<number, WorkerReady>();
  const restarts: number[] = [];
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const fork = (): void => {
    const worker = cluster.fork();
    const pid = worker.process.pid as number;
    live.set(pid, worker);
    worker.on('message', (message: unknown) => {
      if (!isWorkerReady(message)) return;
      ready.set(pid, message);
      logger.info({ pid, workerId: worker.id, url: message.url, grpcAddress: message.grpcAddress }, 'API worker ready');
      if (!announced && ready.size === options.workers) {
        announced = true;
        options.onReady(message, [...ready.keys()]);
      }
    });
  };

  const stop = (reason: string, code: number): void => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    logger.info({ reason, workers: [...live.keys()] }, 'stopping API workers');
    if (live.size === 0) process.exit(exitCode);
    for (const pid of live.keys()) signal(pid, 'SIGTERM');
    const force = setTimeout(() => {
      logger.error({ workers: [...live.keys()] }, 'API workers did not stop in time; killing them');
      for (const pid of live.keys()) signal(pid, 'SIGKILL');
      process.exit(1);
    }, graceMs);
    force.unref();
  };

  cluster.on('exit', (worker, code, signalName) => {
    const pid = worker.process.pid as number;
    live.delete(pid);
    ready.delete(pid);
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (live.size === 0) {
        logger.info({ exitCode }, 'all API workers stopped');
        process.exit(exitCode);
      }
      return;
    }
    if (!announced) {
      logger.error({ pid, code, signal: signalName }, 'an API worker exited during start-up');
      stop('worker failed to start', 1);
      return;
    }
    const now = Date.now();
    while (restarts.length > 0 && (restarts[0] as number) < now - restartWindowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      logger.error({ pid, code, signal: signalName, restarts: restarts.length, windowMs: restartWindowMs }, 'API workers keep dying; stopping');
      stop('too many worker restarts', 1);
      return;
    }
    restarts.push(now);
    logger.warn({ pid, code, signal: signalName }, 'an API worker died; starting a new one');
    fork();
  });

  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  for (let i = 0; i < options.workers; i += 1) fork();
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
