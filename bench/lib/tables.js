'use strict';
/** The session tables between phases: emptied and reseeded, vacuumed, and the replay/read id pools reloaded. */
const { SEED_SESSIONS } = require('./settings');
const { withClient } = require('./database');
const { load, summarize, assertClean } = require('./load');

/** Longest wait for in-flight creates to settle before sessions are counted (GATEWAY_TIMEOUT_MS is 10 s). */
const SETTLE_MS = 15_000;

/** The table operations of one run, for its database and its two targets (their id pools are refreshed in place). */
function createTables(databaseUrl, targets) {
  // Before each phase (matrix, replays, RSS): the id pools for replays and reads, and a VACUUM ANALYZE
  // of the session tables (as pgbench does before a run), so autovacuum, which wakes up at times of
  // its own once tens of thousands of rows changed, does not land inside one run's replay cells and
  // not the other's.
  const refreshPools = async () => {
    await withClient(databaseUrl, async (client) => {
      await client.query('VACUUM (ANALYZE) payment_sessions, payment_session_attempts');
      for (const target of Object.values(targets)) {
        const replay = await client.query(
          `SELECT merchant_session_id FROM payment_sessions WHERE merchant_id = $1 AND connector = 'NUVEI' AND status = 'ACTIVE' AND connector_account_id IS NULL ORDER BY created_at DESC LIMIT 5000`,
          [target.merchantId],
        );
        const read = await client.query(`SELECT id FROM payment_sessions WHERE merchant_id = $1 AND status = 'ACTIVE' ORDER BY created_at DESC LIMIT 5000`, [target.merchantId]);
        target.replayIds = replay.rows.map((r) => r.merchant_session_id);
        target.readIds = read.rows.map((r) => r.id);
      }
    });
  };

  // Sessions by merchant and status, summed over every table reset (the sanity check at the end).
  const sessionCounts = new Map();
  // A slice's last requests may still be running when it ends (the drain waits at most 1.5 s; on a
  // busy machine p99 can exceed that): let PENDING sessions settle (bounded) before counting, so the
  // count does not catch them half-way and a TRUNCATE does not pull their rows from under them.
  const settle = async (client) => {
    for (const deadline = Date.now() + SETTLE_MS; Date.now() < deadline; ) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM payment_sessions s JOIN merchants m ON m.id = s.merchant_id WHERE s.status = 'PENDING' AND m.name <> 'bench-profile'`);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const countSessions = async () => {
    const { rows } = await withClient(databaseUrl, async (client) => {
      await settle(client);
      return client.query(`SELECT m.name, s.status, count(*)::int AS n FROM payment_sessions s JOIN merchants m ON m.id = s.merchant_id GROUP BY 1, 2`);
    });
    for (const { name, status, n } of rows) {
      const key = `${name}\t${status}`;
      sessionCounts.set(key, (sessionCounts.get(key) ?? 0) + n);
    }
  };
  // Every round (and the profile and RSS phases) starts from the same tables: emptied, then SEED_SESSIONS
  // creates per target. Without it the tables grow by ~130,000 sessions a round, the floor's creates
  // slow down more than the API's, and the ratios depend on how long the run has been going
  // (bench/README: Methodology, finding 8).
  const resetTables = async () => {
    await countSessions();
    await withClient(databaseUrl, (client) => client.query('TRUNCATE payment_sessions, payment_session_attempts'));
    for (const target of Object.values(targets)) {
      const seed = summarize([await load(target.url, [target.kinds.nuvei, target.kinds.paytm], { connections: 16, amount: SEED_SESSIONS })]);
      assertClean(`${target.name} seed`, seed);
      if (seed.requests < SEED_SESSIONS) throw new Error(`INVALID BENCH: ${target.name} seed completed ${seed.requests} of ${SEED_SESSIONS} creates`);
    }
    await refreshPools();
  };

  /** Sessions by merchant and status over the whole run (the last count, then the sum over every reset). */
  const sessionsByStatus = async () => {
    await countSessions();
    return [...sessionCounts].sort().map(([key, n]) => {
      const [name, status] = key.split('\t');
      return { name, status, n };
    });
  };

  return { refreshPools, resetTables, sessionsByStatus };
}

module.exports = { createTables };
