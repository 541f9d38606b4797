import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import {
  loadGrpcContract,
  SERVICE_NAME,
  type CreateServerSessionAuthenticationTokenRequestMessage,
  type CreateSessionTokenRequestMessage,
  type CreateSessionTokenResponseMessage,
} from '@prism-sessions/grpc-contract';
import type { Logger } from '../logging/logger';
import { toStatusAnswer, type StatusAnswer } from './grpc-status';
import { SERVER_SESSION_FIELDS } from './proto-field-names';
import { fromServerSessionRequest } from './session-token-request';
import type { SessionTokenEndpoint } from './session-token.endpoint';

/** A built gRPC server, not yet listening. */
export interface GrpcServer {
  /** Binds `host:port` (0: any free port) and resolves with the bound `host:port`. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting calls, lets running ones finish (forcing after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

/** What the gRPC server needs. */
export interface GrpcServerDeps {
  readonly endpoint: SessionTokenEndpoint;
  readonly logger: Logger;
}

type Unary<Req> = grpc.ServerUnaryCall<Req, CreateSessionTokenResponseMessage>;
type Callback = grpc.sendUnaryData<CreateSessionTokenResponseMessage>;

function metadataReader(metadata: grpc.Metadata): (name: string) => string | undefined {
  return (name) => {
    const value = metadata.get(name)[0];
    return typeof value === 'string' ? value : undefined;
  };
}

function deadlineOf(call: grpc.ServerUnaryCall<unknown, unknown>): Date | undefined {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline;
  return Number.isFinite(deadline) ? new Date(deadline) : undefined;
}

function statusError(answer: StatusAnswer): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(answer.trailers)) metadata.set(key, value);
  return { code: answer.code, details: answer.details, metadata };
}

/**
 * `types.MerchantAuthenticationService` over gRPC (insecure HTTP/2, as upstream's default), with
 * server reflection so grpcurl works without the proto. `CreateSessionToken` (CS-B) and
 * `CreateServerSessionAuthenticationToken` (CS-C) share one handler.
 */
export function createGrpcServer(deps: GrpcServerDeps): GrpcServer {
  const definition = loadGrpcContract();
  const server = new grpc.Server();

  const handle = async (call: Unary<unknown>, callback: Callback, request: CreateSessionTokenRequestMessage, renames: Readonly<Record<string, string>>): Promise<void> => {
    try {
      const answer = await deps.endpoint.createSessionToken(request, metadataReader(call.metadata), deadlineOf(call));
      // Past its deadline (or cancelled) the client is gone; grpc-js has already ended the call.
      if (call.cancelled) return;
      const headers = new grpc.Metadata();
      headers.set('x-session-id', answer.sessionId);
      headers.set('x-replayed', String(answer.replayed));
      call.sendMetadata(headers);
      callback(null, answer.response);
    } catch (error) {
      const answer = toStatusAnswer(error, renames);
      if (answer.code === grpc.status.INTERNAL) deps.logger.error({ err: error, rpc: call.getPath() }, 'unexpected error serving gRPC');
      if (!call.cancelled) callback(statusError(answer));
    }
  };

  server.addService(definition[SERVICE_NAME] as grpc.ServiceDefinition, {
    CreateSessionToken: (call: Unary<CreateSessionTokenRequestMessage>, callback: Callback) => void handle(call, callback, call.request, {}),
    CreateServerSessionAuthenticationToken: (call: Unary<CreateServerSessionAuthenticationTokenRequestMessage>, callback: Callback) =>
      void handle(call, callback, fromServerSessionRequest(call.request), SERVER_SESSION_FIELDS),
  });
  new ReflectionService(definition).addToServer(server);

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
        server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
          if (error) reject(error);
          else resolve(`${host.includes(':') ? `[${host}]` : host}:${boundPort}`);
        });
      }),
    close: (graceMs = 5_000) =>
      new Promise((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), graceMs);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
