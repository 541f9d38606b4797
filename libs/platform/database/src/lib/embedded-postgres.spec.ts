import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

jest.setTimeout(60_000);

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

  it('refuses port 5432', async () => {
    await expect(startEmbeddedPostgres({ dataDir, port: 5432 })).rejects.toThrow(/5432/);
  });
});
