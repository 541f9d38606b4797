import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTestCertificateAuthority } from '@prism-sessions/testing-fake-gateway';
import { writeApplePayFiles } from './apple-pay-files';
import type { SimulatedApplePay } from './simulator';

describe('writeApplePayFiles', () => {
  const ca = createTestCertificateAuthority();
  const applePay = { caPem: ca.certificatePem, demoIdentity: ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.demo' }) } as SimulatedApplePay;
  const root = mkdtempSync(path.join(tmpdir(), 'apple-pay-files-spec-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the CA and the demo identity into the given directory, the key readable by its owner only', () => {
    const files = writeApplePayFiles(applePay, path.join(root, 'nested', 'dir'));
    expect(new X509Certificate(readFileSync(files.caFile, 'utf8')).ca).toBe(true);
    const certificate = new X509Certificate(readFileSync(files.certificateFile, 'utf8'));
    expect(certificate.checkPrivateKey(createPrivateKey(readFileSync(files.privateKeyFile, 'utf8')))).toBe(true);
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
  });

  it('makes a fresh temporary directory when none is given', () => {
    const files = writeApplePayFiles(applePay, undefined);
    try {
      expect(path.basename(files.dir)).toMatch(/^gateway-simulator-apple-pay-/);
      expect(readFileSync(files.caFile, 'utf8')).toBe(ca.certificatePem);
    } finally {
      rmSync(files.dir, { recursive: true, force: true });
    }
  });
});
