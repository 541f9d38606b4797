/** Upstream's error codes this endpoint answers (seed 003 §3.2). */
export type HsErrorCode = 'IR_01' | 'IR_06' | 'HE_02' | 'IR_16' | 'IR_09' | 'IR_08' | 'IR_04' | 'HE_00';

/** One upstream error: the JSON body `{"error":{"type"|"error_type","message","code"}}` and its HTTP status. */
export interface HsError {
  readonly code: HsErrorCode;
  readonly httpStatus: number;
  readonly type: 'invalid_request' | 'api';
  readonly message: string;
}

export const HS_MESSAGES = {
  IR_01: 'API key not provided or invalid API key used',
  HE_02: 'Payment does not exist in our records',
  IR_09: 'The client_secret provided does not match the client_secret associated with the Payment',
  IR_08: 'The provided client_secret has expired',
  HE_00: 'Something went wrong',
} as const;

export const unauthorized = (): HsError => ({ code: 'IR_01', httpStatus: 401, type: 'invalid_request', message: HS_MESSAGES.IR_01 });
export const paymentNotFound = (): HsError => ({ code: 'HE_02', httpStatus: 404, type: 'invalid_request', message: HS_MESSAGES.HE_02 });
export const clientSecretMismatch = (): HsError => ({ code: 'IR_09', httpStatus: 400, type: 'invalid_request', message: HS_MESSAGES.IR_09 });
export const clientSecretExpired = (): HsError => ({ code: 'IR_08', httpStatus: 400, type: 'invalid_request', message: HS_MESSAGES.IR_08 });
export const internalError = (): HsError => ({ code: 'HE_00', httpStatus: 500, type: 'api', message: HS_MESSAGES.HE_00 });
/** `IR_06`: the body does not deserialize (upstream: "Json deserialize error: …"). */
export const malformedBody = (detail: string): HsError => ({ code: 'IR_06', httpStatus: 400, type: 'invalid_request', message: `Json deserialize error: ${detail}` });
/** `IR_16` for a payment in a terminal status; the status as upstream prints it (snake_case). */
export const statusNotAllowed = (status: string): HsError => ({
  code: 'IR_16',
  httpStatus: 400,
  type: 'invalid_request',
  message: `You cannot create a session token for this payment because it has status ${status.toLowerCase()}`,
});

/**
 * The REST body of an error. Upstream's JSON-extractor errors (`IR_06`) carry the kind under
 * `error_type`; every other error under `type` (seed 003 §3.2 #0).
 */
export function hsErrorBody(error: HsError): { error: Record<string, string> } {
  const typeKey = error.code === 'IR_06' ? 'error_type' : 'type';
  return { error: { [typeKey]: error.type, message: error.message, code: error.code } };
}
