import { createTestCertificateAuthority, type TestCertificateAuthority } from '@prism-sessions/testing-fake-gateway';

/** The merchant identifier of {@link createApplePayTestIdentity} unless told otherwise. */
export const APPLE_PAY_TEST_MERCHANT_IDENTIFIER = 'merchant.com.prism-sessions.test';

let sharedAuthority: TestCertificateAuthority | undefined;

/**
 * The process-wide test CA that stands in for Apple's WWDR CA: {@link createApplePayTestIdentity}
 * issues from it, and `startApplePayTestServer` trusts it (and serves a certificate it issued).
 * Created on first use (RSA 2048 in process). Test material only.
 */
export function applePayTestCertificateAuthority(): TestCertificateAuthority {
  sharedAuthority ??= createTestCertificateAuthority({ commonName: 'Apple Pay test CA (Prism Sessions, test only)' });
  return sharedAuthority;
}

/** Options of {@link createApplePayTestIdentity}. */
export interface ApplePayTestIdentityOptions {
  /** Start of validity (default one hour ago, or a year before `notAfter` when that is in the past). */
  notBefore?: Date;
  /** End of validity (default a year after the start). */
  notAfter?: Date;
  /** Subject UID (default {@link APPLE_PAY_TEST_MERCHANT_IDENTIFIER}). */
  merchantIdentifier?: string;
  /** Issuing CA (default the shared {@link applePayTestCertificateAuthority}); another CA gives a certificate the fake Apple Pay refuses. */
  authority?: TestCertificateAuthority;
}

/**
 * A merchant identity certificate (RSA 2048, `UID=<merchant identifier>`, clientAuth) and its unencrypted
 * PKCS#8 key, both PEM, as Apple issues them for Apple Pay on the web. Test material only.
 *
 * @example
 * const identity = createApplePayTestIdentity();                                  // accepted by the fake Apple Pay
 * const expired = createApplePayTestIdentity({ notAfter: new Date('2020-01-01') }); // refused at save
 */
export function createApplePayTestIdentity(options: ApplePayTestIdentityOptions = {}): { certificatePem: string; privateKeyPem: string } {
  const authority = options.authority ?? applePayTestCertificateAuthority();
  const identity = authority.issueApplePayMerchantIdentity({
    merchantIdentifier: options.merchantIdentifier ?? APPLE_PAY_TEST_MERCHANT_IDENTIFIER,
    ...(options.notBefore === undefined ? {} : { notBefore: options.notBefore }),
    ...(options.notAfter === undefined ? {} : { notAfter: options.notAfter }),
  });
  return { certificatePem: identity.certificatePem, privateKeyPem: identity.privateKeyPem };
}
