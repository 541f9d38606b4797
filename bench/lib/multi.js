'use strict';
/**
 * The multi-worker cell: the API as `npm start` runs it in production (a node:cluster primary with
 * WEB_CONCURRENCY workers, here BENCH_MULTI_WORKERS, by default every available core) against a floor
 * with as many processes (FLOOR_WORKERS, the same node:cluster round robin), both left on every CPU
 * (not pinned), Nuvei creates at BENCH_MULTI_CONCURRENCY. The matrix keeps measuring one process
 * against one (the per-core ratio); this cell shows what the whole machine gives each server. Each
 * server's CPU per request counts its whole process tree (primary and workers).
 */
const { MULTI_CONCURRENCY, MULTI_WORKERS, ROUNDS } = require('./settings');
const { log } = require('./util');
const { stopChild } = require('./processes');
const { requestKinds } = require('./requests');
const { pinTree } = require('./cpu-affinity');
const { measureOneCell, buildMergedCell } = require('./matrix');

async function runMulti({ stack, budget, postgresPid, placement, tables, result }) {
  const api = await stack.startApi([], { WEB_CONCURRENCY: String(MULTI_WORKERS) }, { pin: false, name: 'api-multi' });
  const floor = await stack.startFloor({ FLOOR_WORKERS: String(MULTI_WORKERS) }, 'floor-multi');
  try {
    // Children inherit the bench's own CPUs ("others"): give both trees every CPU.
    if (placement.server !== null) {
      pinTree(api.entry.pid, placement.all);
      pinTree(floor.entry.pid, placement.all);
    }
    log(`multi-worker cell: API ${MULTI_WORKERS} workers (primary pid ${api.entry.pid}) vs floor ${MULTI_WORKERS} processes (primary pid ${floor.entry.pid}), unpinned`);
    const targets = {
      api: { ...stack.targets.api, pid: api.entry.pid, url: api.url, tree: true },
      floor: { ...stack.targets.floor, pid: floor.entry.pid, url: floor.match[1], tree: true },
    };
    for (const target of Object.values(targets)) target.kinds = requestKinds(target);
    const measurements = [];
    for (let pass = 1; pass <= ROUNDS; pass++) {
      await tables.resetTables();
      const order = pass % 2 === 1 ? ['api', 'floor'] : ['floor', 'api'];
      const cell = await measureOneCell({ targets, budget, postgresPid }, 'nuvei', MULTI_CONCURRENCY, order);
      log(`multi round ${pass}/${ROUNDS} nuvei c${MULTI_CONCURRENCY} API ${cell.api.rps.toFixed(0)} rps (${cell.api.cpuMsPerRequest} ms CPU/req) | floor ${cell.floor.rps.toFixed(0)} rps (${cell.floor.cpuMsPerRequest} ms CPU/req) | ratio ${cell.throughputRatio.toFixed(3)} | other CPU ${cell.otherCpuPct}%`);
      measurements.push(cell);
    }
    const cell = buildMergedCell('nuvei', MULTI_CONCURRENCY, measurements);
    result.multiWorker = { workers: MULTI_WORKERS, floorProcesses: MULTI_WORKERS, pinned: false, ...cell };
  } finally {
    const [apiExit] = await Promise.all([stopChild(api.entry, 'SIGTERM', 30_000), stopChild(floor.entry, 'SIGTERM')]);
    log(`multi-worker API stopped with SIGTERM: ${JSON.stringify(apiExit)}`);
    result.multiWorkerShutdown = apiExit;
  }
}

module.exports = { runMulti };
