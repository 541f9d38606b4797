import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/env';
import { DecryptionError, generateEncryptionKey, parseEncryptionKey } from '../crypto/field-encryption';
import { loadFieldEncryptor } from './encryption-key';

const AAD = 'payment_sessions.token:3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('loadFieldEncryptor', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'api-encryption-key-'));
    dataDir = path.join(root, 'nested', '.data');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const keyFile = () => path.join(dataDir, 'encryption.key');

  it('refuses to start in production without ENCRYPTION_KEY, and writes nothing', () => {
    expect(() => loadFieldEncryptor(loadConfig({ NODE_ENV: 'production' }), dataDir)).toThrow('ENCRYPTION_KEY is required in production');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an empty ENCRYPTION_KEY in production as well', () => {
    expect(() => loadFieldEncryptor(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: '' }), dataDir)).toThrow('ENCRYPTION_KEY is required in production');
  });

  it('does not use a development key file in production', () => {
    const first = loadFieldEncryptor(loadConfig({ NODE_ENV: 'development' }), dataDir);
    expect(first.source).toBe('generated');
    expect(() => loadFieldEncryptor(loadConfig({ NODE_ENV: 'production' }), dataDir)).toThrow('ENCRYPTION_KEY is required in production');
  });

  it('uses ENCRYPTION_KEY from the environment in production', () => {
    const key = generateEncryptionKey();
    const { encryptor, source } = loadFieldEncryptor(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: key }), dataDir);
    expect(source).toBe('env');
    expect(encryptor.currentKeyId).toBe(parseEncryptionKey(key).id);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects a malformed ENCRYPTION_KEY without echoing it', () => {
    const bad = Buffer.alloc(16, 1).toString('base64');
    let message = '';
    try {
      loadFieldEncryptor(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: bad }), dataDir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  });

  it.each(['development', 'test'])('in %s, generates a 0600 key file once (creating the data dir) and reuses it', (nodeEnv) => {
    const config = loadConfig({ NODE_ENV: nodeEnv });
    const first = loadFieldEncryptor(config, dataDir);
    expect(first.source).toBe('generated');
    expect(existsSync(keyFile())).toBe(true);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const contents = readFileSync(keyFile(), 'utf8');
    expect(contents).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(first.encryptor.currentKeyId).toBe(parseEncryptionKey(contents).id);

    const second = loadFieldEncryptor(config, dataDir);
    expect(second.source).toBe('file');
    expect(second.encryptor.currentKeyId).toBe(first.encryptor.currentKeyId);
    expect(readFileSync(keyFile(), 'utf8')).toBe(contents);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);

    // Values sealed before a restart still open after it.
    const sealed = first.encryptor.encrypt('session-token', AAD);
    expect(second.encryptor.decrypt(sealed, first.encryptor.currentKeyId, AAD)).toBe('session-token');
  });

  it('generates a different key for a different data dir', () => {
    const config = loadConfig({});
    const a = loadFieldEncryptor(config, path.join(root, 'a'));
    const b = loadFieldEncryptor(config, path.join(root, 'b'));
    expect(a.encryptor.currentKeyId).not.toBe(b.encryptor.currentKeyId);
  });

  it('prefers ENCRYPTION_KEY over an existing key file, and leaves the file alone', () => {
    loadFieldEncryptor(loadConfig({}), dataDir);
    const fileContents = readFileSync(keyFile(), 'utf8');
    const envKey = generateEncryptionKey();
    const { encryptor, source } = loadFieldEncryptor(loadConfig({ ENCRYPTION_KEY: envKey }), dataDir);
    expect(source).toBe('env');
    expect(encryptor.currentKeyId).toBe(parseEncryptionKey(envKey).id);
    expect(encryptor.currentKeyId).not.toBe(parseEncryptionKey(fileContents).id);
    expect(readFileSync(keyFile(), 'utf8')).toBe(fileContents);
  });

  it('reuses a key file written by an operator (whitespace tolerated)', () => {
    const key = generateEncryptionKey();
    loadFieldEncryptor(loadConfig({}), dataDir); // creates the directory
    writeFileSync(keyFile(), `  ${key}\n\n`, { mode: 0o600 });
    const { encryptor, source } = loadFieldEncryptor(loadConfig({}), dataDir);
    expect(source).toBe('file');
    expect(encryptor.currentKeyId).toBe(parseEncryptionKey(key).id);
  });

  it('passes ENCRYPTION_PREVIOUS_KEYS through, for env, file and generated keys', () => {
    const previous = generateEncryptionKey();
    const previousId = parseEncryptionKey(previous).id;
    const sealedWithPrevious = (() => {
      const { encryptor } = loadFieldEncryptor(loadConfig({ ENCRYPTION_KEY: previous }), dataDir);
      return encryptor.encrypt('old-token', AAD);
    })();

    const generated = loadFieldEncryptor(loadConfig({ ENCRYPTION_PREVIOUS_KEYS: previous }), dataDir);
    expect(generated.source).toBe('generated');
    expect(generated.encryptor.decrypt(sealedWithPrevious, previousId, AAD)).toBe('old-token');
    expect(generated.encryptor.needsRotation(previousId)).toBe(true);

    const fromFile = loadFieldEncryptor(loadConfig({ ENCRYPTION_PREVIOUS_KEYS: previous }), dataDir);
    expect(fromFile.source).toBe('file');
    expect(fromFile.encryptor.decrypt(sealedWithPrevious, previousId, AAD)).toBe('old-token');

    const fromEnv = loadFieldEncryptor(loadConfig({ ENCRYPTION_KEY: generateEncryptionKey(), ENCRYPTION_PREVIOUS_KEYS: previous }), dataDir);
    expect(fromEnv.encryptor.decrypt(sealedWithPrevious, previousId, AAD)).toBe('old-token');

    const withoutPrevious = loadFieldEncryptor(loadConfig({}), dataDir);
    expect(() => withoutPrevious.encryptor.decrypt(sealedWithPrevious, previousId, AAD)).toThrow(DecryptionError);
  });
});
