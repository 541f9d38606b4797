import type { CredentialOverride } from '../connector-accounts/account-credentials';
import type { ParsedCredentials } from '../connectors/connector-registry';
import type { WalletAccount } from '../connector-accounts/connector-account.record';
import type { PaymentRecord } from '../payments/payment.record';
import type { WalletName } from './wallet-builders';

export type { WalletName } from './wallet-builders';

/** The client headers upstream reads (`x-client-platform`, `x-browser-name`, `x-merchant-domain`), parsed. */
export interface ClientContext {
  /** `web`, `ios` or `android`; absent when the header is absent or unparseable (upstream ignores those). */
  readonly platform?: 'web' | 'ios' | 'android';
  /** `Safari`, or `other` for any other browser name; absent when the header is absent. */
  readonly browser?: 'Safari' | 'other';
  readonly merchantDomain?: string;
}

/** One session token as the REST answer carries it: upstream's snake_case JSON, tagged by `wallet_name`. */
export type SessionTokenJson = { readonly wallet_name: string } & Readonly<Record<string, unknown>>;

/** Why a wallet produced no token (logged; listed in GraphQL `omitted`). Never holds a secret. */
export interface OmissionReason {
  readonly code: string;
  readonly message: string;
}

/** What a builder gets for one (account, wallet) pair. */
export interface WalletBuildInput {
  readonly payment: PaymentRecord;
  readonly account: WalletAccount;
  readonly client: ClientContext;
  /** The account's credentials for this call: `merchant_connector_details` when given, else the stored ones. */
  credentials(): Promise<ParsedCredentials>;
  /** The account connector's `merchant_connector_details` for this call, with its hints; absent when none was given. */
  readonly credentialOverride?: CredentialOverride;
}

export type WalletBuildOutcome = { readonly ok: true; readonly token: SessionTokenJson } | { readonly ok: false; readonly reason: OmissionReason };

/** Builds one wallet's session token for one connector account. Failures are outcomes, not exceptions. */
export interface WalletBuilder {
  readonly connector: WalletAccount['connector'];
  readonly wallet: WalletName;
  build(input: WalletBuildInput): Promise<WalletBuildOutcome>;
}

/** The `sdk_next_action` of upstream's Google Pay and Apple Pay tokens. */
export const CONFIRM_NEXT_ACTION = { next_action: 'confirm' } as const;

/** An omission outcome. */
export function omitted(code: string, message: string): WalletBuildOutcome {
  return { ok: false, reason: { code, message } };
}
