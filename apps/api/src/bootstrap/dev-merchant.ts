import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ApiKeyRepository } from '../api-keys/api-key.repository';
import { hashApiKey } from '../merchants/api-key';
import type { MerchantRepository } from '../merchants/merchant.repository';

interface DevMerchantFile {
  readonly merchantId: string;
  /** The secret key. */
  readonly apiKey: string;
  readonly publishableKey: string;
}

type Keys = Pick<ApiKeyRepository, 'findByHash' | 'create'>;

async function usable(keys: Keys, key: string | undefined, merchantId: string): Promise<boolean> {
  if (typeof key !== 'string') return false;
  const found = await keys.findByHash(hashApiKey(key));
  return found !== null && found.merchantId === merchantId && found.revokedAt === null && (found.expiresAt === null || found.expiresAt > new Date());
}

/**
 * The development merchant of the embedded setup: created on first start, its secret and publishable
 * keys kept in `<dataDir>/dev-merchant.json` (mode 0600, local only) so every start can print them.
 * A file from before publishable keys existed (or whose publishable key was revoked) gets a new one.
 */
export async function ensureDevMerchant(merchants: MerchantRepository, keys: Keys, dataDir: string): Promise<DevMerchantFile & { created: boolean }> {
  const file = path.join(dataDir, 'dev-merchant.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevMerchantFile>;
    if (typeof saved.merchantId === 'string' && (await usable(keys, saved.apiKey, saved.merchantId))) {
      if (await usable(keys, saved.publishableKey, saved.merchantId)) return { ...(saved as DevMerchantFile), created: false };
      const { key } = await keys.create(saved.merchantId, { name: 'development publishable key', kind: 'PUBLISHABLE', expiresAt: null });
      const updated: DevMerchantFile = { merchantId: saved.merchantId, apiKey: saved.apiKey as string, publishableKey: key };
      writeFileSync(file, JSON.stringify(updated, null, 2) + '\n', { mode: 0o600 });
      return { ...updated, created: false };
    }
  }
  const { merchant, apiKey, publishableKey } = await merchants.create('development');
  const saved: DevMerchantFile = { merchantId: merchant.id, apiKey, publishableKey };
  writeFileSync(file, JSON.stringify(saved, null, 2) + '\n', { mode: 0o600 });
  return { ...saved, created: true };
}
