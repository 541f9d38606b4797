import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import type { Secret } from '@prism-sessions/masking';
import { PAYTM_IV, PAYTM_SALT_LENGTH } from './paytm.constants';

const HASH_HEX_LENGTH = 64;
const SALT_CHARS = 4;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+$|^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/;

interface AesKey {
  readonly algorithm: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc';
  readonly key: Buffer;
}

// Key rule (upstream aes_encrypt): the merchant key's UTF-8 bytes as given, no derivation.
// 16 bytes -> AES-128 (every real Paytm key), 24 -> AES-192, anything else -> AES-256 with the
// key zero-padded or truncated to 32 bytes.
function aesKey(merchantKey: Secret<string>): AesKey {
  const raw = Buffer.from(merchantKey.peek(), 'utf8');
  if (raw.length === 16) return { algorithm: 'aes-128-cbc', key: raw };
  if (raw.length === 24) return { algorithm: 'aes-192-cbc', key: raw };
  const key = Buffer.alloc(32);
  raw.copy(key, 0, 0, 32);
  raw.fill(0);
  return { algorithm: 'aes-256-cbc', key };
}

function saltedHash(body: string, salt: string): string {
  return createHash('sha256').update(`${body}|${salt}`, 'utf8').digest('hex') + salt;
}

/**
 * Signs a Paytm request body (the `head.signature` value), the way Paytm's checksum libraries do:
 * `base64(AES-CBC(sha256hex(body + "|" + salt) + salt))` with the fixed IV `@@@@&&&&####$$$$`,
 * where `salt` is the standard Base64 of 3 random bytes.
 *
 * @param body - The exact JSON text of the request's `body` object, byte for byte as sent.
 * @param merchantKey - The merchant key; read only here.
 * @param salt - Exactly 3 bytes, from a CSPRNG in production (fixed only in tests).
 * @returns The 108-character Base64 signature.
 * @throws RangeError when `salt` is not 3 bytes.
 *
 * @example
 * const signature = signPaytmBody(bodyJson, new Secret(merchantKey), randomBytes(3));
 */
export function signPaytmBody(body: string, merchantKey: Secret<string>, salt: Uint8Array): string {
  if (salt.length !== PAYTM_SALT_LENGTH) throw new RangeError(`A Paytm salt is exactly ${PAYTM_SALT_LENGTH} bytes`);
  const checksum = saltedHash(body, Buffer.from(salt).toString('base64'));
  const { algorithm, key } = aesKey(merchantKey);
  try {
    const cipher = createCipheriv(algorithm, key, Buffer.from(PAYTM_IV, 'latin1'));
    return Buffer.concat([cipher.update(checksum, 'latin1'), cipher.final()]).toString('base64');
  } finally {
    key.fill(0);
  }
}

/**
 * Verifies a Paytm signature over `body`: decrypts it, takes its last 4 characters as the salt,
 * recomputes the salted hash and compares in constant time. Accepts signatures made by Paytm's
 * official libraries. Never throws and never logs: any malformed input is simply `false`.
 *
 * @example
 * verifyPaytmSignature(bodyJson, new Secret(merchantKey), head.signature); // true or false
 */
export function verifyPaytmSignature(body: string, merchantKey: Secret<string>, signature: string): boolean {
  let key: Buffer | undefined;
  try {
    if (typeof body !== 'string' || typeof signature !== 'string' || !BASE64.test(signature)) return false;
    const aes = aesKey(merchantKey);
    key = aes.key;
    const decipher = createDecipheriv(aes.algorithm, key, Buffer.from(PAYTM_IV, 'latin1'));
    const decrypted = Buffer.concat([decipher.update(Buffer.from(signature, 'base64')), decipher.final()]);
    if (decrypted.length !== HASH_HEX_LENGTH + SALT_CHARS) return false;
    const salt = decrypted.subarray(-SALT_CHARS).toString('latin1');
    const expected = Buffer.from(saltedHash(body, salt), 'latin1');
    return expected.length === decrypted.length && timingSafeEqual(expected, decrypted);
  } catch {
    return false;
  } finally {
    key?.fill(0);
  }
}
