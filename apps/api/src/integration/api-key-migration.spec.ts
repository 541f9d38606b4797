import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { systemClock } from '@prism-sessions/connector-interfaces';
import { applyMigrations, createTestDatabase, defaultMigrationsDir, withClient, type TestDatabase } from '@prism-sessions/platform-database';
import { ApiKeyRepository } from '../api-keys/api-key.repository';
import { createPrismaClient } from '../db/prisma';
import { generateApiKey } from '../merchants/api-key';
import { MerchantAuthenticator } from '../merchants/merchant-authenticator';

jest.setTimeout(180_000);

const MIGRATION = 'api_keys_and_client_signing_keys';

describe(`migration ${MIGRATION}`, () => {
  let database: TestDatabase;
  let before: string;

  beforeAll(async () => {
    database = await createTestDatabase('api_key_migration', { migrate: false });
    // The migrations up to (not including) this one, in a directory of their own.
    before = mkdtempSync(path.join(tmpdir(), 'migrations-before-'));
    const all = defaultMigrationsDir();
    const entries = readdirSync(all);
    const ours = entries.find((entry) => entry.endsWith(`_${MIGRATION}`)) as string;
    for (const entry of entries) {
      if (entry < ours || entry.endsWith('.toml')) cpSync(path.join(all, entry), path.join(before, entry), { recursive: true });
    }
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await database?.drop();
  });

  it('turns each existing merchant key into a SECRET key that keeps working', async () => {
    await applyMigrations(database.databaseUrl, { migrationsDir: before });
    const old = generateApiKey();
    const merchantId = await withClient(database.databaseUrl, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO merchants (id, name, api_key_hash, api_key_prefix) VALUES (gen_random_uuid(), 'legacy', $1, $2) RETURNING id`,
        [old.hash, old.prefix],
      );
      return rows[0]?.id as string;
    });
    const { applied } = await applyMigrations(database.databaseUrl);
    expect(applied.some((name) => name.endsWith(MIGRATION))).toBe(true);

    const prisma = createPrismaClient(database.databaseUrl);
    try {
      const keys = await prisma.apiKey.findMany({ where: { merchantId } });
      expect(keys).toEqual([expect.objectContaining({ kind: 'SECRET', keyHash: old.hash, prefix: old.prefix, revokedAt: null, expiresAt: null })]);
      const auth = new MerchantAuthenticator({ keys: new ApiKeyRepository(prisma), clock: systemClock, cacheTtlMs: 0 });
      expect(await auth.authenticate({ authorization: `Bearer ${old.apiKey}` })).toMatchObject({ merchant: { id: merchantId }, apiKey: { kind: 'SECRET' } });
      const columns = await prisma.$queryRawUnsafe<Array<{ column_name: string }>>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'merchants'`);
      expect(columns.map((c) => c.column_name)).not.toContain('api_key_hash');
    } finally {
      await prisma.$disconnect();
    }
  });
});
