import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../config/env';
import { createFieldEncryptor, generateEncryptionKey, type FieldEncryptor } from '../crypto/field-encryption';

/**
 * The field encryptor from `ENCRYPTION_KEY`. Outside production, a key is generated once into
 * `<dataDir>/encryption.key` (mode 0600) so the embedded setup needs no configuration.
 * In production the key is mandatory.
 */
export function loadFieldEncryptor(config: AppConfig, dataDir: string): { encryptor: FieldEncryptor; source: 'env' | 'file' | 'generated' } {
  if (config.ENCRYPTION_KEY) return { encryptor: createFieldEncryptor(config.ENCRYPTION_KEY, config.ENCRYPTION_PREVIOUS_KEYS ?? ''), source: 'env' };
  if (config.NODE_ENV === 'production') throw new Error('ENCRYPTION_KEY is required in production (base64 of 32 random bytes)');
  const file = path.join(dataDir, 'encryption.key');
  if (existsSync(file)) return { encryptor: createFieldEncryptor(readFileSync(file, 'utf8'), config.ENCRYPTION_PREVIOUS_KEYS ?? ''), source: 'file' };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, generateEncryptionKey() + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { encryptor: createFieldEncryptor(readFileSync(file, 'utf8'), config.ENCRYPTION_PREVIOUS_KEYS ?? ''), source: 'generated' };
}
