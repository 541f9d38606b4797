import { createHash } from 'node:crypto';
import { bearerToken, generateApiKey, hashApiKey, hashesEqual } from './api-key';

describe('generateApiKey', () => {
  it('mints sk_ followed by 43 base64url characters (32 random bytes, no padding)', () => {
    const { apiKey } = generateApiKey();
    expect(apiKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(apiKey.slice(3), 'base64url')).toHaveLength(32);
  });

  it('returns the SHA-256 hex of the key and a 10-character display prefix', () => {
    const { apiKey, hash, prefix } = generateApiKey();
    expect(hash).toBe(createHash('sha256').update(apiKey, 'utf8').digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(prefix).toBe(apiKey.slice(0, 10));
    expect(prefix.startsWith('sk_')).toBe(true);
  });

  it('mints pk_ keys for the PUBLISHABLE kind, with a pk_ display prefix', () => {
    const { apiKey, prefix } = generateApiKey('PUBLISHABLE');
    expect(apiKey).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(apiKey.slice(0, 10));
  });

  it('never repeats a key or a hash over 1000 keys', () => {
    const keys = new Set<string>();
    const hashes = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const minted = generateApiKey();
      expect(minted.apiKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
      keys.add(minted.apiKey);
      hashes.add(minted.hash);
    }
    expect(keys.size).toBe(1000);
    expect(hashes.size).toBe(1000);
  });
});

describe('hashApiKey', () => {
  it('is the lower-case SHA-256 hex digest of the UTF-8 key', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashApiKey('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is deterministic and sensitive to every character', () => {
    const key = 'sk_' + 'A'.repeat(43);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toBe(hashApiKey('sk_' + 'A'.repeat(42) + 'B'));
    expect(hashApiKey(key)).not.toBe(hashApiKey(key.toLowerCase()));
  });
});

describe('hashesEqual', () => {
  const hash = hashApiKey('sk_one');

  it('is true for equal hashes (distinct string instances)', () => {
    expect(hashesEqual(hash, hashApiKey('sk_one'))).toBe(true);
    expect(hashesEqual('', '')).toBe(true);
  });

  it('is false for different hashes of the same length', () => {
    expect(hashesEqual(hash, hashApiKey('sk_two'))).toBe(false);
    const lastFlipped = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0');
    expect(hashesEqual(hash, lastFlipped)).toBe(false);
  });

  it('is false (and does not throw) for different lengths', () => {
    expect(hashesEqual(hash, hash.slice(0, -1))).toBe(false);
    expect(hashesEqual(hash, hash + '0')).toBe(false);
    expect(hashesEqual(hash, '')).toBe(false);
    expect(hashesEqual('', hash)).toBe(false);
  });

  it('compares bytes, so same-length strings with different UTF-8 lengths are unequal, not an exception', () => {
    expect(hashesEqual('ab', 'aé')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(hashesEqual('abcdef', 'ABCDEF')).toBe(false);
  });
});

describe('bearerToken', () => {
  const key = 'sk_' + 'a1B2-_'.repeat(7) + 'z';

  it.each([
    ['canonical', `Bearer ${key}`],
    ['lower-case scheme', `bearer ${key}`],
    ['upper-case scheme', `BEARER ${key}`],
    ['mixed-case scheme', `bEaReR ${key}`],
    ['several spaces after the scheme', `Bearer    ${key}`],
    ['a tab after the scheme', `Bearer\t${key}`],
    ['trailing spaces', `Bearer ${key}   `],
  ])('extracts the key: %s', (_label, header) => {
    expect(bearerToken(header)).toBe(key);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['only spaces', '   '],
    ['scheme without token', 'Bearer'],
    ['scheme and spaces without token', 'Bearer    '],
    ['Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['token without scheme', key],
    ['no space between scheme and token', `Bearer${key}`],
    ['two tokens', `Bearer ${key} extra`],
    ['another scheme that starts with Bearer', `BearerX ${key}`],
    ['leading text', `Token Bearer ${key}`],
  ])('returns undefined: %s', (_label, header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
