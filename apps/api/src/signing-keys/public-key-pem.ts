import { createHash, createPublicKey } from 'node:crypto';
import { InvalidInputError } from '../errors/app-errors';

/** Smallest RSA modulus accepted (NIST SP 800-57: 2048 bits through 2030). */
export const MIN_MODULUS_BITS = 2048;
/** Largest accepted: bounds the cost of parsing and later verification. */
export const MAX_MODULUS_BITS = 8192;
/** Bounds the text parsed (an 8192-bit SPKI PEM is about 1.5 KB). */
export const MAX_PEM_LENGTH = 8192;

/** A validated RSA public key. */
export interface ParsedPublicKey {
  readonly algorithm: 'RSA';
  readonly modulusBits: number;
  /** DER SubjectPublicKeyInfo (PKCS#1 input is converted). */
  readonly spki: Buffer;
  /** Lower-case hex SHA-256 of `spki` (`openssl pkey -pubin -outform DER | sha256sum`). */
  readonly fingerprint: string;
}

const FIELD = 'input.publicKeyPem';
const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

function refuse(reason: string, message: string): never {
  throw new InvalidInputError(reason, FIELD, message);
}

/**
 * Parses an RSA public key (PEM, SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`) with `node:crypto`.
 * Refuses, with an error naming `input.publicKeyPem` that never echoes the PEM: private keys,
 * certificates and other PEM blocks, more than one block, malformed PEM, non-RSA keys, and moduli
 * outside 2048–8192 bits.
 */
export function parseRsaPublicKeyPem(pem: string): ParsedPublicKey {
  if (pem.length > MAX_PEM_LENGTH) refuse('PEM_TOO_LONG', `input.publicKeyPem is longer than ${MAX_PEM_LENGTH} characters`);
  const labels = [...pem.matchAll(BEGIN)].map((match) => match[1] as string);
  if (labels.some((label) => label.includes('PRIVATE KEY'))) {
    refuse('PRIVATE_KEY', 'input.publicKeyPem is a private key: register only the public key; the private key must never leave the client (generate a new key pair, this one is exposed)');
  }
  if (labels.length === 0) refuse('MALFORMED_PEM', 'input.publicKeyPem is not a PEM public key (expected -----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----)');
  if (labels.length > 1) refuse('MULTIPLE_PEM_BLOCKS', 'input.publicKeyPem must contain exactly one PEM block');
  const label = labels[0];
  if (label !== 'PUBLIC KEY' && label !== 'RSA PUBLIC KEY') refuse('NOT_A_PUBLIC_KEY', 'input.publicKeyPem must be a PUBLIC KEY or RSA PUBLIC KEY PEM block (certificates and other blocks are refused)');
  let key;
  try {
    // OpenSSL's PEM reader wants LF line ends and the block at the start.
    key = createPublicKey({ key: pem.replace(/\r\n?/g, '\n').trim() + '\n', format: 'pem', ...(label === 'RSA PUBLIC KEY' ? { type: 'pkcs1' as const } : { type: 'spki' as const }) });
  } catch {
    refuse('MALFORMED_PEM', 'input.publicKeyPem could not be parsed as a PEM public key');
  }
  if (key.asymmetricKeyType !== 'rsa') refuse('UNSUPPORTED_KEY_TYPE', `input.publicKeyPem is ${key.asymmetricKeyType === 'ec' ? 'an EC' : 'a non-RSA'} key: only RSA keys are accepted`);
  const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (modulusBits < MIN_MODULUS_BITS) refuse('KEY_TOO_SMALL', `input.publicKeyPem is a ${modulusBits}-bit RSA key: at least ${MIN_MODULUS_BITS} bits are required`);
  if (modulusBits > MAX_MODULUS_BITS) refuse('KEY_TOO_LARGE', `input.publicKeyPem is a ${modulusBits}-bit RSA key: at most ${MAX_MODULUS_BITS} bits are accepted`);
  const spki = key.export({ type: 'spki', format: 'der' });
  return { algorithm: 'RSA', modulusBits, spki, fingerprint: createHash('sha256').update(spki).digest('hex') };
}
