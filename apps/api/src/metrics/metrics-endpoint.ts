import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secret } from '@prism-sessions/masking';
import type { Logger } from '../logging/logger';
import type { AppMetrics } from './app-metrics';

/** Who may read `/metrics`. */
export interface MetricsAccess {
  readonly production: boolean;
  /** `METRICS_TOKEN`: when set, `Authorization: Bearer <token>` is required (in every environment). */
  readonly token?: Secret<string>;
}

/** What `GET /metrics` does with one request. */
export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => void;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `GET /metrics` in the Prometheus text format. Production without `METRICS_TOKEN`: off (404, as for
 * any unknown path). With a token: 401 unless the bearer token matches (compared in constant time).
 * Development and test without a token: open.
 */
export function metricsHandler(metrics: AppMetrics, access: MetricsAccess, logger: Logger): MetricsHandler {
  const expected = access.token ? digest(`Bearer ${access.token.expose()}`) : undefined;
  const enabled = expected !== undefined || !access.production;
  return (req, res) => {
    if (!enabled) return sendError(res, 404, 'NOT_FOUND', 'Not found: the GraphQL endpoint is /graphql');
    if (expected) {
      const given = req.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendError(res, 401, 'UNAUTHENTICATED', 'The metrics endpoint needs Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET /metrics');
    }
    metrics.exposition().then(
      ({ contentType, body }) => {
        res.statusCode = 200;
        res.setHeader('content-type', contentType);
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'collecting metrics failed');
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error');
      },
    );
  };
}
