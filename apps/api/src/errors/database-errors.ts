const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'P1001', // can't reach database server
  'P1002', // database server timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [/connection terminated/i, /connection timeout/i, /timeout exceeded when trying to connect/i, /Can't reach database server/i, /Client has encountered a connection error/i, /the database system is (starting up|shutting down)/i];

/** Whether an error (or one of its causes) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const record = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown };
  for (const candidate of [record.code, record.originalCode, record.kind]) {
    if (typeof candidate === 'string' && UNAVAILABLE_CODES.has(candidate)) return true;
  }
  if (record.kind === 'DatabaseNotReachable' || record.kind === 'ConnectionClosed' || record.kind === 'SocketTimeout') return true;
  if (typeof record.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(record.message as string))) return true;
  return isDatabaseUnavailable(record.cause, depth + 1) || isDatabaseUnavailable(record.meta, depth + 1);
}
