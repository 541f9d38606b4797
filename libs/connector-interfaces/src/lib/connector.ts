import type { CredentialSchema, ErrorResponse } from '@prism-sessions/domain-types';
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
 * Everything the rest of a system needs to know about one connector, in one object: identity,
 * its key and credential schema in `x-connector-config`, capabilities, base URLs, error-code
 * meanings, error-body parsing and a typed flow table (TypeScript form of upstream's
 * `ConnectorCommon` + `ConnectorIntegrationV2` + `ValidationTrait`). Implementations are pure: no
 * sockets, no env reads, no clocks other than the injected one. Each connector library exports a
 * factory `create<Name>Connector(options)` returning one.
 *
 * @example
 * export function createAcmeConnector(options: ConnectorOptions = {}): ConnectorDefinition<AcmeCredentials, 'acme'> {
 *   return {
 *     id: 'acme', displayName: 'Acme', credentials: acmeCredentialSchema, capabilities, baseUrls,
 *     describeErrorCode, parseErrorResponse,
 *     flows: { sessionToken: acmeSessionToken, authorize: notImplemented, psync: notImplemented,
 *              capture: notImplemented, refund: notImplemented, void: notSupported },
 *   };
 * }
 * const outcome = await executeFlow(createAcmeConnector(), 'sessionToken', ctx, myTransport);
 */
export interface ConnectorDefinition<C, Id extends string = string> {
  /** Which connector this is (lower snake_case, upstream's `x-connector`); also the `connector` of every error it raises. */
  readonly id: Id;
  /** Human name, e.g. "Nuvei". */
  readonly displayName: string;
  /** Its credentials: the `x-connector-config` key and fields, parsed and wrapped in one pass. */
  readonly credentials: CredentialSchema<C>;
  /** What the connector needs and offers. */
  readonly capabilities: ConnectorCapabilities;
  /** Default gateway URLs; the caller picks one (or a test server) and passes it as `ctx.baseUrl`. */
  readonly baseUrls: ConnectorBaseUrls;
  /** The documented meaning of a gateway error code, when known. */
  describeErrorCode(code: string): string | undefined;
  /** Maps a non-2xx answer (4xx and 5xx) to an {@link ErrorResponse}; never throws. */
  parseErrorResponse(response: HttpResponse): ErrorResponse;
  /** Every flow, implemented or an explicit `notImplemented` / `notSupported`. */
  readonly flows: ConnectorFlows<C>;
  /** How stored credentials can be checked live before they are saved; absent: no such check. */
  readonly credentialCheck?: CredentialCheck;
  /**
   * For connectors with an `accessToken` flow: the non-secret credential that names whose token it is
   * (PayPal: the client id), so a caller can keep one token per owner. Callers hash it before using it
   * as a key; it must never be a secret. (Method syntax on purpose: compared bivariantly, so a
   * `ConnectorDefinition<PaypalCredentials>` still satisfies `ConnectorDefinition<unknown>`.)
   */
  accessTokenOwner?(credentials: C): string;
}

/** What a live credential check (e.g. a connector account's `verify: true`) may do for a connector. */
export type CredentialCheck =
  /** A session-token call with the credentials is side-effect free at this gateway. */
  | { readonly kind: 'session-token' }
  /** No side-effect-free call exists; `reason` says why (shown to the caller). */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Options every connector factory accepts. */
export interface ConnectorOptions {
  /**
   * Source of random bytes for salts and nonces (default `crypto.randomBytes`). Override only in
   * tests, to make signed requests deterministic.
   */
  readonly randomBytes?: (size: number) => Uint8Array;
}
