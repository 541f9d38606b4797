/**
 * Throw-away migrated databases for integration and e2e tests.
 *
 * - `DATABASE_URL` set (CI): creates `<prefix>_<random>` on that server, migrates it, and `drop()` drops
 *   it (terminating leftover connections first).
 * - `DATABASE_URL` unset: starts an embedded Postgres in a fresh temp directory, creates
 *   `<prefix>_<random>` there, migrates it; `drop()` stops the server and deletes the directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';

export interface TestDatabase {
  databaseUrl: string;
  /** Drops the database (or stops the embedded server and removes its directory). Safe to call twice. */
  drop(): Promise<void>;
}

const NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`);
        return;
      } catch (err) {
        // 55006: a connection sneaked in between terminate and drop (e.g. a pool reconnecting).
        if ((err as { code?: string }).code !== '55006' || attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
}

/** Creates `<prefix>_<random>`, migrates it, and returns its URL with a `drop()`. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  if (!NAME_PATTERN.test(prefix) || prefix.length > 40) {
    throw new Error(`createTestDatabase: prefix must match ${NAME_PATTERN} and be at most 40 characters: "${prefix}"`);
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const serverUrl = process.env['DATABASE_URL'];

  if (serverUrl) {
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    const databaseUrl = withDatabase(serverUrl, name);
    let dropped: Promise<void> | undefined;
    const drop = (): Promise<void> => (dropped ??= dropDatabase(serverUrl, name));
    try {
      await applyMigrations(databaseUrl);
    } catch (err) {
      await drop().catch(() => undefined);
      throw err;
    }
    return { databaseUrl, drop };
  }

  // mkdtemp gives a 0700 directory; startEmbeddedPostgres makes it 0755 when root (its parent, the temp
  // dir, is world-traversable) so the postgres user can reach the cluster inside it.
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let dropped: Promise<void> | undefined;
  const drop = (): Promise<void> =>
    (dropped ??= (async () => {
      try {
        await server?.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })());
  try {
    server = await startEmbeddedPostgres({ dataDir: dir });
    await withClient(server.databaseUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    const databaseUrl = withDatabase(server.databaseUrl, name);
    await applyMigrations(databaseUrl);
    return { databaseUrl, drop };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}
