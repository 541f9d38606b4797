import type { Secret } from '@prism-sessions/masking';

/**
 * Input of the access-token flow (upstream `CreateAccessToken`): everything it needs is in the
 * connector's credentials, so it carries nothing yet.
 */
export type AccessTokenRequestData = Readonly<Record<never, never>>;

/** Output of a successful access-token flow (upstream `AccessTokenResponseData`). */
export interface AccessTokenResponseData {
  /** The bearer token. A credential: keep it wrapped. */
  readonly accessToken: Secret<string>;
  /** Scheme to send it with, e.g. `Bearer`. */
  readonly tokenType: string;
  /** Lifetime the gateway declared, in seconds (PayPal `expires_in`). */
  readonly expiresInSeconds: number;
}
