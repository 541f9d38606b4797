import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { resolvePostgresBinaries } from './postgres-binaries';
import { createScratchDir, fallbackDataDir, postgresOwner } from './reachability';

// Generous: each start may run initdb, and the machine may be busy.
jest.setTimeout(180_000);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  // mkdtemp makes a 0700 directory; as root the server runs as "postgres", which must traverse it.
  const base = mkdtempSync(path.join(tmpdir(), 'tmp_dbinfra-embedded-'));
  chmodSync(base, 0o755);
  const dataDir = path.join(base, 'nested', 'pg'); // parents created (0755) by startEmbeddedPostgres

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('starts, persists data across restarts on the same directory, and stops', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      const url = new URL(first.databaseUrl);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.port).not.toBe('5432');
      expect(url.pathname).toBe('/app');
      await query(first.databaseUrl, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$hello$$)');
    } finally {
      await first.stop();
    }
    await first.stop(); // idempotent
    expect(existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const rows = await query<{ v: string }>(second.databaseUrl, 'SELECT v FROM kept');
      expect(rows).toEqual([{ v: 'hello' }]);
    } finally {
      await second.stop();
    }
  });

  it('starts despite a stale postmaster.pid left by a killed run', async () => {
    const deadPid = spawnSync('true').pid; // exited already
    const pidFile = path.join(dataDir, 'pgdata', 'postmaster.pid');
    writeFileSync(pidFile, `${deadPid}\n${path.join(dataDir, 'pgdata')}\n`);
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    try {
      expect(lines.some((line) => line.includes('stale'))).toBe(true);
      await expect(query(server.databaseUrl, 'SELECT v FROM kept')).resolves.toEqual([{ v: 'hello' }]);
    } finally {
      await server.stop();
    }
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('explains a parent directory the postgres user cannot traverse', async () => {
    const closed = path.join(base, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    await expect(startEmbeddedPostgres({ dataDir: path.join(closed, 'pg') })).rejects.toThrow(
      /"postgres" user, which cannot traverse .*closed \(mode 700\)/,
    );
    expect(existsSync(path.join(closed, 'pg'))).toBe(false); // checked before creating anything
  });

  asRoot('relocates an unreachable data directory when asked, to the same place on every start', async () => {
    const fallbackRoot = path.join(base, 'fallback');
    const closed = path.join(base, 'closed-checkout');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    const requested = path.join(closed, 'repo', '.data', 'postgres');
    const expected = fallbackDataDir(requested, fallbackRoot);
    expect(path.dirname(expected)).toBe(path.join(fallbackRoot, 'data'));
    expect(path.basename(expected)).toMatch(/^repo_\.data_postgres-[0-9a-f]{12}$/);

    const first = await startEmbeddedPostgres({ dataDir: requested, relocateIfUnreachable: true, fallbackRoot });
    try {
      expect(first.dataDir).toBe(expected);
      expect(first.relocatedFrom).toBe(requested);
      await query(first.databaseUrl, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$relocated$$)');
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(closed, 'repo'))).toBe(false); // nothing written inside the closed directory
    expect(statSync(fallbackRoot).mode & 0o777).toBe(0o755);

    const second = await startEmbeddedPostgres({ dataDir: requested, relocateIfUnreachable: true, fallbackRoot });
    try {
      expect(second.dataDir).toBe(expected);
      await expect(query(second.databaseUrl, 'SELECT v FROM kept')).resolves.toEqual([{ v: 'relocated' }]);
    } finally {
      await second.stop();
    }
  });

  asRoot('never abandons an existing cluster it cannot reach: it names the directory to open', async () => {
    const parent = path.dirname(dataDir); // holds the cluster of the first test
    chmodSync(parent, 0o700);
    try {
      await expect(startEmbeddedPostgres({ dataDir, relocateIfUnreachable: true, fallbackRoot: path.join(base, 'fallback') })).rejects.toThrow(
        /cannot traverse .*nested \(mode 700\)/,
      );
    } finally {
      chmodSync(parent, 0o755);
    }
  });

  asRoot('runs binaries the postgres user cannot reach from a copy, made once', () => {
    // A small stand-in for the package's native/ tree: an executable, a relative symlink, a data file.
    const closed = path.join(base, 'closed-modules');
    const nativeDir = path.join(closed, 'native');
    mkdirSync(path.join(nativeDir, 'bin'), { recursive: true });
    mkdirSync(path.join(nativeDir, 'lib'));
    writeFileSync(path.join(nativeDir, 'bin', 'postgres'), '#!/bin/sh\necho "postgres (PostgreSQL) test"\n', { mode: 0o755 });
    writeFileSync(path.join(nativeDir, 'bin', 'initdb'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    writeFileSync(path.join(nativeDir, 'lib', 'libx.so.1.0'), 'x', { mode: 0o644 });
    symlinkSync('libx.so.1.0', path.join(nativeDir, 'lib', 'libx.so.1'));
    chmodSync(closed, 0o700);
    const who = postgresOwner();
    const fallbackRoot = path.join(base, 'fallback');

    const binaries = resolvePostgresBinaries(who, { fallbackRoot, nativeDir });
    expect(binaries.copiedFrom).toBe(nativeDir);
    expect(binaries.root.startsWith(path.join(fallbackRoot, 'bin') + path.sep)).toBe(true);
    expect(readlinkSync(path.join(binaries.root, 'lib', 'libx.so.1'))).toBe('libx.so.1.0');
    expect(statSync(binaries.postgres).mode & 0o777).toBe(0o755);
    const run = spawnSync(binaries.postgres, ['--version'], { uid: who?.uid, gid: who?.gid, encoding: 'utf8' });
    expect(run.stdout).toContain('PostgreSQL');
    expect(readdirSync(path.join(fallbackRoot, 'bin')).filter((name) => name.includes('.partial-'))).toEqual([]);

    const inode = lstatSync(binaries.postgres).ino;
    expect(lstatSync(resolvePostgresBinaries(who, { fallbackRoot, nativeDir }).postgres).ino).toBe(inode); // reused
    // Reachable binaries are used where they are.
    chmodSync(closed, 0o755);
    expect(resolvePostgresBinaries(who, { fallbackRoot, nativeDir }).root).toBe(nativeDir);
  });

  asRoot('puts scratch clusters outside a temp directory the postgres user cannot reach', () => {
    const closedTmp = path.join(base, 'closed-tmp');
    mkdirSync(closedTmp, { mode: 0o700 });
    chmodSync(closedTmp, 0o700);
    const dir = createScratchDir('scratch_test', { tmpDir: closedTmp, fallbackRoot: path.join(base, 'fallback') });
    expect(path.dirname(dir)).toBe(path.join(base, 'fallback', 'scratch'));
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    rmSync(dir, { recursive: true });
  });

  it('refuses port 5432', async () => {
    await expect(startEmbeddedPostgres({ dataDir, port: 5432 })).rejects.toThrow(/5432/);
  });
});
