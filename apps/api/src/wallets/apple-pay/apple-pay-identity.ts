import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';

/** The result of {@link checkApplePayIdentity}: when the certificate stops being valid, or the first problem found. */
export type ApplePayIdentityCheck =
  | { ok: true; notAfter: Date }
  | { ok: false; field: 'certificatePem' | 'privateKeyPem'; message: string };

/** Bounds the text handed to OpenSSL (a certificate with its chain, or an 8192-bit key, stays far below). */
export const MAX_IDENTITY_PEM_LENGTH = 32_768;

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----/;
const PRIVATE_KEY_BLOCK = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const ENCRYPTED_KEY_BLOCK = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// OpenSSL's PEM reader wants LF line ends; pasted PEMs often come with CRLF or surrounding blanks.
function normalisePem(pem: string): string {
  return `${pem.replace(/\r\n?/g, '\n').trim()}\n`;
}

function parseCertificate(pem: string): Parsed<X509Certificate> {
  if (pem.length > MAX_IDENTITY_PEM_LENGTH) return { ok: false, message: `certificatePem is longer than ${MAX_IDENTITY_PEM_LENGTH} characters` };
  if (!CERTIFICATE_BLOCK.test(pem)) return { ok: false, message: 'certificatePem is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)' };
  try {
    // The first block is the merchant identity certificate; any further blocks are its chain.
    return { ok: true, value: new X509Certificate(normalisePem(pem)) };
  } catch {
    return { ok: false, message: 'certificatePem could not be parsed as an X.509 certificate' };
  }
}

function parsePrivateKey(pem: string): Parsed<KeyObject> {
  if (pem.length > MAX_IDENTITY_PEM_LENGTH) return { ok: false, message: `privateKeyPem is longer than ${MAX_IDENTITY_PEM_LENGTH} characters` };
  if (ENCRYPTED_KEY_BLOCK.test(pem)) {
    return { ok: false, message: 'privateKeyPem is encrypted with a passphrase: provide the key unencrypted (it is sealed at rest), e.g. `openssl pkey -in key.pem -out plain.pem`' };
  }
  if (!PRIVATE_KEY_BLOCK.test(pem)) return { ok: false, message: 'privateKeyPem is not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)' };
  try {
    return { ok: true, value: createPrivateKey({ key: normalisePem(pem), format: 'pem' }) };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE') {
      return { ok: false, message: 'privateKeyPem is encrypted with a passphrase: provide the key unencrypted (it is sealed at rest)' };
    }
    return { ok: false, message: 'privateKeyPem could not be parsed as a private key' };
  }
}

// Node 20's X509Certificate has only the text forms ("Dec  5 08:00:00 2026 GMT"), which Date parses.
function validityDate(text: string): Date | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Checks an Apple Pay merchant identity certificate and its private key (both PEM) before they are
 * stored: the certificate parses and is valid at `now` (not expired, not yet to come), the key parses,
 * is not passphrase-protected, and belongs to the certificate. Pure: no I/O, the clock is `now`.
 *
 * Messages name the field and never echo the PEM text (or anything OpenSSL read from it).
 *
 * @example
 * const check = checkApplePayIdentity({ certificatePem, privateKeyPem }, new Date());
 * if (!check.ok) throw new InvalidInputError('APPLE_PAY_IDENTITY', `input.walletConfig.applePay.${check.field}`, check.message);
 */
export function checkApplePayIdentity(input: { certificatePem: string; privateKeyPem: string }, now: Date): ApplePayIdentityCheck {
  const certificate = parseCertificate(input.certificatePem);
  if (!certificate.ok) return { ok: false, field: 'certificatePem', message: certificate.message };
  const notBefore = validityDate(certificate.value.validFrom);
  const notAfter = validityDate(certificate.value.validTo);
  if (notBefore === undefined || notAfter === undefined) return { ok: false, field: 'certificatePem', message: 'certificatePem has an unreadable validity period' };
  if (now.getTime() < notBefore.getTime()) {
    return { ok: false, field: 'certificatePem', message: `certificatePem is not valid yet: its validity starts ${notBefore.toISOString()}` };
  }
  if (now.getTime() > notAfter.getTime()) {
    return { ok: false, field: 'certificatePem', message: `certificatePem expired ${notAfter.toISOString()}: renew the merchant identity certificate in the Apple Developer account` };
  }
  const key = parsePrivateKey(input.privateKeyPem);
  if (!key.ok) return { ok: false, field: 'privateKeyPem', message: key.message };
  if (key.value.type !== 'private') return { ok: false, field: 'privateKeyPem', message: 'privateKeyPem is not a private key' };
  if (!certificate.value.checkPrivateKey(key.value)) {
    return { ok: false, field: 'privateKeyPem', message: 'privateKeyPem does not belong to certificatePem (the key pair of another certificate?)' };
  }
  return { ok: true, notAfter };
}
