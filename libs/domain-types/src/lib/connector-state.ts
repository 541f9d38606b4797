import type { Secret } from '@prism-sessions/masking';

/** An OAuth-style access token held for a connector (upstream `AccessToken`). */
export interface AccessToken {
  /** The bearer token. */
  readonly token: Secret<string>;
  /** Lifetime from issue, in seconds (upstream `int64`). */
  readonly expiresInSeconds?: bigint;
  /** E.g. `Bearer`. */
  readonly tokenType?: string;
}

/** State a merchant carries between calls to one connector (upstream `ConnectorState`; no session-token field). */
export interface ConnectorState {
  /** An access token obtained earlier from this connector. */
  readonly accessToken?: AccessToken;
  /** The connector's id for the customer. */
  readonly connectorCustomerId?: string;
}
