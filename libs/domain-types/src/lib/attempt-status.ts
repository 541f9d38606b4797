/**
 * Status of a payment attempt as a connector reports it (upstream `AttemptStatus`, the values
 * these flows use). `PENDING` after a session-token call means "token issued, nothing charged".
 */
export const ATTEMPT_STATUSES = [
  'PENDING',
  'FAILURE',
  'AUTHORIZED',
  'CHARGED',
  'AUTHENTICATION_PENDING',
  'AUTHENTICATION_FAILED',
  'AUTHORIZATION_FAILED',
] as const;

/** One of {@link ATTEMPT_STATUSES}. */
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
