// Placeholder: replaced by the applepay branch at merge.
export type ApplePayIdentityCheck =
  | { ok: true; notAfter: Date }
  | { ok: false; field: 'certificatePem' | 'privateKeyPem'; message: string };

/** Checks a merchant identity certificate + private key (PEM): parseable, not expired at `now`
 * (and already valid), key matches the certificate. Pure. */
export function checkApplePayIdentity(input: { certificatePem: string; privateKeyPem: string }, now: Date): ApplePayIdentityCheck {
  void input;
  void now;
  return { ok: false, field: 'certificatePem', message: 'Apple Pay certificate checks are not available in this build' };
}
