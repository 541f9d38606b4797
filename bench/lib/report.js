'use strict';
/** The results JSON (latest.json / self-<server>.json), the comparison with the previous run, and the printed table. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CONCURRENCY, GLOBAL_WARMUP_S, LOG_LEVEL, MEASURE_CREATE_S, MEASURE_OTHER_S, MEASURE_OVERRIDE, NOISY_PCT, POOL_MAX, PROFILE_S, RESULTS, ROOT, ROUNDS, RSS_REQUESTS, SEED_SESSIONS, SELF, SLICE_S, WARMUP_S } = require('./settings');
const { log, round } = require('./util');

function gitCommit() {
  // Resolved from .git without running git (HEAD → ref → loose ref or packed-refs).
  try {
    let gitDir = path.join(ROOT, '.git');
    if (fs.statSync(gitDir).isFile()) gitDir = path.resolve(ROOT, fs.readFileSync(gitDir, 'utf8').replace(/^gitdir:\s*/, '').trim());
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref:')) return head;
    const ref = head.slice(4).trim();
    let common = gitDir;
    if (fs.existsSync(path.join(gitDir, 'commondir'))) common = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
    for (const dir of [gitDir, common]) {
      const loose = path.join(dir, ref);
      if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
    }
    const packed = fs.readFileSync(path.join(common, 'packed-refs'), 'utf8').split('\n').find((line) => line.endsWith(` ${ref}`));
    return packed ? packed.split(' ')[0] : null;
  } catch {
    return null;
  }
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padEnd(width) : s.padStart(width);
}

const fixed = (value, digits) => (value === null || value === undefined ? '-' : value.toFixed(digits));

function matrixTable(cells) {
  const header = [
    pad('scenario', 8, true),
    pad('conc', 4),
    pad('API rps', 8),
    pad('p50 ms', 7),
    pad('p99 ms', 7),
    pad('floor rps', 9),
    pad('p50 ms', 7),
    pad('p99 ms', 7),
    pad('rps API/floor', 13),
    pad('p99 +ms', 8),
    pad('p99 API/floor', 13),
    pad('CPU ms/req API', 14),
    pad('floor', 6),
    pad('pg API', 6),
    pad('pg fl.', 6),
    pad('other CPU', 9),
  ].join(' | ');
  const lines = [header, '-'.repeat(header.length)];
  for (const c of cells) {
    lines.push(
      [
        pad(c.scenario, 8, true),
        pad(c.concurrency, 4),
        pad(c.api.rps.toFixed(0), 8),
        pad(c.api.p50.toFixed(2), 7),
        pad(c.api.p99.toFixed(2), 7),
        pad(c.floor.rps.toFixed(0), 9),
        pad(c.floor.p50.toFixed(2), 7),
        pad(c.floor.p99.toFixed(2), 7),
        pad(c.throughputRatio.toFixed(3), 13),
        pad(c.p99AddedMs.toFixed(2), 8),
        pad(c.p99Ratio.toFixed(2), 13),
        pad(fixed(c.api.cpuMsPerRequest, 2), 14),
        pad(fixed(c.floor.cpuMsPerRequest, 2), 6),
        pad(fixed(c.api.dbCpuMsPerRequest, 2), 6),
        pad(fixed(c.floor.dbCpuMsPerRequest, 2), 6),
        pad(c.otherCpuPct === null ? '-' : `${c.otherCpuPct}%`, 9),
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

/** The result object, before any phase has run (the phases add their parts). */
function createResult({ apiBuildSha256, responseBytes, state }) {
  return {
    schema: 1,
    timestamp: new Date().toISOString(),
    gitCommit: gitCommit(),
    apiBuildSha256,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, totalMemoryBytes: os.totalmem(), os: `${os.type()} ${os.release()} ${os.arch()}`, loadAverageAtStart: os.loadavg() },
    node: process.version,
    settings: { self: SELF, warmupS: WARMUP_S, globalWarmupS: GLOBAL_WARMUP_S, measureCreateS: MEASURE_OVERRIDE ?? MEASURE_CREATE_S, measureOtherS: MEASURE_OVERRIDE ?? MEASURE_OTHER_S, sliceS: SLICE_S, rounds: ROUNDS, noisyPct: NOISY_PCT, concurrency: CONCURRENCY, rssRequests: RSS_REQUESTS, profileS: PROFILE_S, apiLogLevel: LOG_LEVEL, databasePoolMax: POOL_MAX, seedSessionsPerTarget: SEED_SESSIONS, database: state.database.description, cpuLatencyHeld: state.cpuLatency.held, cpuPlacement: state.placement },
    responseBytes,
    matrix: [],
  };
}

/** Relative difference of each ratio against the previous latest.json (the acceptance: within 15%). */
function compare(previous, current) {
  const cells = [];
  for (const cell of current.matrix) {
    const old = previous.matrix.find((c) => c.scenario === cell.scenario && c.concurrency === cell.concurrency);
    if (!old) continue;
    const rel = (a, b) => Math.abs(a - b) / b;
    cells.push({
      scenario: cell.scenario,
      concurrency: cell.concurrency,
      throughputRatio: [round(old.throughputRatio, 3), round(cell.throughputRatio, 3)],
      throughputRatioDiffPct: round(100 * rel(cell.throughputRatio, old.throughputRatio), 1),
      p99Ratio: [round(old.p99Ratio, 2), round(cell.p99Ratio, 2)],
      p99RatioDiffPct: round(100 * rel(cell.p99Ratio, old.p99Ratio), 1),
      p99AddedMs: [round(old.p99AddedMs, 2), round(cell.p99AddedMs, 2)],
      // Measured while other programs or the hypervisor took more than NOISY_PCT of the machine, in either run.
      noisy: Boolean(old.noisy || cell.noisy),
      // The floor does a fixed amount of work per request: its CPU per request moving between runs
      // means the machine itself ran faster or slower (neighbours, host), not the code.
      floorCpuChangePct: old.floor.cpuMsPerRequest && cell.floor.cpuMsPerRequest ? round((100 * (cell.floor.cpuMsPerRequest - old.floor.cpuMsPerRequest)) / old.floor.cpuMsPerRequest, 1) : null,
    });
  }
  const worstThroughput = Math.max(...cells.map((c) => c.throughputRatioDiffPct));
  const worstP99 = Math.max(...cells.map((c) => c.p99RatioDiffPct));
  return {
    previousTimestamp: previous.timestamp,
    sameApiBuild: previous.apiBuildSha256 === current.apiBuildSha256,
    cells,
    worstThroughputRatioDiffPct: worstThroughput,
    worstP99RatioDiffPct: worstP99,
    throughputRatiosWithin15Pct: worstThroughput <= 15,
    noisyCells: cells.filter((c) => c.noisy).map((c) => `${c.scenario} c${c.concurrency}`),
    // The cells the targets use (creates at concurrency 16 and 64).
    worstCreateC16C64ThroughputRatioDiffPct: Math.max(...cells.filter((c) => (c.scenario === 'nuvei' || c.scenario === 'paytm' || c.scenario === 'stored') && c.concurrency >= 16).map((c) => c.throughputRatioDiffPct)),
    medianFloorCpuChangePct: (() => {
      const values = cells.map((c) => c.floorCpuChangePct).filter((v) => v !== null).sort((a, b) => a - b);
      return values.length ? values[Math.floor(values.length / 2)] : null;
    })(),
    p99RatiosWithin15Pct: worstP99 <= 15,
  };
}

function targetsVerdict(result) {
  const at = (scenario, c) => result.matrix.find((cell) => cell.scenario === scenario && cell.concurrency === c);
  const out = {};
  const creates = ['nuvei', 'paytm'].map((s) => at(s, 64)).filter(Boolean);
  if (creates.length) out.throughputRatioAtC64 = { target: '>= 0.6', values: Object.fromEntries(creates.map((c) => [c.scenario, c.throughputRatio])), met: creates.every((c) => c.throughputRatio >= 0.6) };
  const c16 = ['nuvei', 'paytm'].map((s) => at(s, 16)).filter(Boolean);
  if (c16.length) out.p99AddedAtC16 = { target: '<= 5 ms', values: Object.fromEntries(c16.map((c) => [c.scenario, c.p99AddedMs])), met: c16.every((c) => c.p99AddedMs <= 5) };
  if (result.rss) out.rssGrowth = { target: '< 10%', value: result.rss.growthPct, met: result.rss.growthPct < 10 };
  return out;
}

function printReport(result) {
  const out = [];
  out.push('');
  out.push(`createSessionToken overhead: API (Apollo + type-graphql + Prisma) vs floor (node:http + undici + pg)`);
  out.push(`${result.machine.cpus} x ${result.machine.cpuModel}, ${(result.machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, ${result.machine.os}, Node ${result.node}, commit ${result.gitCommit || '?'}, API main.js sha256 ${result.apiBuildSha256.slice(0, 12)}`);
  out.push(`${result.settings.database}; API NODE_ENV=production LOG_LEVEL=${result.settings.apiLogLevel}; pools ${result.settings.databasePoolMax}; warm-up ${result.settings.warmupS} s, measured ${result.settings.measureCreateS} s (creates) / ${result.settings.measureOtherS} s (replay, read) per target and cell in ${result.settings.sliceS} s interleaved slices`);
  out.push(`answer bytes (create): API ${JSON.stringify(result.responseBytes.api)}, floor ${JSON.stringify(result.responseBytes.floor)}`);
  out.push('');
  if (result.matrix.length) {
    out.push(matrixTable(result.matrix));
    out.push('rps = requests/s; latency in ms (client side, loopback); "p99 +ms" = API p99 - floor p99;');
    out.push('CPU ms/req = user+system CPU of the API / floor process (and of Postgres, "pg") per request during its slices;');
    out.push('other CPU = share of all cores used by programs outside the bench during the cell (the machine is shared).');
  }
  if (result.multiWorker) {
    const m = result.multiWorker;
    out.push('');
    out.push(`multi-worker cell (API WEB_CONCURRENCY=${m.workers} vs floor ${m.floorProcesses} processes, unpinned, nuvei c${m.concurrency}):`);
    out.push(`  API ${m.api.rps} rps p99 ${m.api.p99} ms, ${m.api.cpuMsPerRequest} CPU ms/req (all workers), pg ${m.api.dbCpuMsPerRequest} | floor ${m.floor.rps} rps p99 ${m.floor.p99} ms, ${m.floor.cpuMsPerRequest} CPU ms/req, pg ${m.floor.dbCpuMsPerRequest} | ratio ${round(m.throughputRatio, 3)} (rounds ${m.roundRatios.join(' ')}) | other CPU ${m.otherCpuPct}%`);
  }
  if (result.comparedWithPrevious) {
    const c = result.comparedWithPrevious;
    out.push('');
    if (!c.sameApiBuild) out.push(`NOTE: the previous run measured a different API build (main.js sha256 differs): the comparison mixes code changes with noise`);
    out.push(`vs previous run (${c.previousTimestamp}): worst throughput-ratio change ${c.worstThroughputRatioDiffPct}% (${c.throughputRatiosWithin15Pct ? 'within' : 'NOT within'} 15%), worst p99-ratio change ${c.worstP99RatioDiffPct}%`);
    if (c.noisyCells.length) out.push(`  measured on a noisy machine (other programs or steal > ${NOISY_PCT}% after re-measuring) in one of the runs: ${c.noisyCells.join(', ')}`);
    out.push(`  creates at c16/c64: worst throughput-ratio change ${c.worstCreateC16C64ThroughputRatioDiffPct}%; the floor's CPU per request moved by ${c.medianFloorCpuChangePct}% (median over cells: how much faster or slower the machine itself was)`);
    for (const cell of c.cells) {
        out.push(
        `${cell.noisy ? '* ' : '  '}${cell.scenario.padEnd(6)} c${String(cell.concurrency).padEnd(3)} rps ratio ${cell.throughputRatio[0]} -> ${cell.throughputRatio[1]} (${cell.throughputRatioDiffPct}%), p99 ratio ${cell.p99Ratio[0]} -> ${cell.p99Ratio[1]} (${cell.p99RatioDiffPct}%), p99 +ms ${cell.p99AddedMs[0]} -> ${cell.p99AddedMs[1]}, floor CPU/req ${cell.floorCpuChangePct >= 0 ? '+' : ''}${cell.floorCpuChangePct}%`,
      );
    }
  }
  out.push('');
  out.push(`API peak RSS: ${result.apiPeakRssMb} MB`);
  if (result.rss) {
    const r = result.rss;
    out.push(`RSS over ${r.requests} requests (c16, ${r.mix}): growth ${r.growthPct >= 0 ? '+' : ''}${r.growthPct}% (least-squares trend of ${r.samples} samples); ${r.afterWarmupMb} MB after warm-up -> ${r.endMb} MB at the end (${r.pointGrowthPct}%), second half ${r.secondHalfGrowthPct}%, peak ${r.peakDuringRunMb} MB, ${r.idle2sAfterMb} MB 2 s later; ${r.rps} rps, p99 ${r.p99Ms} ms, ${r.durationS} s`);
  }
  if (result.profile) {
    const p = result.profile;
    out.push('');
    out.push(`CPU profile of the API (${p.scenario}, c${p.concurrency}, ${p.seconds} s window, ${p.rps} rps): busy ${p.busyMs} ms of ${p.windowMs} ms; GC ${p.pseudo['(garbage collector)']?.pctOfBusy ?? 0}%, (program) ${p.pseudo['(program)']?.pctOfBusy ?? 0}% of busy`);
    out.push('top-5 self time:');
    p.top.forEach((f, i) => out.push(`  ${i + 1}. ${f.function}  ${f.location}  ${f.selfMs} ms  ${f.pctOfBusy}% of busy`));
    out.push(`top-5 self time in our code (apps/, libs/; all of it: ${p.oursPctOfBusy}% of busy):`);
    p.topOurs.forEach((f, i) => out.push(`  ${i + 1}. ${f.function}  ${f.location}  ${f.selfMs} ms  ${f.pctOfBusy}% of busy`));
    out.push('self time by package / source directory:');
    p.byBucket.slice(0, 8).forEach((b) => out.push(`  ${b.bucket.padEnd(60)} ${String(b.selfMs).padStart(8)} ms  ${b.pctOfBusy}%`));
    out.push(`profile: ${p.file}`);
  }
  const shutdowns = [['API', result.apiShutdown], ['profiled API', result.profile && result.profile.shutdown]].filter(([, x]) => x);
  for (const [name, x] of shutdowns) {
    if (x.code !== 0 || x.ms > 3000) out.push(`WARNING: ${name} took ${x.ms} ms to exit after SIGINT (exit code ${x.code}); see bench/README.md "Known API problems"`);
  }
  out.push('');
  out.push('targets (not gates):');
  for (const [name, t] of Object.entries(result.targets)) out.push(`  ${name}: ${JSON.stringify(t.values ?? t.value)} target ${t.target} -> ${t.met ? 'met' : 'NOT met'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Compares with the previous run, rounds the cells, writes the JSON (keeping the previous one) and prints the table. */
function writeResults(result) {
  const latestFile = path.join(RESULTS, SELF ? `self-${SELF}.json` : 'latest.json');
  let previous = null;
  try {
    previous = JSON.parse(fs.readFileSync(latestFile, 'utf8'));
  } catch {
    /* first run */
  }
  if (previous && Array.isArray(previous.matrix) && previous.matrix.length > 0 && result.matrix.length > 0) {
    result.comparedWithPrevious = compare(previous, result);
  }
  for (const cell of result.matrix) {
    for (const key of ['throughputRatio', 'p99AddedMs', 'p99Ratio', 'p50AddedMs']) cell[key] = round(cell[key], 3);
  }
  result.targets = targetsVerdict(result);
  fs.writeFileSync(latestFile, `${JSON.stringify(result, null, 2)}\n`);
  if (previous && !SELF) fs.writeFileSync(path.join(RESULTS, 'previous.json'), `${JSON.stringify(previous, null, 2)}\n`);
  printReport(result);
  log(`wrote ${path.relative(ROOT, latestFile)} in ${result.elapsedS} s`);
}

module.exports = { createResult, writeResults };
