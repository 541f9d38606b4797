import { execFileSync } from 'node:child_process';
import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidClaimError } from './client-payload';
import { InvalidPrivateKeyError, signClientPayload } from './sign';
import { verifyClientPayload } from './verify';

let privateKey: KeyObject;
let publicKey: KeyObject;
let pkcs1Pem: string;
let pkcs8Pem: string;
const claims = { merchant_id: 'stock', customer_id: 'abcde12345', timestamp: '1668389349848' };

beforeAll(() => {
  ({ privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
  pkcs1Pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  pkcs8Pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('signClientPayload', () => {
  it('signs JSON.stringify of the three claims in order, and returns that exact string', () => {
    const signed = signClientPayload(pkcs1Pem, claims);
    expect(signed.signaturePayload).toBe('{"merchant_id":"stock","customer_id":"abcde12345","timestamp":"1668389349848"}');
    expect(signed.signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(verifyClientPayload(publicKey, signed.signature, signed.signaturePayload)).toBe(true);
  });

  it('keeps the claim order fixed whatever order the caller built the object in', () => {
    const reordered = { timestamp: claims.timestamp, customer_id: claims.customer_id, merchant_id: claims.merchant_id };
    expect(signClientPayload(pkcs8Pem, reordered).signaturePayload).toBe(signClientPayload(pkcs8Pem, claims).signaturePayload);
  });

  it('gives the same signature from a PKCS#1 PEM, a PKCS#8 PEM and a KeyObject (PKCS#1 v1.5 is deterministic)', () => {
    const fromPkcs1 = signClientPayload(pkcs1Pem, claims).signature;
    expect(signClientPayload(pkcs8Pem, claims).signature).toBe(fromPkcs1);
    expect(signClientPayload(privateKey, claims).signature).toBe(fromPkcs1);
  });

  it('matches Node createSign("RSA-SHA256") over the UTF-8 bytes (a second code path), also for non-ASCII claims', () => {
    const unicode = { ...claims, customer_id: 'grâce-ñ-😀' };
    const signed = signClientPayload(pkcs1Pem, unicode);
    const other = createSign('RSA-SHA256').update(Buffer.from(signed.signaturePayload, 'utf8')).sign(pkcs8Pem, 'base64');
    expect(signed.signature).toBe(other);
    expect(createVerify('RSA-SHA256').update(signed.signaturePayload, 'utf8').verify(publicKey, signed.signature, 'base64')).toBe(true);
  });

  (hasOpenssl() ? it : it.skip)('matches `openssl dgst -sha256 -sign`, and openssl verifies it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'client-auth-'));
    try {
      const signed = signClientPayload(pkcs1Pem, claims);
      writeFileSync(join(dir, 'private-key.pem'), pkcs1Pem, { mode: 0o600 });
      writeFileSync(join(dir, 'public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
      writeFileSync(join(dir, 'payload.txt'), signed.signaturePayload);
      const opensslSignature = execFileSync('openssl', ['dgst', '-sha256', '-sign', join(dir, 'private-key.pem'), join(dir, 'payload.txt')]);
      expect(opensslSignature.toString('base64')).toBe(signed.signature);
      writeFileSync(join(dir, 'signature.bin'), Buffer.from(signed.signature, 'base64'));
      const verdict = execFileSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'public-key.pem'), '-signature', join(dir, 'signature.bin'), join(dir, 'payload.txt')]).toString();
      expect(verdict.trim()).toBe('Verified OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['missing merchant_id', { customer_id: 'c', timestamp: '1668389349848' }, 'merchant_id'],
    ['empty customer_id', { merchant_id: 'm', customer_id: '', timestamp: '1668389349848' }, 'customer_id'],
    ['numeric timestamp', { merchant_id: 'm', customer_id: 'c', timestamp: 1668389349848 }, 'timestamp'],
    ['seconds timestamp', { merchant_id: 'm', customer_id: 'c', timestamp: '1668389349' }, 'timestamp'],
    ['over-long customer_id', { merchant_id: 'm', customer_id: 'c'.repeat(257), timestamp: '1668389349848' }, 'customer_id'],
  ])('refuses %s, naming the claim', (_label, bad, claim) => {
    expect(() => signClientPayload(pkcs1Pem, bad as never)).toThrow(InvalidClaimError);
    try {
      signClientPayload(pkcs1Pem, bad as never);
    } catch (error) {
      expect((error as InvalidClaimError).claim).toBe(claim);
    }
  });

  it('refuses a public key, a non-RSA key, a small RSA key and garbage, without echoing the key', () => {
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    for (const bad of [publicPem, ec, small, 'not a key']) {
      let caught: unknown;
      try {
        signClientPayload(bad, claims);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidPrivateKeyError);
      expect((caught as Error).message).not.toContain('MII');
    }
  });
});
