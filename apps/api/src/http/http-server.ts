import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { GraphQLContext, RequestObservation } from '../graphql/context';
import type { Logger } from '../logging/logger';
import type { AppMetrics } from '../metrics/app-metrics';
import type { MetricsHandler } from '../metrics/metrics-endpoint';
import { OTHER } from '../metrics/operation-label';
import { HYPERAPI_PROCESS_PATH } from '../hyperapi/hyperapi.route';
import { CREATE_SESSION_TOKEN_PATH } from './create-session-token.route';
import { SESSION_TOKENS_PATH, sendHsError, unparseableBody } from './session-tokens.route';

/** What the HTTP layer needs from the application. */
export interface HttpServerDeps {
  readonly apollo: ApolloServer<GraphQLContext>;
  createContext(request: IncomingMessage, requestId: string, observation: RequestObservation): Promise<GraphQLContext>;
  health(): Promise<{ readonly database: 'up' | 'down' }>;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  readonly metrics: AppMetrics;
  /** `GET /metrics` (access rules included). */
  readonly metricsEndpoint: MetricsHandler;
  /** Upstream's HTTP alias `POST /payments/create_session_token` (JSON body already parsed). */
  createSessionTokenAlias?(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void>;
  /** HyperSDK `POST /hyperapi/process` (reads its own body). */
  hyperapiProcess?(req: IncomingMessage, res: ServerResponse): void;
  /** Upstream's client-side `POST /payments/session_tokens` (JSON body already parsed; CORS open). */
  sessionTokens?(req: IncomingMessage & { body?: unknown }, res: ServerResponse, requestId: string): Promise<void>;
}

// Label values of the requests that are not GraphQL operations.
const HEALTH = 'health';
const METRICS = 'metrics';
const HYPERAPI = 'hyperapi_process';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function httpError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * node:http front door, following Apollo's own standalone server (cors + body-parser + Apollo's
 * `executeHTTPGraphQLRequest`) plus what that server lacks: a body size limit, `/health`, `/metrics`,
 * a request id on every response, and a count of every request by operation and outcome.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const corsHandler = cors();
  const jsonParser = bodyParser.json({ limit: deps.maxBodyBytes });

  async function graphql(req: IncomingMessage & { body?: unknown }, res: ServerResponse, requestId: string, observation: RequestObservation): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const response = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query === -1 ? '' : target.slice(query), body: req.body },
      context: () => deps.createContext(req, requestId, observation),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return createServer((req, res) => {
    const incomingId = req.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0];
    // The GraphQL metrics plugin names the operation once the document is resolved.
    const observation: RequestObservation = { operation: path === '/health' ? HEALTH : path === '/metrics' ? METRICS : OTHER };
    res.once('finish', () => deps.metrics.httpRequest(observation.operation, res.statusCode));

    if (path === '/metrics') {
      deps.metricsEndpoint(req, res);
      return;
    }
    if (path === HYPERAPI_PROCESS_PATH && deps.hyperapiProcess) {
      observation.operation = HYPERAPI;
      deps.hyperapiProcess(req, res);
      return;
    }
    if (path === '/health') {
      deps.health().then(
        (health) => sendJson(res, health.database === 'up' ? 200 : 503, { status: health.database === 'up' ? 'ok' : 'degraded', database: health.database }),
        () => sendJson(res, 503, { status: 'degraded', database: 'down' }),
      );
      return;
    }
    const sessionTokens = deps.sessionTokens;
    if (path === SESSION_TOKENS_PATH && sessionTokens) {
      observation.operation = 'session_tokens';
      // Browsers call it cross-origin with an api-key header: answer the CORS preflight.
      corsHandler(req, res, () => {
        if (req.method !== 'POST') {
          res.setHeader('allow', 'POST');
          httpError(res, 405, 'METHOD_NOT_ALLOWED', `${SESSION_TOKENS_PATH} accepts POST only`);
          return;
        }
        jsonParser(req, res, (parseError: unknown) => {
          if (parseError) {
            const type = (parseError as { type?: string }).type;
            sendHsError(res, type === 'entity.too.large' ? { ...unparseableBody(), httpStatus: 413, message: `Json deserialize error: body exceeds ${deps.maxBodyBytes} bytes` } : unparseableBody());
            return;
          }
          sessionTokens(req, res, requestId).catch((error: unknown) => {
            deps.logger.error({ err: error, requestId }, 'unhandled error serving session_tokens');
            if (!res.headersSent) httpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error');
            else res.end();
          });
        });
      });
      return;
    }
    const alias = deps.createSessionTokenAlias;
    if (path === CREATE_SESSION_TOKEN_PATH && alias) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        httpError(res, 405, 'METHOD_NOT_ALLOWED', `${CREATE_SESSION_TOKEN_PATH} accepts POST only`);
        return;
      }
      jsonParser(req, res, (parseError: unknown) => {
        if (parseError) {
          const type = (parseError as { type?: string }).type;
          if (type === 'entity.too.large') httpError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${deps.maxBodyBytes} bytes`);
          else httpError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
          return;
        }
        alias(req, res).catch((error: unknown) => {
          deps.logger.error({ err: error, requestId }, 'unhandled error serving the HTTP alias');
          if (!res.headersSent) httpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error');
          else res.end();
        });
      });
      return;
    }
    if (path !== '/graphql' && path !== '/') {
      httpError(res, 404, 'NOT_FOUND', 'Not found: the GraphQL endpoint is /graphql');
      return;
    }
    corsHandler(req, res, () => {
      jsonParser(req, res, (parseError: unknown) => {
        if (parseError) {
          const type = (parseError as { type?: string }).type;
          if (type === 'entity.too.large') httpError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${deps.maxBodyBytes} bytes`);
          else httpError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
          return;
        }
        graphql(req, res, requestId, observation).catch((error: unknown) => {
          deps.logger.error({ err: error, requestId }, 'unhandled error serving GraphQL');
          if (!res.headersSent) httpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error');
          else res.end();
        });
      });
    });
  });
}
