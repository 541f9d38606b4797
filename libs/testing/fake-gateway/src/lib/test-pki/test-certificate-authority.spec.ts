import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { APPLE_MERCHANT_ID_EXTENSION_OID, createTestCertificateAuthority } from './test-certificate-authority';

describe('createTestCertificateAuthority', () => {
  const ca = createTestCertificateAuthority({ commonName: 'Spec CA' });
  const caCertificate = new X509Certificate(ca.certificatePem);

  it('is a self-signed CA', () => {
    expect(caCertificate.ca).toBe(true);
    expect(caCertificate.subject).toContain('CN=Spec CA');
    expect(caCertificate.checkIssued(caCertificate)).toBe(true);
  });

  it('issues Apple-shaped merchant identities signed by the CA, with the requested validity', () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const notAfter = new Date('2026-07-01T00:00:00Z');
    const identity = ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.example_shop', notBefore, notAfter });
    const certificate = new X509Certificate(identity.certificatePem);
    expect(certificate.subject.split('\n')).toEqual(expect.arrayContaining(['UID=merchant.com.example_shop', 'CN=Merchant ID: merchant.com.example_shop', 'OU=TESTTEAM01']));
    expect(certificate.checkIssued(caCertificate)).toBe(true);
    expect(certificate.verify(caCertificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    // Apple's merchant id extension (1.2.840.113635.100.6.32, DER 2a 86 48 86 f7 63 64 06 20) holds the identifier's hex SHA-256.
    expect(APPLE_MERCHANT_ID_EXTENSION_OID).toBe('1.2.840.113635.100.6.32');
    expect(certificate.raw.includes(Buffer.from('2a864886f763640620', 'hex'))).toBe(true);
    expect(certificate.raw.toString('latin1')).toContain(createHash('sha256').update('merchant.com.example_shop').digest('hex').toUpperCase());
    expect(new Date(certificate.validFrom)).toEqual(notBefore);
    expect(new Date(certificate.validTo)).toEqual(notAfter);
  });

  it('gives an identity with only a past notAfter a validity in the past', () => {
    const notAfter = new Date('2020-01-01T00:00:00Z');
    const certificate = new X509Certificate(ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.old', notAfter }).certificatePem);
    expect(new Date(certificate.validTo)).toEqual(notAfter);
    expect(new Date(certificate.validFrom).getTime()).toBeLessThan(notAfter.getTime());
  });

  it('issues server certificates for IPs and names', () => {
    const certificate = new X509Certificate(ca.issueServerCertificate({ hosts: ['127.0.0.1', 'localhost'] }).certificatePem);
    expect(certificate.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  });

  it('refuses an empty merchant identifier, no hosts, and an inverted validity', () => {
    expect(() => ca.issueApplePayMerchantIdentity({ merchantIdentifier: ' ' })).toThrow('merchantIdentifier must not be empty');
    expect(() => ca.issueServerCertificate({ hosts: [] })).toThrow('hosts must name at least one host');
    expect(() => ca.issueServerCertificate({ notBefore: new Date('2026-02-01'), notAfter: new Date('2026-01-01') })).toThrow('notAfter must be after notBefore');
  });
});
