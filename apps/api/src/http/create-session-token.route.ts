import type { IncomingMessage, ServerResponse } from 'node:http';
import { status as grpcStatus, type MethodDefinition, type ServiceDefinition } from '@grpc/grpc-js';
import { loadGrpcContract, SERVICE_NAME, type CreateSessionTokenRequestMessage } from '@prism-sessions/grpc-contract';
import { httpStatusOf, toStatusAnswer } from '../grpc/grpc-status';
import { fromProto3Json } from '../grpc/proto-json';
import type { SessionTokenEndpoint } from '../grpc/session-token.endpoint';
import type { Logger } from '../logging/logger';

/** The path upstream's HTTP router serves the flow on. */
export const CREATE_SESSION_TOKEN_PATH = '/payments/create_session_token';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * `POST /payments/create_session_token`: upstream's HTTP alias of `CreateSessionToken`. The body is
 * the request message in proto3 JSON, the headers are the gRPC metadata; the answer is the response
 * message as JSON (proto field names). Failures that gRPC reports as a status come back as
 * `{"error":{"code","sub_code","field","message"}}` with the matching HTTP status.
 */
export function createSessionTokenRoute(endpoint: SessionTokenEndpoint, logger: Logger): (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void> {
  const service = loadGrpcContract()[SERVICE_NAME] as ServiceDefinition;
  const method = service['CreateSessionToken'] as MethodDefinition<CreateSessionTokenRequestMessage, unknown>;
  return async (req, res) => {
    try {
      const request = fromProto3Json(req.body, method);
      const answer = await endpoint.createSessionToken(request, (name) => header(req, name));
      res.setHeader('x-session-id', answer.sessionId);
      res.setHeader('x-replayed', String(answer.replayed));
      sendJson(res, 200, answer.response);
    } catch (error) {
      const status = toStatusAnswer(error);
      if (httpStatusOf(status.code) === 500) logger.error({ err: error }, 'unexpected error serving the HTTP alias');
      const subCode = status.trailers['x-error-sub-code'];
      const field = status.trailers['x-error-field'];
      sendJson(res, httpStatusOf(status.code), { error: { code: grpcStatus[status.code], message: status.details, ...(subCode ? { sub_code: subCode } : {}), ...(field ? { field } : {}) } });
    }
  };
}
