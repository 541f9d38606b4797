import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { loadGrpcContract, type CreateSessionTokenResponseMessage } from '@prism-sessions/grpc-contract';

/** The two RPC names of the flow. */
export type SessionTokenRpc = 'CreateSessionToken' | 'CreateServerSessionAuthenticationToken';

/** What a unary call produced: the answer or the status error, plus the response headers. */
export interface GrpcOutcome {
  readonly response?: CreateSessionTokenResponseMessage;
  readonly error?: grpc.ServiceError;
  readonly headers?: grpc.Metadata;
}

type UnaryMethod = (request: unknown, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: CreateSessionTokenResponseMessage) => void) => grpc.ClientUnaryCall;

/**
 * A client generated (at run time, by proto-loader) from our own .proto files, as a Prism user's
 * generated client would be: it knows nothing of the server's code.
 */
export class SessionTokenGrpcClient {
  readonly #client: grpc.Client;

  constructor(address: string) {
    const proto = grpc.loadPackageDefinition(loadGrpcContract()) as unknown as { types: { MerchantAuthenticationService: grpc.ServiceClientConstructor } };
    this.#client = new proto.types.MerchantAuthenticationService(address, grpc.credentials.createInsecure());
  }

  call(rpc: SessionTokenRpc, request: unknown, metadata: Record<string, string> = {}, options: grpc.CallOptions = {}): Promise<GrpcOutcome> {
    const md = new grpc.Metadata();
    for (const [key, value] of Object.entries(metadata)) md.set(key, value);
    const method = (this.#client as unknown as Record<SessionTokenRpc, UnaryMethod>)[rpc].bind(this.#client);
    return new Promise((resolve) => {
      let headers: grpc.Metadata | undefined;
      const call = method(request, md, options, (error, response) => {
        resolve({ ...(error ? { error } : {}), ...(response ? { response } : {}), ...(headers ? { headers } : {}) });
      });
      call.on('metadata', (received: grpc.Metadata) => (headers = received));
    });
  }

  close(): void {
    this.#client.close();
  }
}

const REFLECTION_PROTO = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build', 'proto', 'grpc', 'reflection', 'v1alpha', 'reflection.proto');

/** Asks the server's reflection service (v1alpha, what grpcurl uses) to list its services. */
export async function listServicesByReflection(address: string): Promise<string[]> {
  const definition = protoLoader.loadSync(REFLECTION_PROTO, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const proto = grpc.loadPackageDefinition(definition) as unknown as { grpc: { reflection: { v1alpha: { ServerReflection: grpc.ServiceClientConstructor } } } };
  const client = new proto.grpc.reflection.v1alpha.ServerReflection(address, grpc.credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = (client as unknown as { ServerReflectionInfo(): grpc.ClientDuplexStream<unknown, { list_services_response?: { service: { name: string }[] } }> }).ServerReflectionInfo();
      stream.on('data', (message) => {
        resolve((message.list_services_response?.service ?? []).map((service: { name: string }) => service.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ list_services: '' });
    });
  } finally {
    client.close();
  }
}
