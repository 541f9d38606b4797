import type { ConnectorCredentials, ConnectorId, ErrorResponse } from '@org/domain-types';
import type { ConnectorCapabilities } from './capabilities';
import type { ConnectorFlows } from './flow';
import type { HttpResponse } from './http';

/** Gateway base URLs per environment (upstream `config/{sandbox,production}.toml`). */
export interface ConnectorBaseUrls {
  readonly sandbox: string;
  readonly production: string;
}

/**
 * A connector: identity, capabilities, credential narrowing, error-body parsing and a typed flow
 * table (TypeScript form of upstream's `ConnectorCommon` + `ConnectorIntegrationV2` + `ValidationTrait`).
 * Implementations are pure: no sockets, no env reads, no clocks other than the injected one.
 *
 * @example
 * const outcome = await executeFlow(nuveiConnector, 'sessionToken', ctx, myTransport);
 */
export interface ConnectorDefinition<C extends ConnectorCredentials> {
  readonly id: ConnectorId;
  /** Human name, e.g. "Nuvei". */
  readonly displayName: string;
  readonly capabilities: ConnectorCapabilities;
  readonly baseUrls: ConnectorBaseUrls;
  /**
   * Narrows generic credentials to this connector's.
   * @throws IntegrationError `FAILED_TO_OBTAIN_AUTH_TYPE` when they belong to another connector.
   */
  parseCredentials(credentials: ConnectorCredentials): C;
  /** Maps a non-2xx answer (4xx and 5xx) to an {@link ErrorResponse}; never throws. */
  parseErrorResponse(response: HttpResponse): ErrorResponse;
  readonly flows: ConnectorFlows<C>;
}
