import { ConnectorFlowError, type Clock } from '@prism-sessions/connector-interfaces';
import type { Secret } from '@prism-sessions/masking';
import type { ConnectorId, ConnectorRegistry, ParsedCredentials } from '../connectors/connector-registry';
import { parseStoredCredentials, type CredentialOverride } from '../connector-accounts/account-credentials';
import type { WalletAccount } from '../connector-accounts/connector-account.record';
import type { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { InvalidInputError } from '../errors/app-errors';
import type { Logger } from '../logging/logger';
import type { AppMetrics } from '../metrics/app-metrics';
import type { ApiKeyKind } from '../merchants/api-key';
import { clientSecretMatches, isClientSecretExpired, PAYMENT_ID_PATTERN } from '../payments/client-secret';
import type { PaymentRecord } from '../payments/payment.record';
import type { PaymentRepository } from '../payments/payment.repository';
import { PaymentLockTimeoutError, withPaymentLock } from '../payments/payment-lock';
import type { ClientContext, OmissionReason, SessionTokenJson, WalletBuildOutcome } from '../wallets/wallet-builder';
import { builderKey, type WalletBuilders } from '../wallets/wallet-builder-registry';
import { WALLET_BUILDER_KINDS } from '../wallets/wallet-builders';
import { clientSecretExpired, clientSecretMismatch, internalError, paymentNotFound, statusNotAllowed, unauthorized, type HsError } from './hs-error';
import { selectWallets, type SelectedWallet } from './wallet-selection';

/** Payment statuses upstream refuses session tokens for (`cancelled` is allowed, seed 003 §3.2 #3). */
const REFUSED_STATUSES: ReadonlySet<PaymentRecord['status']> = new Set(['SUCCEEDED', 'FAILED']);

/** A request for wallet session tokens, from either surface (REST shim or GraphQL). */
export interface WalletSessionRequest {
  /** The authenticated caller; null when the key was missing or invalid. */
  readonly caller: { readonly merchantId: string; readonly keyKind: ApiKeyKind } | null;
  readonly paymentId: string;
  readonly clientSecret: Secret<string>;
  /** Requested wallet names (snake_case); empty: every eligible wallet. */
  readonly wallets: readonly string[];
  readonly client: ClientContext;
  /** `merchant_connector_details`: credentials for this call only, by connector. */
  readonly credentialOverrides?: ReadonlyMap<ConnectorId, CredentialOverride>;
  /** Produce non-upstream wallets (`paytm_checkout`). */
  readonly extensions: boolean;
  readonly logger: Logger;
}

/** A produced token with the account it came from. */
export interface ProducedToken {
  readonly accountId: string;
  readonly connector: ConnectorId;
  readonly token: SessionTokenJson;
}

/** A wallet left out, and why (GraphQL `omitted`; always logged). */
export interface OmittedWalletRecord extends OmissionReason {
  /** Upper-case wallet name (`GOOGLE_PAY`, `APPLE_PAY`, `PAYPAL`, `PAYTM_CHECKOUT`, or the account's `Wallet`). */
  readonly wallet: string;
  readonly connector: ConnectorId;
  readonly accountId: string;
}

export type WalletSessionResult =
  | { readonly ok: true; readonly paymentId: string; readonly clientSecret: Secret<string>; readonly tokens: readonly ProducedToken[]; readonly omitted: readonly OmittedWalletRecord[] }
  | { readonly ok: false; readonly error: HsError };

/** Dependencies of the wallet session service. */
export interface WalletSessionServiceDeps {
  readonly payments: Pick<PaymentRepository, 'findById' | 'tryLease' | 'releaseLease'>;
  readonly accounts: Pick<ConnectorAccountRepository, 'listWalletAccounts' | 'findCredentials'>;
  readonly connectors: ConnectorRegistry;
  readonly builders: WalletBuilders;
  readonly clock: Clock;
  /** How long one call may hold the payment's lock, and another may wait for it (covers Apple's timeout twice plus a gateway call). */
  readonly lockTimeoutMs: number;
  readonly metrics?: Pick<AppMetrics, 'walletSessionToken'>;
}

type LoadedAccount = Omit<WalletAccount, 'walletConfig'> & { walletConfig: WalletAccount['walletConfig'] | null };

function reasonOf(error: unknown): OmissionReason {
  if (error instanceof InvalidInputError) return { code: error.reason, message: error.message };
  if (error instanceof ConnectorFlowError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL_ERROR', message: 'Unexpected error while building the session token' };
}

/**
 * The one domain service behind `POST /payments/session_tokens` and `createWalletSessionTokens`
 * (seed 003 §2-§6, §13): checks in upstream's order (secret before status, §13.1), then, holding one
 * lock per payment, runs every selected builder concurrently and isolated from the others; a failed
 * wallet is dropped and logged (connector, account id, wallet, reason; never a secret).
 */
export class WalletSessionService {
  constructor(private readonly deps: WalletSessionServiceDeps) {}

  async createTokens(request: WalletSessionRequest): Promise<WalletSessionResult> {
    const { logger } = request;
    if (!request.caller || request.caller.keyKind !== 'PUBLISHABLE') {
      logger.info({ reason: request.caller ? 'SECRET_KEY_NOT_ALLOWED' : 'NO_VALID_KEY', code: 'IR_01' }, 'wallet session tokens refused');
      return { ok: false, error: unauthorized() };
    }
    const merchantId = request.caller.merchantId;
    const payment = PAYMENT_ID_PATTERN.test(request.paymentId) ? await this.deps.payments.findById(merchantId, request.paymentId) : null;
    // Another merchant's payment answers exactly like a missing one.
    if (!payment) {
      logger.info({ code: 'HE_02' }, 'wallet session tokens refused: no such payment for this merchant');
      return { ok: false, error: paymentNotFound() };
    }
    const refusal = this.checkSecret(payment, request.clientSecret);
    if (refusal) {
      logger.info({ paymentId: payment.id, code: refusal.code }, 'wallet session tokens refused: client secret');
      return { ok: false, error: refusal };
    }
    if (REFUSED_STATUSES.has(payment.status)) return { ok: false, error: statusNotAllowed(payment.status) };
    if (payment.status === 'CANCELLED') logger.info({ paymentId: payment.id }, 'wallet session tokens for a cancelled payment (allowed, as upstream)');

    const lock = { leaseMs: this.deps.lockTimeoutMs, waitMs: this.deps.lockTimeoutMs, onWait: () => logger.info({ paymentId: payment.id }, 'waiting for the payment’s session-tokens lock') };
    try {
      return await withPaymentLock(this.deps.payments, payment.id, lock, async () => {
        const accounts = await this.deps.accounts.listWalletAccounts(merchantId);
        const { selected, unserved } = selectWallets(accounts, WALLET_BUILDER_KINDS, request.wallets, request.extensions);
        const outcomes = await Promise.allSettled(selected.map((pair) => this.build(pair, payment, request)));
        const tokens: ProducedToken[] = [];
        const omitted: OmittedWalletRecord[] = unserved.map(({ account, wallet }) => ({
          wallet,
          connector: account.connector,
          accountId: account.id,
          code: 'WALLET_NOT_SUPPORTED',
          message: `${account.connector} produces no ${wallet} session token`,
        }));
        outcomes.forEach((settled, index) => {
          const pair = selected[index] as SelectedWallet<LoadedAccount>;
          if (settled.status === 'rejected' && reasonOf(settled.reason).code === 'INTERNAL_ERROR') {
            logger.error({ err: settled.reason, connector: pair.account.connector, connectorAccountId: pair.account.id }, 'wallet session token builder failed');
          }
          const outcome: WalletBuildOutcome = settled.status === 'fulfilled' ? settled.value : { ok: false, reason: reasonOf(settled.reason) };
          this.deps.metrics?.walletSessionToken(pair.account.connector, pair.kind.wallet.toUpperCase(), outcome.ok ? 'produced' : 'omitted');
          if (outcome.ok) tokens.push({ accountId: pair.account.id, connector: pair.account.connector, token: outcome.token });
          else omitted.push({ wallet: pair.kind.wallet.toUpperCase(), connector: pair.account.connector, accountId: pair.account.id, ...outcome.reason });
        });
        for (const entry of omitted) {
          logger.warn({ paymentId: payment.id, connector: entry.connector, connectorAccountId: entry.accountId, wallet: entry.wallet, reason: entry.code, detail: entry.message }, 'wallet session token omitted');
        }
        return { ok: true, paymentId: payment.id, clientSecret: request.clientSecret, tokens, omitted } as const;
      });
    } catch (error) {
      if (!(error instanceof PaymentLockTimeoutError)) throw error;
      logger.warn({ paymentId: payment.id, code: 'HE_00' }, 'gave up waiting for the payment’s session-tokens lock');
      return { ok: false, error: internalError() };
    }
  }

  /** Secret first (seed 003 §13.1): mismatch `IR_09`, then expiry `IR_08` (a payment without a secret is expired). */
  private checkSecret(payment: PaymentRecord, presented: Secret<string>): HsError | null {
    if (payment.clientSecretHash === null) return clientSecretExpired();
    if (!clientSecretMatches(presented, payment.id, payment.clientSecretHash)) return clientSecretMismatch();
    if (isClientSecretExpired(payment.clientSecretExpiresAt, this.deps.clock.now())) return clientSecretExpired();
    return null;
  }

  private async build(pair: SelectedWallet<LoadedAccount>, payment: PaymentRecord, request: WalletSessionRequest): Promise<WalletBuildOutcome> {
    const { account } = pair;
    if (account.walletConfig === null) return { ok: false, reason: { code: 'WALLET_CONFIG_UNREADABLE', message: 'The account’s wallet configuration could not be opened' } };
    const builder = this.deps.builders.get(builderKey(pair.kind));
    if (!builder) return { ok: false, reason: { code: 'WALLET_NOT_SUPPORTED', message: `No builder for ${builderKey(pair.kind)}` } };
    const walletAccount: WalletAccount = { ...account, walletConfig: account.walletConfig };
    const credentialOverride = request.credentialOverrides?.get(account.connector);
    return builder.build({
      payment,
      account: walletAccount,
      client: request.client,
      ...(credentialOverride ? { credentialOverride } : {}),
      credentials: () => this.credentialsOf(walletAccount, request),
    });
  }

  private async credentialsOf(account: WalletAccount, request: WalletSessionRequest): Promise<ParsedCredentials> {
    const override = request.credentialOverrides?.get(account.connector);
    if (override) return override;
    const stored = await this.deps.accounts.findCredentials(account.merchantId, account.id);
    if (!stored) throw new InvalidInputError('CONNECTOR_ACCOUNT_NOT_FOUND', 'connectorAccountId', 'The connector account was deleted while the request ran');
    return parseStoredCredentials(this.deps.connectors, account.connector, stored.credentialsJson.expose());
  }
}
