import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from './migrations';
import { createTestDatabase, type TestDatabase } from './test-database';
import { readMigrationsList } from './schema-engine';
import { defaultMigrationsDir } from './workspace-root';

jest.setTimeout(60_000);

const TABLES = [
  'api_keys',
  'client_auth_tokens',
  'client_signing_keys',
  'connector_accounts',
  'connector_states',
  'hyper_sdk_sessions',
  'hyper_used_request_ids',
  'merchants',
  'payment_session_attempts',
  'payment_sessions',
  'payments',
  'upi_customers',
  'upi_device_bindings',
  'upi_linked_accounts',
];

describe('applyMigrations', () => {
  let db: TestDatabase;
  let client: Client;
  const migrationsDir = defaultMigrationsDir();
  const migrationNames = readMigrationsList(migrationsDir).migrationDirectories.map((d) => d.path);

  beforeAll(async () => {
    // createTestDatabase already migrates; start from a fresh schema to observe the first apply.
    db = await createTestDatabase('tmp_dbinfra');
    client = new Client({ connectionString: db.databaseUrl });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('has at least one migration on disk', () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(migrationNames.every((name) => /^\d{14}_[a-z0-9_]+$/.test(name))).toBe(true);
  });

  it('applies every migration to an empty database and records it like prisma does', async () => {
    const lines: string[] = [];
    const { applied } = await applyMigrations(db.databaseUrl, { log: (line) => lines.push(line) });
    expect(applied).toEqual(migrationNames);
    expect(lines).toEqual(migrationNames.map((name) => `Applied migration ${name}`));

    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['_prisma_migrations', ...TABLES]);

    const rows = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.rows).toHaveLength(migrationNames.length);
    for (const [i, row] of rows.rows.entries()) {
      const name = migrationNames[i] as string;
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      expect(row.migration_name).toBe(name);
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is a no-op the second time', async () => {
    const before = await client.query('SELECT id FROM _prisma_migrations');
    await expect(applyMigrations(db.databaseUrl)).resolves.toEqual({ applied: [] });
    const after = await client.query('SELECT id FROM _prisma_migrations');
    expect(after.rows).toEqual(before.rows);
  });

  it('serialises concurrent callers', async () => {
    const results = await Promise.all([applyMigrations(db.databaseUrl), applyMigrations(db.databaseUrl)]);
    expect(results).toEqual([{ applied: [] }, { applied: [] }]);
  });

  it('fails with a clear error on an unreachable database', async () => {
    await expect(applyMigrations('postgresql://postgres@127.0.0.1:1/nowhere')).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
