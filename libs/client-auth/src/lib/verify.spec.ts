import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { signClientPayload } from './sign';
import { decodeSignature, verifyClientPayload } from './verify';

let privateKey: KeyObject;
let publicKey: KeyObject;
const claims = { merchant_id: 'stock', customer_id: 'abcde12345', timestamp: '1668389349848' };

beforeAll(() => {
  ({ privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
});

describe('decodeSignature', () => {
  it('ignores whitespace: Base64 wrapped at 76 columns with a trailing newline decodes to the same bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const wrapped = (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\n') + '\n';
    expect(decodeSignature(wrapped)?.equals(bytes)).toBe(true);
    expect(decodeSignature(` ${bytes.toString('base64')}\r\n\t`)?.equals(bytes)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n '],
    ['URL-safe alphabet', 'ab-_'],
    ['missing padding', 'YWJjZA'],
    ['stray character', 'YWJj*A=='],
    ['hex', 'deadbeef0'],
  ])('refuses %s', (_label, text) => {
    expect(decodeSignature(text)).toBeNull();
  });
});

describe('verifyClientPayload', () => {
  it('accepts the signed string, from a KeyObject, SPKI PEM, PKCS#1 PEM and SPKI DER', () => {
    const signed = signClientPayload(privateKey, claims);
    for (const key of [publicKey, publicKey.export({ type: 'spki', format: 'pem' }) as string, publicKey.export({ type: 'pkcs1', format: 'pem' }) as string, publicKey.export({ type: 'spki', format: 'der' })]) {
      expect(verifyClientPayload(key, signed.signature, signed.signaturePayload)).toBe(true);
    }
  });

  it('refuses the same claims re-serialized (spaces, reordered keys): the bytes are what is verified', () => {
    const signed = signClientPayload(privateKey, claims);
    const spaced = JSON.stringify(JSON.parse(signed.signaturePayload), null, 1);
    const reordered = JSON.stringify({ timestamp: claims.timestamp, merchant_id: claims.merchant_id, customer_id: claims.customer_id });
    expect(verifyClientPayload(publicKey, signed.signature, spaced)).toBe(false);
    expect(verifyClientPayload(publicKey, signed.signature, reordered)).toBe(false);
  });

  it('verifies a payload signed as Python json.dumps would write it (spaces after separators) when sent unchanged', () => {
    const python = '{"merchant_id": "stock", "customer_id": "abcde12345", "timestamp": "1668389349848"}';
    const signature = sign('sha256', Buffer.from(python, 'utf8'), privateKey).toString('base64');
    expect(verifyClientPayload(publicKey, signature, python)).toBe(true);
  });

  it('refuses a truncated signature, another key’s signature and a signature of the wrong length', () => {
    const signed = signClientPayload(privateKey, claims);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(verifyClientPayload(publicKey, signed.signature.slice(0, 340), signed.signaturePayload)).toBe(false);
    expect(verifyClientPayload(publicKey, signClientPayload(other, claims).signature, signed.signaturePayload)).toBe(false);
    expect(verifyClientPayload(publicKey, Buffer.alloc(255, 1).toString('base64'), signed.signaturePayload)).toBe(false);
  });

  it('refuses a non-RSA public key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(verifyClientPayload(ec, signClientPayload(privateKey, claims).signature, '{}')).toBe(false);
  });
});
