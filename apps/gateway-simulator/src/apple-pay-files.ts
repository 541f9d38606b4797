import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SimulatedApplePay } from './simulator';

/** Where the simulator wrote its Apple Pay PEMs. */
export interface ApplePayFiles {
  readonly dir: string;
  /** The simulator's CA: the API's `APPLE_PAY_CA_FILE`. */
  readonly caFile: string;
  /** The demo merchant identity certificate. */
  readonly certificateFile: string;
  /** The demo merchant identity key (mode 0600). */
  readonly privateKeyFile: string;
}

/**
 * Writes the CA and the demo merchant identity to `dir` (created 0700 when missing), or to a new
 * temporary directory. Test material only, regenerated at every start.
 */
export function writeApplePayFiles(applePay: SimulatedApplePay, dir: string | undefined): ApplePayFiles {
  const target = dir ?? mkdtempSync(path.join(tmpdir(), 'gateway-simulator-apple-pay-'));
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const files = {
    dir: target,
    caFile: path.join(target, 'apple-pay-ca.pem'),
    certificateFile: path.join(target, 'demo-merchant-identity.crt.pem'),
    privateKeyFile: path.join(target, 'demo-merchant-identity.key.pem'),
  };
  writeFileSync(files.caFile, applePay.caPem, { mode: 0o644 });
  writeFileSync(files.certificateFile, applePay.demoIdentity.certificatePem, { mode: 0o644 });
  writeFileSync(files.privateKeyFile, applePay.demoIdentity.privateKeyPem, { mode: 0o600 });
  // An existing file keeps its mode on write: make sure the key is private.
  chmodSync(files.privateKeyFile, 0o600);
  return files;
}
