import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { serializeClientPayload, type ClientPayloadClaims } from './client-payload';

/** What the app sends in its HyperSDK payload: the signature and the very string that was signed. */
export interface SignedClientPayload {
  /** Standard Base64 (no line breaks) of the RSASSA-PKCS1-v1_5 / SHA-256 signature. */
  readonly signature: string;
  /** The signed string, to be sent unchanged (never re-serialized). */
  readonly signaturePayload: string;
}

/** The private key is not a usable RSA private key. Never carries the key text. */
export class InvalidPrivateKeyError extends Error {
  override readonly name = 'InvalidPrivateKeyError';
}

/** Smallest RSA modulus the verifying service accepts. */
const MIN_MODULUS_BITS = 2048;

function rsaPrivateKey(privateKey: string | KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = typeof privateKey === 'string' ? createPrivateKey({ key: privateKey, format: 'pem' }) : privateKey;
  } catch {
    throw new InvalidPrivateKeyError('privateKeyPem is not a PEM private key (PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY", unencrypted)');
  }
  if (key.type !== 'private') throw new InvalidPrivateKeyError('privateKeyPem must be a private key');
  if (key.asymmetricKeyType !== 'rsa') throw new InvalidPrivateKeyError('privateKeyPem must be an RSA key');
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_MODULUS_BITS) throw new InvalidPrivateKeyError(`privateKeyPem must be an RSA key of at least ${MIN_MODULUS_BITS} bits`);
  return key;
}

/**
 * Signs a client payload on the merchant's server (Juspay's "Generating the Signature": RSA-SHA256,
 * i.e. RSASSA-PKCS1-v1_5 with SHA-256, over the UTF-8 bytes of the stringified JSON, Base64 out).
 * Returns the signature together with the exact string that was signed: send both unchanged.
 *
 * @param privateKeyPem the merchant's RSA private key (≥ 2048 bits), PEM (PKCS#1 or PKCS#8) or a KeyObject.
 * @throws InvalidClaimError when a claim is missing or malformed; InvalidPrivateKeyError for an unusable key.
 */
export function signClientPayload(privateKeyPem: string | KeyObject, claims: ClientPayloadClaims): SignedClientPayload {
  const signaturePayload = serializeClientPayload(claims);
  const key = rsaPrivateKey(privateKeyPem);
  const signature = sign('sha256', Buffer.from(signaturePayload, 'utf8'), key).toString('base64');
  return { signature, signaturePayload };
}
