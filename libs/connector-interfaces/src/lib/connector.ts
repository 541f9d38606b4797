import type { ConnectorCredentials, ConnectorId, ErrorResponse } from '@org/domain-types';
import type { ConnectorCapabilities } from './capabilities';
import type { ConnectorFlows } from './flow';
import type { HttpResponse } from './http';

/** Gateway base URLs per environment (upstream `config/{sandbox,production}.toml`). */
export interface ConnectorBaseUrls {
  /** Test gateway, e.g. `https://ppp-test.nuvei.com/ppp/api/v1`. */
  readonly sandbox: string;
  /** Live gateway. */
  readonly production: string;
}

/**
 * A connector: identity, capabilities, credential narrowing, error-body parsing and a typed flow
 * table (TypeScript form of upstream's `ConnectorCommon` + `ConnectorIntegrationV2` + `ValidationTrait`).
 * Implementations are pure: no sockets, no env reads, no clocks other than the injected one.
 * Declare one with `satisfies ConnectorDefinition<YourCredentials>` so the flow table is checked.
 *
 * @example
 * export const acmeConnector = {
 *   id: 'nuvei', displayName: 'Acme', capabilities, baseUrls,
 *   parseCredentials, parseErrorResponse,
 *   flows: { sessionToken: acmeSessionToken, authorize: notImplemented, psync: notImplemented,
 *            capture: notImplemented, refund: notImplemented, void: notSupported },
 * } satisfies ConnectorDefinition<NuveiCredentials>;
 *
 * const outcome = await executeFlow(acmeConnector, 'sessionToken', ctx, myTransport);
 */
export interface ConnectorDefinition<C extends ConnectorCredentials> {
  /** Which connector this is; also the `connector` of every error it raises. */
  readonly id: ConnectorId;
  /** Human name, e.g. "Nuvei". */
  readonly displayName: string;
  /** What the connector needs and offers. */
  readonly capabilities: ConnectorCapabilities;
  /** Default gateway URLs; the caller picks one (or a test server) and passes it as `ctx.baseUrl`. */
  readonly baseUrls: ConnectorBaseUrls;
  /**
   * Narrows generic credentials to this connector's.
   * @throws IntegrationError `FAILED_TO_OBTAIN_AUTH_TYPE` when they belong to another connector.
   */
  parseCredentials(credentials: ConnectorCredentials): C;
  /** Maps a non-2xx answer (4xx and 5xx) to an {@link ErrorResponse}; never throws. */
  parseErrorResponse(response: HttpResponse): ErrorResponse;
  /** Every flow, implemented or an explicit `notImplemented` / `notSupported`. */
  readonly flows: ConnectorFlows<C>;
}
