/**
 * Throw-away databases for integration tests, the end-to-end suite and the benchmark.
 *
 * - `DATABASE_URL` set (CI): creates `<prefix>_<random>` on that server, migrates it (unless
 *   `migrate: false`), and `drop()` drops it (terminating leftover connections first).
 * - `DATABASE_URL` unset: starts an embedded Postgres in a fresh scratch directory (see
 *   createScratchDir), creates `<prefix>_<random>` there, migrates it; `drop()` stops the server and
 *   deletes the directory.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';
import { createScratchDir } from './reachability';

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  /** Embedded server only: extra `postgres -c` settings, e.g. `{ fsync: 'off', max_connections: '200' }`. */
  settings?: Readonly<Record<string, string>>;
  /** Embedded server only: receives its log lines. */
  log?: (line: string) => void;
}

export interface TestDatabase {
  /** The database's name, `<prefix>_<random>`. */
  readonly name: string;
  readonly databaseUrl: string;
  /** URL of the same server's `postgres` database (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  /** Set when an embedded server was started for this database. */
  readonly embedded?: { readonly pid: number; readonly port: number; readonly dataDir: string };
  /** Drops the database (or stops the embedded server and removes its directory). Safe to call twice. */
  drop(): Promise<void>;
  /** Last resort for synchronous exit paths: kills the embedded server and removes its directory (no-op on a DATABASE_URL server). */
  killSync(): void;
}

const NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs `fn` with a connected `pg` client, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Terminates the database's connections and drops it (retrying when a pool reconnects in between). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
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
        if ((err as { code?: string }).code !== '55006' || attempt >= 10) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
}

/** Creates `<prefix>_<random>`, migrates it, and returns its URL with a `drop()`. */
export async function createTestDatabase(prefix: string, options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!NAME_PATTERN.test(prefix) || prefix.length > 40) {
    throw new Error(`createTestDatabase: prefix must match ${NAME_PATTERN} and be at most 40 characters: "${prefix}"`);
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const migrate = options.migrate ?? true;
  const serverUrl = process.env['DATABASE_URL']?.trim();

  if (serverUrl) {
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    const databaseUrl = withDatabase(serverUrl, name);
    let dropped: Promise<void> | undefined;
    const drop = (): Promise<void> => (dropped ??= dropDatabase(serverUrl, name));
    try {
      if (migrate) await applyMigrations(databaseUrl);
    } catch (err) {
      await drop().catch(() => undefined);
      throw err;
    }
    return { name, databaseUrl, adminUrl: serverUrl, drop, killSync: () => undefined };
  }

  const dir = createScratchDir(prefix);
  let server: EmbeddedPostgres | undefined;
  let dropped: Promise<void> | undefined;
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  const drop = (): Promise<void> =>
    (dropped ??= (async () => {
      try {
        await server?.stop();
      } finally {
        removeDir();
      }
    })());
  const killSync = (): void => {
    server?.killSync();
    removeDir();
  };
  try {
    server = await startEmbeddedPostgres({ dataDir: dir, ...(options.settings ? { settings: options.settings } : {}), ...(options.log ? { log: options.log } : {}) });
    const adminUrl = withDatabase(server.databaseUrl, 'postgres');
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    const databaseUrl = withDatabase(server.databaseUrl, name);
    if (migrate) await applyMigrations(databaseUrl);
    return { name, databaseUrl, adminUrl, embedded: { pid: server.pid, port: server.port, dataDir: dir }, drop, killSync };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}
