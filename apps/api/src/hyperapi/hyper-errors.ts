/**
 * The one table of HyperSDK envelope failures (seed 004, spec §10.2): our mapping of each pipeline
 * failure to Juspay's `errorCode` (JP_xxx), `errorMessage` and the HTTP status of `POST /hyperapi/process`
 * (401 for authentication failures, 200 otherwise, S15 convention). Juspay publishes no such mapping;
 * the messages are its documented backend messages. Input failures append `: <detail naming the field>`.
 */
export const HYPER_ERRORS = {
  /** Step 1: the envelope (body, requestId, service, payload, action) is malformed. */
  BAD_REQUEST: { errorCode: 'JP_001', errorMessage: 'BAD_REQUEST', httpStatus: 200 },
  /** The JWS variant (`protected`/`kid`) of the Direct-PSP SDKs: recognised and refused. */
  JWS_NOT_SUPPORTED: { errorCode: 'JP_001', errorMessage: 'BAD_REQUEST', httpStatus: 200 },
  /** Step 2: not exactly one complete auth group (signature trio or clientAuthToken). */
  INVALID_AUTH_GROUP: { errorCode: 'JP_001', errorMessage: 'Invalid values passed in payload', httpStatus: 200 },
  /** Step 3: an auth field or optional field has the wrong JSON type. */
  TYPE_MISMATCH: { errorCode: 'JP_003', errorMessage: 'Type mismatch', httpStatus: 200 },
  /** Step 4: no active key with this `merchantKeyId`; step 10: unknown or foreign clientAuthToken. */
  UNAUTHORIZED: { errorCode: 'JP_012', errorMessage: 'UNAUTHORIZED', httpStatus: 401 },
  /** Step 5: the signature is not strict Base64 of the key's size, or does not verify. */
  SIGNATURE_MISMATCH: { errorCode: 'JP_012', errorMessage: 'Merchant signature mismatch', httpStatus: 401 },
  /** Step 6: `signaturePayload` is not the JSON of three valid string claims. */
  INVALID_DATA: { errorCode: 'JP_001', errorMessage: 'INVALID_DATA', httpStatus: 200 },
  /** Step 7: `merchant_id` is not the key's owner. */
  MERCHANT_MISMATCH: { errorCode: 'JP_012', errorMessage: 'Invalid merchant id or merchant channel id', httpStatus: 401 },
  /** Step 8: `timestamp` older than the TTL or further ahead than the skew. */
  REQUEST_EXPIRED: { errorCode: 'JP_012', errorMessage: 'REQUEST_EXPIRED', httpStatus: 401 },
  /** Step 9: this merchant already accepted this `requestId`. */
  DUPLICATE_REQUEST: { errorCode: 'JP_001', errorMessage: 'DUPLICATE_REQUEST', httpStatus: 200 },
  /** Step 10: the clientAuthToken expired or has no uses left. */
  SESSION_EXPIRED: { errorCode: 'JP_012', errorMessage: 'SESSION_EXPIRED', httpStatus: 401 },
  /** updateAuth for a customer without a session to renew. */
  UNINITIATED_REQUEST: { errorCode: 'JP_001', errorMessage: 'UNINITIATED_REQUEST', httpStatus: 200 },
  /** The database is unreachable. */
  SERVICE_UNAVAILABLE: { errorCode: 'JP_000', errorMessage: 'service unavailable', httpStatus: 503 },
  /** Anything unexpected (logged with the requestId). */
  INTERNAL_ERROR: { errorCode: 'JP_000', errorMessage: 'Internal server error', httpStatus: 500 },
} as const satisfies Record<string, { errorCode: string; errorMessage: string; httpStatus: number }>;

/** Why a request was refused: a key of {@link HYPER_ERRORS}; also the `reason` metric label and log field. */
export type HyperFailureReason = keyof typeof HYPER_ERRORS;

/** A refusal, with an optional detail naming the field (never a value). */
export interface HyperFailure {
  readonly reason: HyperFailureReason;
  readonly detail?: string;
}

/** Builds a failure. */
export const fail = (reason: HyperFailureReason, detail?: string): HyperFailure => (detail === undefined ? { reason } : { reason, detail });

/** The envelope's `errorMessage` for a failure: the table's message, then `: detail` when there is one. */
export function errorMessageOf(failure: HyperFailure): string {
  const base = HYPER_ERRORS[failure.reason].errorMessage;
  return failure.detail === undefined ? base : `${base}: ${failure.detail}`;
}
