import { randomUUID } from 'node:crypto';
import type { Clock, HttpTransport } from '@prism-sessions/connector-interfaces';
import { createMoney } from '@prism-sessions/domain-types';
import type { Secret } from '@prism-sessions/masking';
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import type { CredentialOverride } from '../connector-accounts/account-credentials';
import type { ConnectorId, ConnectorRegistry } from '../connectors/connector-registry';
import type { AccessTokens, AccessTokenSource } from '../connector-state/access-tokens';
import type { Logger } from '../logging/logger';
import { faultCompletion } from '../payment-sessions/attempt-outcome';
import { prepareGatewayCall, type GatewayCallOptions } from '../payment-sessions/gateway-call';
import type { SessionError } from '../payment-sessions/session-error';
import { isUuid } from '../payment-sessions/session-cursor';

/** What to mint a client token for. */
export interface MintClientTokenRequest {
  readonly merchantId: string;
  /** One of the merchant's enabled connector accounts, of a connector that issues client tokens (PayPal). */
  readonly connectorAccountId: string;
  /** The gateway's customer id, for vaulted payment methods (PayPal `customer_id`). */
  readonly customerId?: string;
  /**
   * Credentials for this call only (`merchant_connector_details`), used instead of the account's:
   * their access token is kept under the credentials' own scope, never the account's.
   */
  readonly credentials?: CredentialOverride;
}

/** A minted client token. */
export interface MintedClientToken {
  readonly kind: 'minted';
  readonly connector: ConnectorId;
  /** The token the client SDK initialises with; a bearer credential. */
  readonly clientToken: Secret<string>;
  /** When to stop handing it out: the gateway's `expires_in` minus the safety margin. */
  readonly expiresAt: Date;
  /** The account's credential hints (PayPal: `client_id`, which the JS SDK also needs). */
  readonly hints: Readonly<Record<string, string>>;
  /** Whether the stored access token was reused, or one was fetched. */
  readonly accessTokenSource?: AccessTokenSource;
}

/** Why no client token was minted. */
export type ClientTokenFailure =
  /** No such account for this merchant (or another merchant's: indistinguishable on purpose). */
  | { readonly kind: 'account_not_found' }
  | { readonly kind: 'account_disabled' }
  /** The account's connector has no client tokens (its session flow needs no access token). */
  | { readonly kind: 'not_supported'; readonly connector: ConnectorId }
  /** The gateway refused or failed; `error` is what createSessionToken would report (never a secret). */
  | { readonly kind: 'gateway_error'; readonly connector: ConnectorId; readonly error: SessionError; readonly httpStatus: number | null };

/** Dependencies of {@link ConnectorClientTokens}. */
export interface ConnectorClientTokensDeps {
  readonly connectors: ConnectorRegistry;
  readonly accounts: AccountCredentialSource;
  readonly accessTokens: AccessTokens;
  readonly transport: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: GatewayCallOptions & { readonly expiryMarginSeconds: number };
}

/**
 * Mints SDK client tokens (PayPal `generate-token`) for a stored connector account, outside any
 * payment session, reusing the account's stored access token (same store, single flight and
 * 401-retry as `createSessionToken`). Nothing is persisted but the access token.
 *
 * @example
 * const minted = await app.clientTokens.mint({ merchantId, connectorAccountId, customerId: 'cust_1' });
 * if (minted.kind === 'minted') respond({ client_token: minted.clientToken.expose(), client_id: minted.hints['client_id'], expires_at: minted.expiresAt });
 */
export class ConnectorClientTokens {
  constructor(private readonly deps: ConnectorClientTokensDeps) {}

  async mint(request: MintClientTokenRequest): Promise<MintedClientToken | ClientTokenFailure> {
    const { connectors, accounts, clock, options } = this.deps;
    if (!isUuid(request.connectorAccountId)) return { kind: 'account_not_found' };
    const account = await accounts.byId(request.merchantId, request.connectorAccountId);
    if (!account) return { kind: 'account_not_found' };
    if (!account.enabled) return { kind: 'account_disabled' };
    const connector = connectors[account.connector];
    if (!connector.capabilities.requiresAccessToken) return { kind: 'not_supported', connector: account.connector };
    const override = request.credentials?.connector === account.connector ? request.credentials : undefined;
    const call = prepareGatewayCall(
      connectors,
      {
        merchantId: request.merchantId,
        connector: account.connector,
        // Without the account id the access-token scope is the override's owner (hashed), not the account.
        ...(override ? { credentials: { connector: override.connector, value: override.value } } : { credentials: account.credentials, connectorAccountId: account.id }),
        // Client tokens belong to no order: a throw-away reference, a nominal amount in a currency every such gateway takes.
        merchantSessionId: `client_token_${randomUUID()}`,
        amount: createMoney(100n, connector.capabilities.supportedCurrencies[0] ?? 'USD'),
        testMode: account.testMode,
        ...(request.customerId !== undefined ? { state: { connectorCustomerId: request.customerId } } : {}),
      },
      options,
      clock,
    );
    const outcome = await call.send(
      this.deps.transport,
      { onResponse: (response, elapsedMs) => this.deps.logger.info({ connector: account.connector, httpStatus: response.status, elapsedMs: Math.round(elapsedMs) }, 'client token answered') },
      { attemptId: randomUUID(), accessTokens: this.deps.accessTokens },
    );
    const source = outcome.accessTokenSource === undefined ? {} : { accessTokenSource: outcome.accessTokenSource };
    if (outcome.status === 'SUCCESS') {
      const lifetimeSeconds = Math.max(0, (outcome.expiresInSeconds ?? call.tokenLifetimeSeconds) - options.expiryMarginSeconds);
      return { kind: 'minted', connector: account.connector, clientToken: outcome.token, expiresAt: new Date(clock.now().getTime() + lifetimeSeconds * 1000), hints: override?.hints ?? account.hints, ...source };
    }
    if (outcome.status === 'FAILURE') return { kind: 'gateway_error', connector: account.connector, error: outcome.error, httpStatus: outcome.httpStatus };
    const fault = faultCompletion(outcome.error);
    if (fault.error?.unifiedCode === 'INTERNAL_ERROR') this.deps.logger.error({ err: outcome.error }, 'unexpected failure while minting a client token');
    return { kind: 'gateway_error', connector: account.connector, error: fault.error ?? { unifiedCode: 'INTERNAL_ERROR', source: 'SERVICE', retryable: true }, httpStatus: fault.httpStatus };
  }
}
