/** The claims a merchant's server signs for `upiGetSessionToken` (HyperSDK), all strings. */
export interface ClientPayloadClaims {
  /** The merchant's id as the verifying service knows it. */
  readonly merchant_id: string;
  /** The merchant's stable reference for its customer. */
  readonly customer_id: string;
  /** Milliseconds since the Unix epoch, as 13 decimal digits (e.g. `"1668389349848"`). */
  readonly timestamp: string;
}

/** Thirteen decimal digits: epoch milliseconds between 2001-09-09 and 2286-11-20. */
export const TIMESTAMP_PATTERN = /^\d{13}$/;

/** Longest `merchant_id` / `customer_id` accepted (the UPI server API's `merchantCustomerId` bound). */
export const MAX_CLAIM_LENGTH = 256;

/** Why a set of claims is refused: the claim and what is wrong with it. */
export class InvalidClaimError extends Error {
  override readonly name = 'InvalidClaimError';

  constructor(
    readonly claim: keyof ClientPayloadClaims,
    message: string,
  ) {
    super(message);
  }
}

/** The `timestamp` claim for an instant: epoch milliseconds as a string. */
export function timestampClaim(at: Date): string {
  return String(at.getTime());
}

/**
 * Checks the claims: `merchant_id` and `customer_id` non-empty strings of at most
 * {@link MAX_CLAIM_LENGTH} characters, `timestamp` 13 digits. Throws {@link InvalidClaimError}
 * naming the claim (never echoing its value).
 */
export function assertClientPayloadClaims(claims: unknown): asserts claims is ClientPayloadClaims {
  const record = (typeof claims === 'object' && claims !== null ? claims : {}) as Record<string, unknown>;
  for (const claim of ['merchant_id', 'customer_id'] as const) {
    const value = record[claim];
    if (typeof value !== 'string' || value.length === 0) throw new InvalidClaimError(claim, `${claim} must be a non-empty string`);
    if (value.length > MAX_CLAIM_LENGTH) throw new InvalidClaimError(claim, `${claim} must be at most ${MAX_CLAIM_LENGTH} characters`);
  }
  const timestamp = record['timestamp'];
  if (typeof timestamp !== 'string' || !TIMESTAMP_PATTERN.test(timestamp)) throw new InvalidClaimError('timestamp', 'timestamp must be a string of 13 digits (epoch milliseconds)');
}

/**
 * The exact string that is signed and sent as `signaturePayload`: `JSON.stringify` of the three
 * claims in the order `merchant_id`, `customer_id`, `timestamp` (no other keys, no whitespace).
 */
export function serializeClientPayload(claims: ClientPayloadClaims): string {
  assertClientPayloadClaims(claims);
  return JSON.stringify({ merchant_id: claims.merchant_id, customer_id: claims.customer_id, timestamp: claims.timestamp });
}
