/** What a worker tells the primary once it listens (sent over the cluster's IPC channel). */
export interface WorkerReady {
  readonly kind: 'api-worker-ready';
  /** The GraphQL URL (every worker shares the primary's listening socket, so the same for all). */
  readonly url: string;
  /** The bound gRPC `host:port`. */
  readonly grpcAddress: string;
}

/** Whether an IPC message is a {@link WorkerReady}. */
export function isWorkerReady(message: unknown): message is WorkerReady {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'api-worker-ready';
}
