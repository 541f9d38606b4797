import { TIMESTAMP_PATTERN } from '@prism-sessions/client-auth';
import { fail, type HyperFailure } from './hyper-errors';

/** The verified claims of a signaturePayload. */
export interface SignedClaims {
  readonly merchantId: string;
  readonly customerId: string;
  /** Epoch milliseconds. */
  readonly timestampMs: number;
}

/** A customer reference: 1–256 of A–Z a–z 0–9 `.` `_` `-` `@` `:` (the UPI server API allows alphanumerics and `.`). */
export const CUSTOMER_ID = /^[A-Za-z0-9._@:-]{1,256}$/;

/** Step 6 (after the signature verified): the payload is a JSON object of three valid string claims. */
export function parseSignedClaims(signaturePayload: string): { ok: true; claims: SignedClaims } | { ok: false; failure: HyperFailure } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(signaturePayload);
  } catch {
    return { ok: false, failure: fail('INVALID_DATA', 'signaturePayload is not JSON') };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, failure: fail('INVALID_DATA', 'signaturePayload must be a JSON object') };
  const record = parsed as Record<string, unknown>;
  for (const claim of ['merchant_id', 'customer_id', 'timestamp']) {
    const value = record[claim];
    if (value === undefined || value === null || value === '') return { ok: false, failure: fail('INVALID_DATA', `signaturePayload.${claim} is missing`) };
    if (typeof value !== 'string') return { ok: false, failure: fail('TYPE_MISMATCH', `signaturePayload.${claim} expected String`) };
  }
  const merchantId = record['merchant_id'] as string;
  const customerId = record['customer_id'] as string;
  const timestamp = record['timestamp'] as string;
  if (merchantId.length > 256) return { ok: false, failure: fail('INVALID_DATA', 'signaturePayload.merchant_id exceeds 256 characters') };
  if (!CUSTOMER_ID.test(customerId)) return { ok: false, failure: fail('INVALID_DATA', 'signaturePayload.customer_id must be 1–256 of A–Z a–z 0–9 . _ - @ :') };
  if (!TIMESTAMP_PATTERN.test(timestamp)) return { ok: false, failure: fail('INVALID_DATA', 'signaturePayload.timestamp must be 13 digits (epoch milliseconds)') };
  return { ok: true, claims: { merchantId, customerId, timestampMs: Number(timestamp) } };
}

/** Signature validity window: how old (`ttlMs`) and how far ahead (`skewMs`) a timestamp may be. */
export interface FreshnessWindow {
  readonly ttlMs: number;
  readonly skewMs: number;
}

/** Step 8: `now − ts ≤ TTL` and `ts − now ≤ skew` (both bounds inclusive). */
export function isFresh(timestampMs: number, now: Date, window: FreshnessWindow): boolean {
  const age = now.getTime() - timestampMs;
  return age <= window.ttlMs && -age <= window.skewMs;
}

/**
 * The session's expiry: `min(ts + TTL, now + TTL)`, so a session never outlives the signature that
 * opened it (and a timestamp from the future does not stretch it).
 */
export function sessionExpiry(timestampMs: number, now: Date, ttlMs: number): Date {
  return new Date(Math.min(timestampMs, now.getTime()) + ttlMs);
}
