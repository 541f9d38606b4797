import type { Secret } from '@prism-sessions/masking';
import type { BrowserInformation, ConnectorState, Money } from '@prism-sessions/domain-types';
import type { ParsedCredentials, ConnectorId } from '../connectors/connector-registry';
import type { SessionError } from './session-error';
import type { SessionRecord } from './session-record';

/** A validated createSessionToken request. */
export interface CreateSessionCommand {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly credentials: ParsedCredentials;
  /** The stored account the credentials came from; absent when they came in x-connector-config. */
  readonly connectorAccountId?: string;
  /** The payment the session is opened for (wallet session tokens); not part of the fingerprint. */
  readonly paymentId?: string;
  /** Upstream's per-request gateway URL override; honoured only for allow-listed hosts. */
  readonly requestBaseUrl?: string;
  readonly merchantSessionId: string;
  readonly amount: Money;
  readonly testMode: boolean;
  readonly idempotencyKey?: string;
  readonly browserInfo?: BrowserInformation;
  readonly metadata?: Secret<string>;
  readonly connectorFeatureData?: Secret<string>;
  readonly state?: ConnectorState;
  /** The caller's deadline (gRPC): the gateway call is cut short there and recorded like a timeout. Not part of the fingerprint. */
  readonly deadline?: Date;
}

/** What createSessionToken answers. */
export interface CreateSessionResult {
  readonly session: SessionRecord;
  /** The live token, for the owning merchant only. */
  readonly token?: Secret<string>;
  readonly statusCode: number;
  readonly error?: SessionError;
  readonly replayed: boolean;
}
