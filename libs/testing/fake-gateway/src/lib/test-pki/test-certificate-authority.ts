import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** A certificate and its private key, both PEM (PKCS#8 key, unencrypted). Test material only. */
export interface TestCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** Validity of an issued certificate (defaults: one hour ago to one year ahead). */
export interface ValidityOptions {
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

/** Options of {@link TestCertificateAuthority.issueApplePayMerchantIdentity}. */
export interface MerchantIdentityOptions extends ValidityOptions {
  /** The Apple merchant identifier, e.g. `merchant.com.example.shop` (subject UID, as Apple issues it). */
  readonly merchantIdentifier: string;
  /** Apple developer team id (subject OU); default `TESTTEAM01`. */
  readonly teamId?: string;
}

/** Options of {@link TestCertificateAuthority.issueServerCertificate}. */
export interface ServerCertificateOptions extends ValidityOptions {
  /** DNS names and IP addresses the certificate is valid for (default `127.0.0.1`, `localhost`). */
  readonly hosts?: readonly string[];
}

/** A throw-away certificate authority that issues TLS server and Apple Pay merchant identity certificates. */
export interface TestCertificateAuthority extends TestCertificate {
  /** Issues a TLS server certificate (serverAuth) for `hosts`. */
  issueServerCertificate(options?: ServerCertificateOptions): TestCertificate;
  /** Issues a merchant identity certificate (clientAuth) shaped like Apple's: `UID=<identifier>, CN=Merchant ID: <identifier>`. */
  issueApplePayMerchantIdentity(options: MerchantIdentityOptions): TestCertificate;
}

/** Options of {@link createTestCertificateAuthority}. */
export interface CertificateAuthorityOptions extends ValidityOptions {
  /** Subject common name (default `Prism Sessions Test CA`). */
  readonly commonName?: string;
}

/** OID of the subject's user id (UID), where Apple puts the merchant identifier. */
export const UID_OID = '0.9.2342.19200300.100.1.1';
/** OID of Apple's merchant identifier extension (the hex SHA-256 of the identifier). */
export const APPLE_MERCHANT_ID_EXTENSION_OID = '1.2.840.113635.100.6.32';

const HOUR_MS = 3_600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;

interface KeyPair {
  readonly privateKeyPem: string;
  readonly privateKey: forge.pki.rsa.PrivateKey;
  readonly publicKey: forge.pki.rsa.PublicKey;
}

// node:crypto generates the key (native, fast); node-forge builds and signs the certificate.
function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, publicKey: forge.pki.publicKeyFromPem(publicKey) };
}

// 16 random bytes with the top bit clear: a positive DER INTEGER, unique per certificate.
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString('hex');
}

// forge reads `valueTagClass` as the value's ASN.1 type (UTF8String here, so `_` and non-ASCII are
// allowed); @types/node-forge declares it as an ASN.1 class, hence the conversion.
const UTF8_STRING = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function utf8(name: string, value: string): forge.pki.CertificateField {
  return { name, value, valueTagClass: UTF8_STRING };
}

function validity(options: ValidityOptions, defaultLifetimeMs: number): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  // Only one end given: the other follows it (an expired certificate gets a validity in the past).
  const notBefore = options.notBefore ?? new Date(options.notAfter === undefined ? now - HOUR_MS : Math.min(now - HOUR_MS, options.notAfter.getTime() - defaultLifetimeMs));
  const notAfter = options.notAfter ?? new Date(Math.max(now, notBefore.getTime()) + defaultLifetimeMs);
  if (notAfter.getTime() <= notBefore.getTime()) throw new RangeError('notAfter must be after notBefore');
  return { notBefore, notAfter };
}

function utf8String(text: string): string {
  return forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.UTF8, false, text)).getBytes();
}

interface IssueInput {
  readonly subject: forge.pki.CertificateField[];
  readonly extensions: object[];
  readonly validity: { notBefore: Date; notAfter: Date };
}

function signCertificate(input: IssueInput, keys: KeyPair, issuer: { certificate: forge.pki.Certificate; privateKey: forge.pki.rsa.PrivateKey } | 'self'): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = serialNumber();
  certificate.validity.notBefore = input.validity.notBefore;
  certificate.validity.notAfter = input.validity.notAfter;
  certificate.setSubject(input.subject);
  certificate.setIssuer(issuer === 'self' ? input.subject : issuer.certificate.subject.attributes);
  const authorityKey = issuer === 'self' ? [] : [{ name: 'authorityKeyIdentifier', keyIdentifier: issuer.certificate.generateSubjectKeyIdentifier().getBytes() }];
  certificate.setExtensions([...input.extensions, { name: 'subjectKeyIdentifier' }, ...authorityKey]);
  certificate.sign(issuer === 'self' ? keys.privateKey : issuer.privateKey, forge.md.sha256.create());
  return certificate;
}

function subjectAltNames(hosts: readonly string[]): object[] {
  return hosts.map((host) => (isIP(host) === 0 ? { type: 2, value: host } : { type: 7, ip: host }));
}

/**
 * Creates a throw-away certificate authority (RSA 2048, SHA-256) in process, with no OpenSSL CLI:
 * for mutual-TLS tests and the gateway simulator's emulated Apple Pay endpoint. Every call makes a
 * new key pair. **Test material only.**
 *
 * @example
 * const ca = createTestCertificateAuthority();
 * const server = ca.issueServerCertificate();                                   // for https.createServer
 * const identity = ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.example' });
 */
export function createTestCertificateAuthority(options: CertificateAuthorityOptions = {}): TestCertificateAuthority {
  const caKeys = newKeyPair();
  const caCertificate = signCertificate(
    {
      subject: [utf8('commonName', options.commonName ?? 'Prism Sessions Test CA'), utf8('organizationName', 'Prism Sessions (test only)'), { name: 'countryName', value: 'US' }],
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
      validity: validity({ notBefore: options.notBefore ?? new Date(Date.now() - 24 * HOUR_MS), ...(options.notAfter ? { notAfter: options.notAfter } : {}) }, 10 * YEAR_MS),
    },
    caKeys,
    'self',
  );
  const issuer = { certificate: caCertificate, privateKey: caKeys.privateKey };
  const issue = (input: IssueInput): TestCertificate => {
    const keys = newKeyPair();
    return { certificatePem: forge.pki.certificateToPem(signCertificate(input, keys, issuer)), privateKeyPem: keys.privateKeyPem };
  };

  return {
    certificatePem: forge.pki.certificateToPem(caCertificate),
    privateKeyPem: caKeys.privateKeyPem,
    issueServerCertificate(serverOptions = {}) {
      const hosts = serverOptions.hosts ?? ['127.0.0.1', 'localhost'];
      if (hosts.length === 0) throw new RangeError('hosts must name at least one host');
      return issue({
        subject: [utf8('commonName', hosts[0] as string), utf8('organizationName', 'Prism Sessions (test only)')],
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: subjectAltNames(hosts) },
        ],
        validity: validity(serverOptions, YEAR_MS),
      });
    },
    issueApplePayMerchantIdentity(identity) {
      if (identity.merchantIdentifier.trim() === '') throw new RangeError('merchantIdentifier must not be empty');
      const hash = createHash('sha256').update(identity.merchantIdentifier, 'utf8').digest('hex').toUpperCase();
      return issue({
        subject: [
          { type: UID_OID, value: identity.merchantIdentifier, valueTagClass: UTF8_STRING },
          utf8('commonName', `Merchant ID: ${identity.merchantIdentifier}`),
          utf8('organizationalUnitName', identity.teamId ?? 'TESTTEAM01'),
          utf8('organizationName', 'Prism Sessions test merchant'),
          { name: 'countryName', value: 'US' },
        ],
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, critical: true },
          { name: 'extKeyUsage', clientAuth: true },
          { id: APPLE_MERCHANT_ID_EXTENSION_OID, critical: false, value: utf8String(hash) },
        ],
        validity: validity(identity, YEAR_MS),
      });
    },
  };
}
