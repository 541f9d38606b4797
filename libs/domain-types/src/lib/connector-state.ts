import type { Secret } from '@org/masking';

/** An OAuth-style access token held for a connector (upstream `AccessToken`). */
export interface AccessToken {
  readonly token: Secret<string>;
  readonly expiresInSeconds?: bigint;
  readonly tokenType?: string;
}

/** State a merchant carries between calls to one connector (upstream `ConnectorState`; no session-token field). */
export interface ConnectorState {
  readonly accessToken?: AccessToken;
  readonly connectorCustomerId?: string;
}
