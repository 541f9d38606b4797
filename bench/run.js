#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the API's createSessionToken overhead against a floor server doing the same job
 * with nothing but node:http + undici + pg. One run: Postgres, gateway simulator, API (production)
 * and floor as child processes on 127.0.0.1; autocannon matrix; RSS over 50,000 requests; a CPU
 * profile of the API under load; a table on stdout and bench/results/latest.json. See bench/README.md.
 *
 * Needs dist/apps/api and dist/apps/gateway-simulator (the npm script builds them first).
 * Tunables (env, for experiments; the defaults are the benchmark): see lib/settings.js and bench/README.md.
 *
 * This file is the order of the phases; each phase lives in lib/: stack.js (processes), tables.js
 * (table resets, id pools), matrix.js (warm-up, matrix), profile.js, rss.js, report.js (JSON, table).
 */
const { QUIET_WAIT_BUDGET_S, RETRY_BUDGET, SKIP } = require('./lib/settings');
const { log, round } = require('./lib/util');
const { stopAll, killAllSync } = require('./lib/processes');
const { removeTempDirsSync } = require('./lib/database');
const { stopLoads } = require('./lib/load');
const { prepareMachine, copyBuild, startStack, smoke, stopServers } = require('./lib/stack');
const { createTables } = require('./lib/tables');
const { warmUp, runMatrix } = require('./lib/matrix');
const { startProfile } = require('./lib/profile');
const { runRss } = require('./lib/rss');
const { runMulti } = require('./lib/multi');
const { createResult, writeResults } = require('./lib/report');

async function main() {
  const started = Date.now();
  const pinServer = prepareMachine(state);
  const apiBuildSha256 = copyBuild();

  // 1–3. Postgres, migrations, merchants; gateway simulator (no faults, no latency); API (production) and floor.
  const stack = await startStack(state, pinServer);
  const { targets } = stack;
  // 4. Smoke: one request of each kind per target.
  const responseBytes = await smoke(targets);
  const tables = createTables(stack.databaseUrl, targets);
  const result = createResult({ apiBuildSha256, responseBytes, state });

  // 5. Global warm-up: both targets, every request kind, at concurrency 16 (JIT, pools, caches).
  await warmUp(targets, tables);

  // 6. The matrix. The quiet-wait and re-measurement budget is the run's, shared with the profile.
  const budget = { quietWaitS: QUIET_WAIT_BUDGET_S, retries: RETRY_BUDGET };
  if (!SKIP.has('matrix')) await runMatrix({ targets, tables, budget, postgresPid: state.database.pid, result });

  // 6b. The multi-worker cell: WEB_CONCURRENCY workers against as many floor processes, unpinned.
  if (!SKIP.has('multi')) await runMulti({ stack, budget, postgresPid: state.database.pid, placement: state.placement, tables, result });

  // 7. CPU profile (a second API process); its shutdown overlaps the RSS run.
  let profiling = null;
  if (!SKIP.has('profile') || !SKIP.has('rss')) await tables.resetTables();
  if (!SKIP.has('profile')) profiling = (await startProfile({ startApi: stack.startApi, targets, profileMerchant: stack.profileMerchant, budget, result })).finished;

  // 8. RSS growth of the main API.
  if (!SKIP.has('rss')) await runRss({ api: stack.api, sampler: stack.sampler, targets, tables, result });
  result.apiPeakRssMb = round(stack.sampler.peakKb / 1024, 1);
  if (profiling) await profiling;

  // Sanity: every session the bench created is ACTIVE (nothing failed silently).
  result.sessionsByStatus = await tables.sessionsByStatus();
  const notActive = result.sessionsByStatus.filter((row) => row.status !== 'ACTIVE' && row.name !== 'bench-profile');
  if (notActive.length) throw new Error(`INVALID BENCH: sessions not ACTIVE: ${JSON.stringify(notActive)}`);

  // 9. Stop the API (SIGINT) and the floor.
  await stopServers(stack, result);

  // 10. Report.
  result.elapsedS = round((Date.now() - started) / 1000, 1);
  writeResults(result);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: every child is stopped by PID on success, failure, SIGINT and SIGTERM.

const state = { database: null, cleaning: null };

function cleanup() {
  return (state.cleaning ??= (async () => {
    stopLoads();
    await stopAll((name) => (name === 'api' ? 'SIGINT' : 'SIGTERM'));
    if (state.database) await state.database.stop().catch((error) => log(`database cleanup failed: ${error.message}`));
    removeTempDirsSync();
    state.cpuLatency?.release();
    state.cleaned = true;
  })());
}

process.on('exit', () => {
  killAllSync();
  if (state.database && state.database.killSync && !state.cleaned) state.database.killSync();
  removeTempDirsSync();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    state.interrupted = signal;
    log(`${signal}: stopping every child process`);
    cleanup().finally(() => process.exit(130));
  });
}

main().then(
  async () => {
    await cleanup();
    process.exit(0);
  },
  async (error) => {
    if (state.interrupted) return; // the signal handler cleans up and exits
    process.stderr.write(`\nBENCH FAILED: ${error && error.stack ? error.stack : error}\n`);
    await cleanup();
    process.exit(1);
  },
);
