import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const WHITESPACE = /[\s]+/g;

/**
 * Decodes a signature sent as standard Base64. All whitespace is ignored (Android's
 * `Base64.DEFAULT` wraps at 76 columns and appends a newline); anything else that is not strict,
 * padded standard Base64 (URL-safe alphabet, missing padding, stray characters) gives null.
 */
export function decodeSignature(signature: string): Buffer | null {
  const compact = signature.replace(WHITESPACE, '');
  if (compact.length === 0 || !STANDARD_BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/**
 * Verifies a client signature: RSASSA-PKCS1-v1_5 / SHA-256 over the UTF-8 bytes of
 * `signaturePayload` exactly as received (never re-serialized). False when the signature is not
 * strict Base64, is not exactly as long as the key's modulus, or does not verify.
 *
 * @param publicKey an RSA public key: KeyObject, PEM (SPKI or PKCS#1) or SPKI DER.
 */
export function verifyClientPayload(publicKey: KeyObject | string | Buffer, signature: string, signaturePayload: string): boolean {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : Buffer.isBuffer(publicKey) ? createPublicKey({ key: publicKey, format: 'der', type: 'spki' }) : publicKey;
  if (key.asymmetricKeyType !== 'rsa') return false;
  const bytes = decodeSignature(signature);
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (!bytes || bytes.length !== modulusBytes) return false;
  return verify('sha256', Buffer.from(signaturePayload, 'utf8'), key, bytes);
}
