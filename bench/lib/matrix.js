'use strict';
/** The global warm-up and the matrix: every scenario × concurrency, API against floor, over ROUNDS rounds. */
const { CONCURRENCY, GLOBAL_WARMUP_S, MAX_REMEASURES_PER_CELL, MEASURE_CREATE_S, MEASURE_OTHER_S, MEASURE_OVERRIDE, NOISY_PCT, QUIET_WAIT_BUDGET_S, RETRY_BUDGET, ROUNDS, SLICE_S, WARMUP_S } = require('./settings');
const { log, round, median } = require('./util');
const { load, sliceRps, drain, summarize, assertClean } = require('./load');
const { processCpu, dbCpuDelta, cpuTimes, stealPct, otherCpuPct, waitForQuiet } = require('./cpu-usage');

/**
 * One matrix cell from one or more measurements (rounds), each `{ slices: { api, floor }, otherCpuPct,
 * stealPct, quietWaitS }` with the API and floor slices in measuring order (slice i of each is a pair).
 */
function buildCell(scenario, concurrency, measurements) {
  const api = measurements.flatMap((m) => m.slices.api);
  const floor = measurements.flatMap((m) => m.slices.floor);
  const measured = { api: summarize(api), floor: summarize(floor) };
  assertClean(`${scenario} c${concurrency} api`, measured.api);
  assertClean(`${scenario} c${concurrency} floor`, measured.floor);
  const pairRatios = api.map((run, i) => sliceRps(run) / sliceRps(floor[i]));
  const cell = {
    scenario,
    concurrency,
    api: pick(measured.api),
    floor: pick(measured.floor),
    // The median over the adjacent (API, floor) slice pairs: a slice disturbed by another program
    // moves one pair, not the cell's ratio.
    throughputRatio: median(pairRatios),
    pooledThroughputRatio: measured.api.rps / measured.floor.rps,
    pairRatios: pairRatios.map((r) => round(r, 3)),
    p99AddedMs: measured.api.p99 - measured.floor.p99,
    p99Ratio: measured.api.p99 / measured.floor.p99,
    p50AddedMs: measured.api.p50 - measured.floor.p50,
    slices: api.length,
    // The share of the machine other programs (and steal) took: the worst of the measurements.
    otherCpuPct: Math.max(...measurements.map((m) => m.otherCpuPct ?? 0)),
    stealPct: Math.max(...measurements.map((m) => m.stealPct ?? 0)),
    quietWaitS: measurements.reduce((a, m) => a + m.quietWaitS, 0),
  };
  // Kept (not enumerable, not in the JSON) so that rounds can be merged.
  Object.defineProperty(cell, 'measurements', { value: measurements });
  return cell;
}

function pick(run) {
  return {
    rps: round(run.rps, 1),
    p50: round(run.p50, 3),
    p99: round(run.p99, 3),
    mean: round(run.mean, 3),
    cpuMsPerRequest: round(run.cpuMsPerRequest, 3),
    dbCpuMsPerRequest: round(run.dbCpuMsPerRequest, 3),
    requests: run.requests,
    durationS: round(run.durationS),
    slicesRps: run.slicesRps,
    errors: run.errors + run.non2xx + run.mismatches,
  };
}

/** One cell from the cells of several rounds (all their slices together), with each round's ratio. */
function buildMergedCell(scenario, connections, roundCells) {
  const cell = buildCell(scenario, connections, roundCells.flatMap((m) => m.measurements));
  cell.roundRatios = roundCells.map((m) => round(m.throughputRatio, 3));
  cell.noisy = roundCells.some((m) => m.noisy);
  return cell;
}

/**
 * Global warm-up: both targets, every request kind, at concurrency 16 (JIT, pools, caches), so that
 * the first cell does not pay for compilation.
 */
async function warmUp(targets, tables) {
  for (const target of Object.values(targets)) {
    assertClean(`${target.name} warm-up (creates)`, summarize([await load(target.url, [target.kinds.nuvei, target.kinds.paytm], { connections: 16, durationS: GLOBAL_WARMUP_S / 2 })]));
  }
  await tables.refreshPools();
  for (const target of Object.values(targets)) {
    const kinds = [target.kinds.nuvei, target.kinds.paytm, target.kinds.replay, target.kinds.read];
    assertClean(`${target.name} warm-up (mix)`, summarize([await load(target.url, kinds, { connections: 16, durationS: GLOBAL_WARMUP_S / 2 })]));
  }
}

/**
 * One measurement of one cell: wait (bounded) for the machine to be quiet, a warm-up of each
 * target, then the measured time split into BENCH_SLICE_S (1.5 s) slices per target, interleaved A B B A A B ...
 * (`order` says which target goes first), so background load and slow drift (table growth) hit API
 * and floor alike. A target with `tree: true` (a node:cluster primary) is charged the CPU of its
 * whole process tree.
 */
async function measureOneCell({ targets, budget, postgresPid }, scenario, connections, order) {
  const measureS = MEASURE_OVERRIDE ?? (scenario === 'nuvei' || scenario === 'paytm' || scenario === 'stored' ? MEASURE_CREATE_S : MEASURE_OTHER_S);
  const sliceCount = Math.max(1, Math.round(measureS / SLICE_S));
  const waitedS = await waitForQuiet(budget);
  const slices = { api: [], floor: [] };
  const cpuBefore = cpuTimes();
  for (const name of order) {
    const target = targets[name];
    const warm = await load(target.url, [target.kinds[scenario]], { connections, durationS: WARMUP_S });
    assertClean(`${scenario} c${connections} ${name} warm-up`, summarize([warm]));
    await drain(warm);
  }
  for (let slice = 0; slice < sliceCount; slice++) {
    for (const name of slice % 2 === 0 ? order : [...order].reverse()) {
      const target = targets[name];
      const before = processCpu(target.pid, postgresPid, { tree: target.tree });
      const run = await load(target.url, [target.kinds[scenario]], { connections, durationS: measureS / sliceCount });
      // Requests in flight when the slice stops still complete on the server: let them finish
      // (about one latency) before the other target's slice, and count their CPU to this target.
      await drain(run);
      const after = processCpu(target.pid, postgresPid, { tree: target.tree });
      run.cpuMs = after.target - before.target;
      run.dbCpuMs = dbCpuDelta(before.db, after.db);
      slices[name].push(run);
    }
  }
  const cpuAfter = cpuTimes();
  return buildCell(scenario, connections, [{ slices, otherCpuPct: otherCpuPct(cpuBefore, cpuAfter), stealPct: stealPct(cpuBefore, cpuAfter), quietWaitS: waitedS }]);
}

/** Measures the matrix into result.matrix and result.noiseControl; `budget` (quiet waits, re-measurements) is shared with the profile phase. */
async function runMatrix({ targets, tables, budget, postgresPid, result }) {
  const measureCell = (scenario, connections, order) => measureOneCell({ targets, budget, postgresPid }, scenario, connections, order);
  const scenarios = (process.env.BENCH_SCENARIOS || 'nuvei,paytm,replay,read').split(',');
  const rounds = new Map(); // "scenario c" -> the kept measurement of each round
  const cellList = scenarios.flatMap((scenario) => CONCURRENCY.map((connections) => ({ scenario, connections })));
  const isNoisy = (c) => c.otherCpuPct !== null && c.otherCpuPct > NOISY_PCT;
  const summary = (c) => ({ otherCpuPct: c.otherCpuPct, stealPct: c.stealPct, throughputRatio: round(c.throughputRatio, 3), p99AddedMs: round(c.p99AddedMs, 2) });
  let cellIndex = 0;
  for (let pass = 1; pass <= ROUNDS; pass++) {
    // Counterbalanced: even rounds take the cells in reverse order, so a drift (the first minutes
    // after start-up are slower for both servers; the tables grow within a round) reaches every
    // cell about equally instead of always favouring the last ones.
    await tables.resetTables();
    let previousScenario = null;
    for (const { scenario, connections } of pass % 2 === 1 ? cellList : [...cellList].reverse()) {
      if (scenario === 'replay' && previousScenario !== 'replay') await tables.refreshPools();
      previousScenario = scenario;
      const order = (cellIndex++ + pass) % 2 === 0 ? ['api', 'floor'] : ['floor', 'api'];
      let cell = await measureCell(scenario, connections, order);
      const noisy = [];
      for (let again = 0; again < MAX_REMEASURES_PER_CELL && isNoisy(cell) && budget.retries > 0; again++) {
        budget.retries -= 1;
        log(`${scenario} c${connections}: other programs (or the hypervisor: steal ${cell.stealPct}%) used ${cell.otherCpuPct}% of the machine; measuring the cell again`);
        const next = await measureCell(scenario, connections, order);
        const [kept, discarded] = next.otherCpuPct !== null && next.otherCpuPct < cell.otherCpuPct ? [next, cell] : [cell, next];
        noisy.push(summary(discarded));
        cell = kept;
      }
      cell.noisy = isNoisy(cell);
      if (noisy.length) cell.discardedNoisyMeasurements = noisy;
      const key = `${scenario} ${connections}`;
      rounds.set(key, [...(rounds.get(key) ?? []), cell]);
      log(
        `round ${pass}/${ROUNDS} ${scenario.padEnd(6)} c${String(connections).padEnd(3)} API ${cell.api.rps.toFixed(0)} rps p99 ${cell.api.p99.toFixed(2)} ms | floor ${cell.floor.rps.toFixed(0)} rps p99 ${cell.floor.p99.toFixed(2)} ms | ratio ${cell.throughputRatio.toFixed(3)}, +${cell.p99AddedMs.toFixed(2)} ms | other CPU ${cell.otherCpuPct}%, steal ${cell.stealPct}%`,
      );
    }
  }
  // Each cell = all its rounds' slices together: the rounds are minutes apart, so a slow change
  // of the machine's state during the run reaches every cell through every round.
  for (const scenario of scenarios) {
    for (const connections of CONCURRENCY) {
      const measurements = rounds.get(`${scenario} ${connections}`);
      const cell = buildMergedCell(scenario, connections, measurements);
      const discarded = measurements.flatMap((m) => m.discardedNoisyMeasurements ?? []);
      if (discarded.length) cell.discardedNoisyMeasurements = discarded;
      result.matrix.push(cell);
    }
  }
  result.noiseControl = { noisyPct: NOISY_PCT, quietWaitUsedS: round(QUIET_WAIT_BUDGET_S - budget.quietWaitS, 1), retriesUsed: RETRY_BUDGET - budget.retries };
}

module.exports = { warmUp, runMatrix, measureOneCell, buildMergedCell };
