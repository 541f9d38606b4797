import { createHash, randomBytes } from 'node:crypto';
import { DecryptionError, FieldEncryptor, createFieldEncryptor, generateEncryptionKey, keyIdOf, parseEncryptionKey, type EncryptionKey } from './field-encryption';

const HEADER_BYTES = 1 + 12 + 16; // version | iv | tag

function key(): EncryptionKey {
  return parseEncryptionKey(generateEncryptionKey());
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('keyIdOf', () => {
  it('is the first 16 hex chars of the SHA-256 of the key, stable across calls and copies', () => {
    const raw = Buffer.alloc(32, 7);
    const expected = createHash('sha256').update(Buffer.alloc(32, 7)).digest('hex').slice(0, 16);
    expect(keyIdOf(raw)).toBe(expected);
    expect(keyIdOf(Buffer.from(raw))).toBe(expected);
    expect(keyIdOf(raw)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs between keys', () => {
    expect(keyIdOf(Buffer.alloc(32, 1))).not.toBe(keyIdOf(Buffer.alloc(32, 2)));
  });
});

describe('parseEncryptionKey', () => {
  it('decodes base64 of 32 bytes (surrounding whitespace, e.g. a trailing newline, ignored)', () => {
    const raw = randomBytes(32);
    const parsed = parseEncryptionKey(`  ${raw.toString('base64')}\n`);
    expect(parsed.key.equals(raw)).toBe(true);
    expect(parsed.id).toBe(keyIdOf(raw));
  });

  it.each([
    ['empty', ''],
    ['31 bytes', randomBytes(31).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['64 bytes', randomBytes(64).toString('base64')],
    ['hex of 32 bytes (decodes to 48 bytes as base64)', randomBytes(32).toString('hex')],
    ['16 bytes', randomBytes(16).toString('base64')],
  ])('rejects %s', (_label, value) => {
    expect(() => parseEncryptionKey(value)).toThrow('ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  });

  it('does not echo the rejected key in the error message', () => {
    const bad = randomBytes(31).toString('base64');
    const error = caught(() => parseEncryptionKey(bad));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain(bad);
  });
});

describe('generateEncryptionKey', () => {
  it('returns fresh base64 keys of 32 bytes', () => {
    const a = generateEncryptionKey();
    const b = generateEncryptionKey();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(parseEncryptionKey(a).key).toHaveLength(32);
  });
});

describe('FieldEncryptor', () => {
  const aad = 'payment_sessions.token:11111111-1111-4111-8111-111111111111';
  const otherAad = 'payment_sessions.token:22222222-2222-4222-8222-222222222222';

  it.each([
    ['ascii', 'tok_abc123'],
    ['empty string', ''],
    ['unicode', 'Zahlung € — 支付 🔐'],
    ['long', 'x'.repeat(10_000)],
  ])('round-trips %s', (_label, plaintext) => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const sealed = encryptor.encrypt(plaintext, aad);
    expect(sealed[0]).toBe(1);
    expect(sealed.length).toBe(HEADER_BYTES + Buffer.byteLength(plaintext, 'utf8'));
    expect(encryptor.decrypt(sealed, current.id, aad)).toBe(plaintext);
  });

  it('decrypts from a plain Uint8Array (as Prisma returns Bytes)', () => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const sealed = encryptor.encrypt('secret-token', aad);
    expect(encryptor.decrypt(new Uint8Array(sealed), current.id, aad)).toBe('secret-token');
  });

  it('uses a fresh IV: the same plaintext never seals to the same bytes', () => {
    const encryptor = new FieldEncryptor(key());
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) seen.add(encryptor.encrypt('same plaintext', aad).toString('hex'));
    expect(seen.size).toBe(50);
    const a = encryptor.encrypt('same plaintext', aad);
    const b = encryptor.encrypt('same plaintext', aad);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('does not contain the plaintext in the ciphertext', () => {
    const encryptor = new FieldEncryptor(key());
    const plaintext = 'PLAINTEXT_CANARY_0123456789';
    const sealed = encryptor.encrypt(plaintext, aad);
    expect(sealed.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
  });

  it('binds the ciphertext to its row: another AAD fails with DecryptionError', () => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const sealed = encryptor.encrypt('tok', aad);
    expect(() => encryptor.decrypt(sealed, current.id, otherAad)).toThrow(DecryptionError);
    expect(() => encryptor.decrypt(sealed, current.id, '')).toThrow(DecryptionError);
    expect(() => encryptor.decrypt(sealed, current.id, aad + ' ')).toThrow(DecryptionError);
  });

  it('fails with DecryptionError when any single byte is flipped', () => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const sealed = encryptor.encrypt('a session token of some length', aad);
    for (let i = 0; i < sealed.length; i += 1) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect(() => encryptor.decrypt(tampered, current.id, aad)).toThrow(DecryptionError);
    }
  });

  it('fails with DecryptionError on truncation, extension and garbage', () => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const sealed = encryptor.encrypt('token', aad);
    const variants: Buffer[] = [
      sealed.subarray(0, sealed.length - 1),
      sealed.subarray(0, HEADER_BYTES),
      sealed.subarray(0, HEADER_BYTES - 1),
      Buffer.alloc(0),
      Buffer.concat([sealed, Buffer.from([0])]),
      randomBytes(sealed.length),
      Buffer.concat([Buffer.from([2]), sealed.subarray(1)]),
    ];
    for (const variant of variants) expect(() => encryptor.decrypt(variant, current.id, aad)).toThrow(DecryptionError);
  });

  it('fails with DecryptionError for an unknown key id, and for a known id that did not seal the value', () => {
    const current = key();
    const previous = key();
    const encryptor = new FieldEncryptor(current, [previous]);
    const sealed = encryptor.encrypt('token', aad);
    expect(() => encryptor.decrypt(sealed, 'ffffffffffffffff', aad)).toThrow(DecryptionError);
    expect(() => encryptor.decrypt(sealed, '', aad)).toThrow(DecryptionError);
    expect(() => encryptor.decrypt(sealed, previous.id, aad)).toThrow(DecryptionError);
  });

  it('opens values sealed with a retired key passed as previous', () => {
    const oldKey = key();
    const newKey = key();
    const sealedWithOld = new FieldEncryptor(oldKey).encrypt('old token', aad);
    const rotated = new FieldEncryptor(newKey, [oldKey]);
    expect(rotated.currentKeyId).toBe(newKey.id);
    expect(rotated.decrypt(sealedWithOld, oldKey.id, aad)).toBe('old token');
    // New values are sealed with the current key only.
    const sealedNew = rotated.encrypt('new token', aad);
    expect(new FieldEncryptor(newKey).decrypt(sealedNew, newKey.id, aad)).toBe('new token');
    expect(() => new FieldEncryptor(oldKey).decrypt(sealedNew, oldKey.id, aad)).toThrow(DecryptionError);
    // Once the old key is dropped, its values no longer open.
    expect(() => new FieldEncryptor(newKey).decrypt(sealedWithOld, oldKey.id, aad)).toThrow(DecryptionError);
  });

  it('needsRotation: only values sealed with a non-current key', () => {
    const current = key();
    const previous = key();
    const encryptor = new FieldEncryptor(current, [previous]);
    expect(encryptor.needsRotation(current.id)).toBe(false);
    expect(encryptor.needsRotation(previous.id)).toBe(true);
    expect(encryptor.needsRotation('0000000000000000')).toBe(true);
    expect(encryptor.needsRotation(null)).toBe(false);
  });

  it('error messages never contain the plaintext, the AAD or the key', () => {
    const current = key();
    const encryptor = new FieldEncryptor(current);
    const plaintext = 'PLAINTEXT_CANARY';
    const sealed = encryptor.encrypt(plaintext, aad);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0xff;
    const errors = [
      caught(() => encryptor.decrypt(sealed, current.id, otherAad)),
      caught(() => encryptor.decrypt(tampered, current.id, aad)),
      caught(() => encryptor.decrypt(sealed, 'unknown-key-id', aad)),
      caught(() => encryptor.decrypt(Buffer.from('junk'), current.id, aad)),
    ];
    const forbidden = [plaintext, current.key.toString('base64'), current.key.toString('hex'), aad, otherAad, 'unknown-key-id', sealed.toString('hex'), sealed.toString('base64')];
    for (const error of errors) {
      expect(error).toBeInstanceOf(DecryptionError);
      const rendered = `${(error as Error).message}\n${(error as Error).stack ?? ''}\n${JSON.stringify(error)}`;
      expect((error as Error).name).toBe('DecryptionError');
      for (const secret of forbidden) expect(rendered).not.toContain(secret);
    }
  });
});

describe('createFieldEncryptor', () => {
  it('builds from base64 strings, with comma-separated previous keys (blanks and spaces ignored)', () => {
    const current = generateEncryptionKey();
    const old1 = generateEncryptionKey();
    const old2 = generateEncryptionKey();
    const aad = 'row-1';
    const sealedOld1 = createFieldEncryptor(old1).encrypt('one', aad);
    const sealedOld2 = createFieldEncryptor(old2).encrypt('two', aad);
    const encryptor = createFieldEncryptor(current, ` ${old1} ,, ${old2},`);
    expect(encryptor.currentKeyId).toBe(parseEncryptionKey(current).id);
    expect(encryptor.decrypt(sealedOld1, parseEncryptionKey(old1).id, aad)).toBe('one');
    expect(encryptor.decrypt(sealedOld2, parseEncryptionKey(old2).id, aad)).toBe('two');
  });

  it('rejects a malformed previous key', () => {
    expect(() => createFieldEncryptor(generateEncryptionKey(), 'bm90LWEta2V5')).toThrow('ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  });

  it('rejects a malformed current key', () => {
    expect(() => createFieldEncryptor('short')).toThrow('ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  });
});
