import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { hashApiKey } from '../merchants/api-key';
import type { MerchantRepository } from '../merchants/merchant.repository';

interface DevMerchantFile {
  readonly merchantId: string;
  readonly apiKey: string;
}

/**
 * The development merchant of the embedded setup: created on first start, its key kept in
 * `<dataDir>/dev-merchant.json` (mode 0600, local only) so every start can print it.
 */
export async function ensureDevMerchant(merchants: MerchantRepository, dataDir: string): Promise<DevMerchantFile & { created: boolean }> {
  const file = path.join(dataDir, 'dev-merchant.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DevMerchantFile;
    if (await merchants.findByApiKeyHash(hashApiKey(saved.apiKey))) return { ...saved, created: false };
  }
  const { merchant, apiKey } = await merchants.create('development');
  const saved: DevMerchantFile = { merchantId: merchant.id, apiKey };
  writeFileSync(file, JSON.stringify(saved, null, 2) + '\n', { mode: 0o600 });
  return { ...saved, created: true };
}
