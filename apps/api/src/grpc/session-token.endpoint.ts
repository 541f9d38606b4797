import type { CreateSessionTokenRequestMessage, CreateSessionTokenResponseMessage } from '@org/grpc-contract';
import { readConnectorHeaders } from '../connectors/connector-headers';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import { AuthenticationError } from '../errors/app-errors';
import type { MerchantAuthenticator } from '../merchants/merchant-authenticator';
import { toCreateSessionCommand } from '../payment-sessions/create-session-token.command';
import type { PaymentSessionService } from '../payment-sessions/payment-session.service';
import { toCreateSessionTokenInput } from './session-token-request';
import { toSessionTokenResponse } from './session-token-response';

/** What the endpoint needs. */
export interface SessionTokenEndpointDeps {
  readonly service: PaymentSessionService;
  readonly connectors: ConnectorRegistry;
  readonly authenticator: MerchantAuthenticator;
}

/** An answer, plus what the gRPC/HTTP layers add as headers. */
export interface SessionTokenAnswer {
  readonly response: CreateSessionTokenResponseMessage;
  readonly sessionId: string;
  readonly replayed: boolean;
}

/**
 * The Prism-compatible door into `PaymentSessionService.createSessionToken`, shared by the gRPC
 * service (both RPC names) and the HTTP alias: authenticates `authorization: Bearer <api key>`,
 * builds the same command the GraphQL mutation builds, and maps the result to upstream's message.
 * @throws AuthenticationError, InvalidInputError, or the service's own errors (database down).
 */
export class SessionTokenEndpoint {
  constructor(private readonly deps: SessionTokenEndpointDeps) {}

  async createSessionToken(request: CreateSessionTokenRequestMessage, header: (name: string) => string | undefined, deadline?: Date): Promise<SessionTokenAnswer> {
    const merchant = await this.deps.authenticator.authenticate(header('authorization'));
    if (merchant === 'MISSING_API_KEY') throw new AuthenticationError('Missing API key: send the authorization header "Bearer <api key>"');
    if (merchant === 'INVALID_API_KEY') throw new AuthenticationError('Invalid API key');
    const input = await toCreateSessionTokenInput(request);
    const command = toCreateSessionCommand(this.deps.connectors, merchant.id, input, readConnectorHeaders(header), { connectorFromConfig: true });
    const result = await this.deps.service.createSessionToken(deadline ? { ...command, deadline } : command);
    return { response: toSessionTokenResponse(result), sessionId: result.session.id, replayed: result.replayed };
  }
}
