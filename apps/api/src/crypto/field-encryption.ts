import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One AES-256 key and the id stored next to every ciphertext it seals. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** A key's id: the first 16 hex characters of its SHA-256, so ids need no configuration of their own. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Decodes a base64 32-byte key. */
export function parseEncryptionKey(base64: string): EncryptionKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  return { id: keyIdOf(key), key };
}

/** Thrown when a ciphertext cannot be opened (unknown key id, tampering, wrong row). */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

/**
 * Column-level AES-256-GCM. Each value is sealed with a fresh 96-bit IV and bound (as AAD) to the
 * row and column it belongs to, so a ciphertext copied into another row does not open.
 * Layout: `version(1) | iv(12) | tag(16) | ciphertext`. Retired keys stay usable for decryption
 * until `keys:rotate` has re-sealed every row with the current key.
 */
export class FieldEncryptor {
  readonly #current: EncryptionKey;
  readonly #keys: ReadonlyMap<string, Buffer>;

  constructor(current: EncryptionKey, previous: readonly EncryptionKey[] = []) {
    this.#current = current;
    this.#keys = new Map([...previous, current].map((k) => [k.id, k.key]));
  }

  /** Id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.#current.id;
  }

  encrypt(plaintext: string, aad: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(sealed: Uint8Array, keyId: string, aad: string): string {
    const key = this.#keys.get(keyId);
    if (!key) throw new DecryptionError('No encryption key with this id is configured');
    const buffer = Buffer.from(sealed);
    if (buffer.length < 1 + IV_BYTES + TAG_BYTES || buffer[0] !== FORMAT_VERSION) throw new DecryptionError('Unknown ciphertext format');
    const iv = buffer.subarray(1, 1 + IV_BYTES);
    const tag = buffer.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(buffer.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('Ciphertext failed authentication');
    }
  }

  /** Whether values sealed with `keyId` should be re-sealed with the current key. */
  needsRotation(keyId: string | null): boolean {
    return keyId !== null && keyId !== this.#current.id;
  }
}

/** Builds the encryptor from `ENCRYPTION_KEY` and `ENCRYPTION_PREVIOUS_KEYS` (comma-separated base64 keys). */
export function createFieldEncryptor(currentBase64: string, previousBase64List = ''): FieldEncryptor {
  const previous = previousBase64List
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(parseEncryptionKey);
  return new FieldEncryptor(parseEncryptionKey(currentBase64), previous);
}

/** A fresh random key, base64. */
export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}
