import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret } from '@prism-sessions/masking';

const ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Random part of payment ids and client secrets (upstream nanoid `ID_LENGTH`). */
export const ID_RANDOM_LENGTH = 20;
/** Default client secret lifetime: upstream `DEFAULT_SESSION_EXPIRY` (15 minutes). */
export const DEFAULT_SESSION_EXPIRY_SECONDS = 900;
const SECRET_MARKER = '_secret_';

/** `pay_` + 20 alphanumerics (upstream's default payment id). */
export const PAYMENT_ID_PATTERN = /^pay_[0-9A-Za-z]{20}$/;

function randomAlphanumerics(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A new payment id, `pay_` + 20 random alphanumerics. */
export function generatePaymentId(): string {
  return `pay_${randomAlphanumerics(ID_RANDOM_LENGTH)}`;
}

/** A new client secret for a payment: `{paymentId}_secret_{20 alphanumerics}` (≈119 random bits). */
export function generateClientSecret(paymentId: string): Secret<string> {
  return new Secret(`${paymentId}${SECRET_MARKER}${randomAlphanumerics(ID_RANDOM_LENGTH)}`);
}

/** SHA-256 (hex) of a client secret: the only form stored. A fast hash suffices for ~119 random bits. */
export function hashClientSecret(clientSecret: Secret<string>): string {
  return createHash('sha256').update(clientSecret.expose(), 'utf8').digest('hex');
}

/**
 * Whether a presented client secret matches the stored hash, compared in constant time. A secret
 * not of the form `{paymentId}_secret_…` for this payment never matches (upstream `IR_09`).
 */
export function clientSecretMatches(presented: Secret<string>, paymentId: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const value = presented.expose();
  const cut = value.lastIndexOf(SECRET_MARKER);
  const prefixOk = cut > 0 && value.slice(0, cut) === paymentId;
  const left = Buffer.from(hashClientSecret(presented), 'utf8');
  const right = Buffer.from(storedHash, 'utf8');
  const equal = left.length === right.length && timingSafeEqual(left, right);
  return prefixOk && equal;
}

/** Upstream rule: a client secret is expired strictly after its deadline (`now > expiresAt`). */
export function isClientSecretExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() > expiresAt.getTime();
}
