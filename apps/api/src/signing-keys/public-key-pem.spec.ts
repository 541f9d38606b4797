import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InvalidInputError } from '../errors/app-errors';
import { parseRsaPublicKeyPem } from './public-key-pem';

let rsa2048: { publicKey: KeyObject; privateKey: KeyObject };
let rsa1024: { publicKey: KeyObject; privateKey: KeyObject };

beforeAll(() => {
  rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
});

const spkiPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }) as string;

function refusal(pem: string): InvalidInputError {
  try {
    parseRsaPublicKeyPem(pem);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const invalid = error as InvalidInputError;
    expect(invalid.field).toBe('input.publicKeyPem');
    // Never echoes the PEM body.
    const body = pem.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
    if (body.length >= 16) expect(invalid.message).not.toContain(body.slice(0, 16));
    return invalid;
  }
  throw new Error('expected a refusal');
}

describe('parseRsaPublicKeyPem', () => {
  it('accepts an SPKI RSA 2048 key; the fingerprint is the hex SHA-256 of the SPKI DER', () => {
    const parsed = parseRsaPublicKeyPem(spkiPem(rsa2048.publicKey));
    const der = rsa2048.publicKey.export({ type: 'spki', format: 'der' });
    expect(parsed).toMatchObject({ algorithm: 'RSA', modulusBits: 2048 });
    expect(parsed.spki.equals(der)).toBe(true);
    expect(parsed.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the same key as PKCS#1 (BEGIN RSA PUBLIC KEY), with the same SPKI and fingerprint', () => {
    const pkcs1 = rsa2048.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY');
    expect(parseRsaPublicKeyPem(pkcs1)).toEqual(parseRsaPublicKeyPem(spkiPem(rsa2048.publicKey)));
  });

  it('accepts CRLF line endings and surrounding whitespace', () => {
    expect(parseRsaPublicKeyPem(`\n  ${spkiPem(rsa2048.publicKey).replace(/\n/g, '\r\n')}  \n`).modulusBits).toBe(2048);
  });

  it('refuses RSA 1024, saying how large it is and what is required', () => {
    const error = refusal(spkiPem(rsa1024.publicKey));
    expect(error.reason).toBe('KEY_TOO_SMALL');
    expect(error.message).toContain('1024-bit');
    expect(error.message).toContain('2048');
  });

  it.each([
    ['PKCS#8 private key', () => rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string],
    ['PKCS#1 private key', () => rsa2048.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string],
    ['encrypted private key', () => rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string],
    ['public key followed by its private key', () => spkiPem(rsa2048.publicKey) + (rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)],
  ])('refuses a %s and says why', (_label, pem) => {
    const error = refusal(pem());
    expect(error.reason).toBe('PRIVATE_KEY');
    expect(error.message).toMatch(/private key/);
    expect(error.message).toMatch(/never leave the client/);
  });

  it('refuses EC and Ed25519 keys', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(refusal(spkiPem(ec)).message).toContain('an EC key');
    expect(refusal(spkiPem(generateKeyPairSync('ed25519').publicKey)).reason).toBe('UNSUPPORTED_KEY_TYPE');
  });

  it.each([
    ['empty', ''],
    ['not PEM at all', 'hello'],
    ['a bare base64 body', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
    ['a corrupted body', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnotakey\n-----END PUBLIC KEY-----\n'],
    ['no END line', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n'],
  ])('refuses malformed PEM: %s', (_label, pem) => {
    expect(refusal(pem).reason).toMatch(/MALFORMED_PEM/);
  });

  it('refuses certificates and other blocks, two blocks, and over-long text', () => {
    expect(refusal('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').reason).toBe('NOT_A_PUBLIC_KEY');
    expect(refusal(spkiPem(rsa2048.publicKey).repeat(2)).reason).toBe('MULTIPLE_PEM_BLOCKS');
    expect(refusal(spkiPem(rsa2048.publicKey) + ' '.repeat(8192)).reason).toBe('PEM_TOO_LONG');
  });
});
