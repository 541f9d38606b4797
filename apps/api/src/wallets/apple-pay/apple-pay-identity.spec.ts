import { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { createTestCertificateAuthority } from '@prism-sessions/testing-fake-gateway';
import { MAX_IDENTITY_PEM_LENGTH, checkApplePayIdentity, type ApplePayIdentityCheck } from './apple-pay-identity';
import { createApplePayTestIdentity } from './testing/apple-pay-test-identity';

// A fixed validity window and clocks around it (X.509 times have second precision).
const NOT_BEFORE = new Date('2026-01-01T00:00:00Z');
const NOT_AFTER = new Date('2027-01-01T00:00:00Z');
const INSIDE = new Date('2026-06-15T12:00:00Z');

const identity = createApplePayTestIdentity({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
const other = createApplePayTestIdentity({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });

/** The base64 lines of a PEM: none of them may appear in a message. */
function pemLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length > 16 && !line.startsWith('-----'));
}

function expectNoPem(check: ApplePayIdentityCheck, ...pems: string[]): void {
  const text = JSON.stringify(check);
  for (const line of pems.flatMap(pemLines)) expect(text).not.toContain(line);
}

function refusal(check: ApplePayIdentityCheck): { field: string; message: string } {
  if (check.ok) throw new Error('expected a refusal');
  return { field: check.field, message: check.message };
}

describe('checkApplePayIdentity', () => {
  it('accepts a valid certificate with its own key and reports when it expires', () => {
    expect(checkApplePayIdentity(identity, INSIDE)).toEqual({ ok: true, notAfter: NOT_AFTER });
  });

  it('accepts the validity bounds themselves (both ends inclusive)', () => {
    expect(checkApplePayIdentity(identity, NOT_BEFORE).ok).toBe(true);
    expect(checkApplePayIdentity(identity, NOT_AFTER).ok).toBe(true);
  });

  it('refuses an expired certificate, one millisecond after notAfter', () => {
    const check = checkApplePayIdentity(identity, new Date(NOT_AFTER.getTime() + 1));
    expect(refusal(check)).toEqual({ field: 'certificatePem', message: 'certificatePem expired 2027-01-01T00:00:00.000Z: renew the merchant identity certificate in the Apple Developer account' });
  });

  it('refuses a certificate that is not valid yet', () => {
    const check = checkApplePayIdentity(identity, new Date(NOT_BEFORE.getTime() - 1));
    expect(refusal(check)).toEqual({ field: 'certificatePem', message: 'certificatePem is not valid yet: its validity starts 2026-01-01T00:00:00.000Z' });
  });

  it.each([
    ['empty text', ''],
    ['garbage', 'not a certificate at all'],
    ['a PEM header around garbage', '-----BEGIN CERTIFICATE-----\nAAAAnotbase64!!\n-----END CERTIFICATE-----\n'],
    ['a private key instead of the certificate', identity.privateKeyPem],
  ])('refuses %s as the certificate, naming certificatePem', (_name, certificatePem) => {
    const check = checkApplePayIdentity({ certificatePem, privateKeyPem: identity.privateKeyPem }, INSIDE);
    expect(refusal(check).field).toBe('certificatePem');
    expect(refusal(check).message).toMatch(/^certificatePem (is not a PEM certificate|could not be parsed)/);
    expectNoPem(check, identity.privateKeyPem);
  });

  it('refuses a certificate whose body was tampered with', () => {
    const lines = identity.certificatePem.split('\n');
    lines[5] = (lines[5] as string).replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'));
    const check = checkApplePayIdentity({ certificatePem: lines.join('\n'), privateKeyPem: identity.privateKeyPem }, INSIDE);
    expect(check.ok).toBe(false);
    expectNoPem(check, identity.certificatePem, identity.privateKeyPem);
  });

  it.each([
    ['empty text', ''],
    ['garbage', 'definitely not a key'],
    ['the certificate instead of the key', identity.certificatePem],
    ['a PEM header around garbage', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
  ])('refuses %s as the key, naming privateKeyPem', (_name, privateKeyPem) => {
    const check = checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem }, INSIDE);
    expect(refusal(check).field).toBe('privateKeyPem');
    expect(refusal(check).message).toMatch(/^privateKeyPem (is not a PEM private key|could not be parsed)/);
    expectNoPem(check, identity.certificatePem);
  });

  it('refuses the key of another certificate', () => {
    const check = checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: other.privateKeyPem }, INSIDE);
    expect(refusal(check)).toEqual({ field: 'privateKeyPem', message: 'privateKeyPem does not belong to certificatePem (the key pair of another certificate?)' });
    expectNoPem(check, identity.certificatePem, other.privateKeyPem);
  });

  it('refuses a key of another type (EC) than the certificate', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(refusal(checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: privateKey }, INSIDE)).field).toBe('privateKeyPem');
  });

  it.each([
    ['PKCS#8', 'pkcs8' as const],
    ['PKCS#1 (traditional RSA)', 'pkcs1' as const],
  ])('refuses a passphrase-protected %s key with a clear message', (_name, type) => {
    const encrypted = createPrivateKey(identity.privateKeyPem).export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string;
    const check = checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: encrypted }, INSIDE);
    expect(refusal(check).field).toBe('privateKeyPem');
    expect(refusal(check).message).toMatch(/^privateKeyPem is encrypted with a passphrase: provide the key unencrypted/);
    expectNoPem(check, encrypted);
  });

  it('accepts the key as PKCS#1 (-----BEGIN RSA PRIVATE KEY-----) too', () => {
    const pkcs1 = createPrivateKey(identity.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    expect(checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: pkcs1 }, INSIDE).ok).toBe(true);
  });

  it('accepts pasted PEMs with CRLF line ends and surrounding blank lines', () => {
    const crlf = (pem: string) => `\r\n  ${pem.replace(/\r?\n/g, '\r\n')}\r\n`;
    expect(checkApplePayIdentity({ certificatePem: crlf(identity.certificatePem), privateKeyPem: crlf(identity.privateKeyPem) }, INSIDE).ok).toBe(true);
  });

  it('accepts the certificate followed by its chain (the first block is the identity)', () => {
    const ca = createTestCertificateAuthority();
    const chained = ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.example', notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    expect(checkApplePayIdentity({ certificatePem: `${chained.certificatePem}${ca.certificatePem}`, privateKeyPem: chained.privateKeyPem }, INSIDE).ok).toBe(true);
  });

  it('refuses oversized input before parsing it', () => {
    const huge = `${identity.certificatePem}${'A'.repeat(MAX_IDENTITY_PEM_LENGTH)}`;
    expect(refusal(checkApplePayIdentity({ certificatePem: huge, privateKeyPem: identity.privateKeyPem }, INSIDE))).toEqual({
      field: 'certificatePem',
      message: `certificatePem is longer than ${MAX_IDENTITY_PEM_LENGTH} characters`,
    });
    expect(refusal(checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: `${identity.privateKeyPem}${'A'.repeat(MAX_IDENTITY_PEM_LENGTH)}` }, INSIDE)).field).toBe('privateKeyPem');
  });

  it('checks the certificate before the key (an expired certificate is reported even with a wrong key)', () => {
    const check = checkApplePayIdentity({ certificatePem: identity.certificatePem, privateKeyPem: 'garbage' }, new Date('2030-01-01T00:00:00Z'));
    expect(refusal(check).field).toBe('certificatePem');
  });
});
