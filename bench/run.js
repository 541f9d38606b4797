#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the API's createSessionToken overhead against a floor server doing the same job
 * with nothing but node:http + undici + pg. One run: Postgres, gateway simulator, API (production)
 * and floor as child processes on 127.0.0.1; autocannon matrix; RSS over 50,000 requests; a CPU
 * profile of the API under load; a table on stdout and bench/results/latest.json. See bench/README.md.
 *
 * Needs dist/apps/api and dist/apps/gateway-simulator (the npm script builds them first).
 * Tunables (env, for experiments; the defaults are the benchmark): BENCH_WARMUP_S (3), BENCH_GLOBAL_WARMUP_S (30),
 * BENCH_ROUNDS (4), BENCH_MEASURE_S (per round: 8 for creates, 6 otherwise), BENCH_SLICE_S (1.5), BENCH_RSS_REQUESTS (50000), BENCH_RSS_WARMUP_S (20), BENCH_PROFILE_S (8),
 * BENCH_SEED_SESSIONS (6000 per target, the tables' size at the start of every round), BENCH_CONCURRENCY ("1,16,64"), BENCH_SCENARIOS ("nuvei,paytm,replay,read"), BENCH_NOISY_PCT (12),
 * BENCH_RETRIES (8), BENCH_QUIET_WAIT_S (90), BENCH_SKIP (comma list of: matrix, rss, profile), BENCH_PIN (0: no CPU
 * placement), BENCH_CPU_LATENCY (default: no PM QoS request), BENCH_SELF (api or floor: an A/A run, see below).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { startChild, runToCompletion, stopChild, stopAll, killAllSync } = require('./lib/processes');
const { startDatabase, withClient, removeTempDirsSync } = require('./lib/database');
const { analyseProfile } = require('./lib/cpu-profile');
const { holdZeroCpuLatency, notHeld } = require('./lib/cpu-latency');
const { pinTree, placement } = require('./lib/cpu-affinity');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');
const PROFILE_DIR = path.join(RESULTS, 'profile');
const DIST_API = path.join(ROOT, 'dist/apps/api');
const DIST_SIM = path.join(ROOT, 'dist/apps/gateway-simulator');
// The run uses a copy of the builds (others may rebuild dist/ while the bench runs).
const BUILD = path.join(RESULTS, 'build');
const API_DIR = path.join(BUILD, 'api');
const API_MAIN = path.join(API_DIR, 'main.js');
const SIM_MAIN = path.join(BUILD, 'gateway-simulator', 'main.js');
const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const WARMUP_S = num('BENCH_WARMUP_S', 3);
const GLOBAL_WARMUP_S = num('BENCH_GLOBAL_WARMUP_S', 30);
// Per round; every cell is measured in ROUNDS rounds, minutes apart.
const MEASURE_CREATE_S = 8; // create cells: fewer requests/s, so longer windows for a stable p99
const MEASURE_OTHER_S = 6; // replay and read cells
const ROUNDS = num('BENCH_ROUNDS', 4);
const MEASURE_OVERRIDE = process.env.BENCH_MEASURE_S ? Number(process.env.BENCH_MEASURE_S) : null;
const SLICE_S = num('BENCH_SLICE_S', 1.5);
// Share of the machine taken by other programs or by the hypervisor (steal) that makes a cell be
// measured again: a few % is the machine's own background; on a shared host steal comes in bursts.
const NOISY_PCT = num('BENCH_NOISY_PCT', 12);
const RETRY_BUDGET = num('BENCH_RETRIES', 8);
const MAX_REMEASURES_PER_CELL = 2;
const QUIET_WAIT_BUDGET_S = num('BENCH_QUIET_WAIT_S', 90);
const RSS_REQUESTS = num('BENCH_RSS_REQUESTS', 50_000);
const PROFILE_S = num('BENCH_PROFILE_S', 8);
const RSS_WARMUP_S = num('BENCH_RSS_WARMUP_S', 20);
const SEED_SESSIONS = num('BENCH_SEED_SESSIONS', 6000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY || '1,16,64').split(',').map(Number);
const SKIP = new Set((process.env.BENCH_SKIP || '').split(',').filter(Boolean));
// BENCH_SELF=api|floor: both sides of every cell are that one server (an A/A run), so the ratios
// show the method's own noise on this machine. Written to results/self-<server>.json.
const SELF = process.env.BENCH_SELF || null;
if (SELF !== null && SELF !== 'api' && SELF !== 'floor') throw new Error(`BENCH_SELF must be api or floor, not ${SELF}`);
if (SELF) SKIP.add('rss').add('profile'); // both measure the API process alone
const POOL_MAX = 10;
const LOG_LEVEL = 'warn';

// Demo merchants of the gateway simulator (apps/gateway-simulator/src/demo-credentials.ts).
const NUVEI_CONFIG = JSON.stringify({ config: { Nuvei: { merchant_id: 'demo_nuvei_merchant', merchant_site_id: 'demo_site', merchant_secret: 'demo_nuvei_secret' } } });
const PAYTM_CONFIG = JSON.stringify({ config: { Paytm: { merchant_id: 'DEMOMID00000000000001', merchant_key: 'demoPaytmKey0001', website: 'WEBSTAGING' } } });

// The documents the integration and e2e suites send too (CREATE_SESSION_TOKEN: every field a client may read).
const { CREATE_SESSION_TOKEN, PAYMENT_SESSION } = require('../libs/testing/graphql-documents/src/index.js');

const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value, digits = 2) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);

// ---------------------------------------------------------------------------------------------
// Request bodies: prefix + id + suffix, so the load generator does no JSON work per request.

function splitBody(query, variables, marker) {
  const text = JSON.stringify({ query, variables });
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}
const MARK = '__ID__';
const NUVEI_BODY = splitBody(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', merchantSessionId: MARK, amount: { minorAmount: 1000, currency: 'USD' } } }, MARK);
const PAYTM_BODY = splitBody(CREATE_SESSION_TOKEN, { input: { connector: 'PAYTM', merchantSessionId: MARK, amount: { minorAmount: 1000, currency: 'INR' } } }, MARK);
const READ_BODY = splitBody(PAYMENT_SESSION, { id: MARK }, MARK);

const RUN_TAG = crypto.randomBytes(4).toString('hex');
let sequence = 0;
const freshId = (prefix) => `${prefix}${RUN_TAG}_${(sequence++).toString(36)}`;

const isCreated = (body) => body.includes('"statusCode":200') && body.includes('"replayed":false') && body.includes('"sessionToken":"') && !body.includes('"errors"');
const isReplayed = (body) => body.includes('"statusCode":200') && body.includes('"replayed":true') && body.includes('"sessionToken":"') && !body.includes('"errors"');
const isRead = (body) => body.includes('"paymentSession":{"id":"') && body.includes('"token":"') && !body.includes('"errors"');

/** The four request kinds, for one target (API or floor). */
function requestKinds(target) {
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}` };
  const nuveiHeaders = { ...auth, 'x-connector-config': NUVEI_CONFIG };
  const paytmHeaders = { ...auth, 'x-connector-config': PAYTM_CONFIG };
  let replayCursor = 0;
  let readCursor = 0;
  return {
    nuvei: { headers: nuveiHeaders, body: () => NUVEI_BODY[0] + freshId('n') + NUVEI_BODY[1], verify: isCreated },
    paytm: { headers: paytmHeaders, body: () => PAYTM_BODY[0] + freshId('p') + PAYTM_BODY[1], verify: isCreated },
    replay: {
      headers: nuveiHeaders,
      body: () => NUVEI_BODY[0] + target.replayIds[replayCursor++ % target.replayIds.length] + NUVEI_BODY[1],
      verify: isReplayed,
    },
    read: { headers: auth, body: () => READ_BODY[0] + target.readIds[readCursor++ % target.readIds.length] + READ_BODY[1], verify: isRead },
  };
}

// ---------------------------------------------------------------------------------------------
// Load generation.

const running = new Set();

/**
 * One autocannon run. `kinds` is a list of request kinds used round-robin (a single kind for the
 * matrix). Latency is recorded per response from autocannon's float `responseTime` (its own
 * histogram has 1 ms resolution).
 */
function load(url, kinds, { connections, durationS, amount }) {
  const latencies = [];
  let firstAt = 0;
  let lastAt = 0;
  let firstBad = null;
  let firstError = null;
  let turn = 0;
  const requests = [
    {
      method: 'POST',
      path: new URL(url).pathname,
      setupRequest: (req) => {
        const kind = kinds[turn++ % kinds.length];
        req.headers = kind.headers;
        req.body = kind.body();
        return req;
      },
    },
  ];
  // verifyBody does not see which request a body answers; every kind's check is strict enough to
  // reject errors, so a mixed run accepts a body that passes any of its kinds' checks.
  const verifiers = [...new Set(kinds.map((k) => k.verify))];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        timeout: 10,
        ...(amount ? { amount } : { duration: durationS }),
        requests,
        verifyBody: (body) => {
          if (verifiers.some((verify) => verify(body))) return true;
          if (firstBad === null) firstBad = body.slice(0, 500);
          return false;
        },
      },
      (error, result) => {
        running.delete(instance);
        if (error) return reject(error);
        resolve({
          latencies,
          durationS: result.duration,
          windowS: (lastAt - firstAt) / 1000,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          firstBad,
          firstError,
        });
      },
    );
    running.add(instance);
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      const now = performance.now();
      if (latencies.length === 0) firstAt = now;
      lastAt = now;
      latencies.push(responseTime);
    });
    instance.on('reqError', (error) => {
      if (firstError === null) firstError = `${error.code || ''} ${error.message}`;
    });
  });
}

/** Requests/s of one slice, from its first to its last response (see summarize). */
function sliceRps(run) {
  return run.windowS > 0 ? (run.latencies.length - 1) / run.windowS : run.latencies.length / run.durationS;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

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

/** Waits about the longest latency of a run (bounded): what its server still has in flight after it stops. */
function drain(run) {
  let max = 0;
  for (const value of run.latencies) if (value > max) max = value;
  return sleep(Math.min(1500, Math.max(20, Math.ceil(max))));
}

/**
 * Merges runs (slices) of one target. Throughput is counted from each run's first to its last
 * response ((n - 1) / (last - first)), so the ramp-up of a closed loop (nothing completes during the
 * first latency) does not bias short slices against the slower server. Percentiles: all latencies.
 */
function summarize(runs) {
  const latencies = [].concat(...runs.map((r) => r.latencies)).sort((a, b) => a - b);
  const durationS = runs.reduce((a, r) => a + r.durationS, 0);
  const windowS = runs.reduce((a, r) => a + r.windowS, 0);
  const windowed = runs.reduce((a, r) => a + Math.max(0, r.latencies.length - 1), 0);
  const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  const sum = (key) => runs.reduce((a, r) => a + r[key], 0);
  return {
    requests: latencies.length,
    durationS,
    rps: windowS > 0 ? windowed / windowS : latencies.length / durationS,
    rawRps: latencies.length / durationS,
    p50: q(0.5),
    p99: q(0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
    slicesRps: runs.map((r) => round(sliceRps(r), 1)),
    cpuMsPerRequest: runs.every((r) => r.cpuMs !== undefined) ? runs.reduce((a, r) => a + r.cpuMs, 0) / latencies.length : null,
    dbCpuMsPerRequest: runs.every((r) => r.dbCpuMs != null) ? runs.reduce((a, r) => a + r.dbCpuMs, 0) / latencies.length : null,
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    mismatches: sum('mismatches'),
    firstBad: runs.map((r) => r.firstBad).find((b) => b !== null) ?? null,
    firstError: runs.map((r) => r.firstError).find((e) => e !== null) ?? null,
  };
}

function assertClean(label, result) {
  const bad = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (bad > 0) {
    throw new Error(
      `INVALID BENCH: ${label}: ${result.non2xx} non-2xx, ${result.mismatches} GraphQL/body errors, ${result.errors} socket errors (${result.timeouts} timeouts). First bad body: ${result.firstBad}; first socket error: ${result.firstError}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// RSS of the API (VmRSS from /proc/<pid>/status every 250 ms).

function readRssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
function rssSampler(pid) {
  const sampler = { peakKb: 0, lastKb: null, samples: [], recording: false };
  sampler.timer = setInterval(() => {
    const kb = readRssKb(pid);
    if (kb === null) return;
    sampler.lastKb = kb;
    if (kb > sampler.peakKb) sampler.peakKb = kb;
    if (sampler.recording) sampler.samples.push([Date.now(), kb]);
  }, 250);
  sampler.timer.unref();
  sampler.stop = () => clearInterval(sampler.timer);
  return sampler;
}

// ---------------------------------------------------------------------------------------------
// Reporting helpers.

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

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  // BENCH_CPU_LATENCY=default leaves the machine's idle states alone (see lib/cpu-latency.js).
  state.cpuLatency = process.env.BENCH_CPU_LATENCY === 'default' ? notHeld('BENCH_CPU_LATENCY=default') : holdZeroCpuLatency();
  log(state.cpuLatency.held ? 'holding a 0 µs CPU wake-up latency request (/dev/cpu_dma_latency) for the run' : `CPU idle states left as they are (${state.cpuLatency.reason})`);
  // Everything the bench starts inherits the "others" CPUs; the API and the floor move to the server's CPU.
  state.placement = placement();
  if (state.placement.server !== null) pinTree(process.pid, state.placement.others);
  log(state.placement.server !== null ? `server under test on CPU ${state.placement.server}; load generator, simulator and embedded Postgres on CPU ${state.placement.others}` : `CPU placement left to the scheduler (${state.placement.reason})`);
  const pinServer = (pid) => state.placement.server !== null && pinTree(pid, state.placement.server);
  for (const file of ['main.js', 'main.js.map', 'cli/migrate.js', 'cli/create-merchant.js'].map((f) => path.join(DIST_API, f)).concat(path.join(DIST_SIM, 'main.js'))) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npx nx run-many -t build -p api,gateway-simulator" (npm run bench does it)`);
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  // BENCH_KEEP_BUILD=1 reruns the copy of the previous run (to compare two runs of the same build
  // while others keep rebuilding dist/).
  if (process.env.BENCH_KEEP_BUILD === '1' && fs.existsSync(API_MAIN) && fs.existsSync(SIM_MAIN)) {
    log('BENCH_KEEP_BUILD=1: reusing the build copied by the previous run');
  } else {
    fs.rmSync(BUILD, { recursive: true, force: true });
    fs.cpSync(DIST_API, API_DIR, { recursive: true });
    fs.cpSync(DIST_SIM, path.join(BUILD, 'gateway-simulator'), { recursive: true });
  }
  const apiBuildSha256 = crypto.createHash('sha256').update(fs.readFileSync(API_MAIN)).digest('hex');

  // 1. Postgres, migrations, merchants.
  state.database = await startDatabase(log);
  const databaseUrl = state.database.databaseUrl;
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG || 'C.UTF-8' };
  await runToCompletion('migrate', [path.join(API_DIR, 'cli/migrate.js')], { env: { ...baseEnv, DATABASE_URL: databaseUrl }, cwd: ROOT });
  const createMerchant = async (name) => {
    const out = await runToCompletion('create-merchant', [path.join(API_DIR, 'cli/create-merchant.js'), '--name', name], { env: { ...baseEnv, DATABASE_URL: databaseUrl }, cwd: ROOT });
    return JSON.parse(out.filter((line) => line.trim()).pop());
  };
  const apiMerchant = await createMerchant('bench-api');
  const floorMerchant = await createMerchant('bench-floor');
  // The profiled API is stopped right after its load; requests still in flight then are cut by its
  // shutdown and stay PENDING: a merchant of its own keeps them out of the API/floor sanity check.
  const profileMerchant = await createMerchant('bench-profile');
  log(`merchants: API ${apiMerchant.merchantId}, floor ${floorMerchant.merchantId}`);

  // 2. Gateway simulator (no faults, no latency).
  const sim = await startChild('gateway-simulator', [SIM_MAIN], { env: { ...baseEnv, SIMULATOR_PORT: '0', SIMULATOR_HOST: '127.0.0.1' }, ready: /^PAYTM_BASE_URL=(\S+)/, cwd: ROOT });
  const nuveiBaseUrl = sim.entry.stdout.map((l) => /^NUVEI_BASE_URL=(\S+)/.exec(l)).find(Boolean)[1];
  const paytmBaseUrl = sim.match[1];
  log(`gateway simulator pid ${sim.entry.pid}: ${nuveiBaseUrl} ${paytmBaseUrl}`);

  // 3. API (production) and floor.
  const encryptionKey = crypto.randomBytes(32).toString('base64');
  const apiEnv = {
    ...baseEnv,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(POOL_MAX),
    ENCRYPTION_KEY: encryptionKey,
    NUVEI_BASE_URL: nuveiBaseUrl,
    PAYTM_BASE_URL: paytmBaseUrl,
    LOG_LEVEL,
  };
  const apiLogLines = [];
  const onApiStderr = (line) => {
    apiLogLines.push(line);
    if (apiLogLines.length <= 5) log(`api stderr: ${line.slice(0, 300)}`);
  };
  const startApi = async (extraArgs = []) => {
    const { entry, match } = await startChild('api', [...extraArgs, API_MAIN], { env: apiEnv, ready: /GraphQL API ready at (\S+)/, cwd: ROOT, onStderr: onApiStderr });
    pinServer(entry.pid);
    return { entry, url: match[1] };
  };
  const api = await startApi();
  const sampler = rssSampler(api.entry.pid);
  log(`API pid ${api.entry.pid} at ${api.url} (NODE_ENV=production, LOG_LEVEL=${LOG_LEVEL}, pool ${POOL_MAX})`);
  const floorProc = await startChild('floor', [path.join(__dirname, 'floor.js')], {
    env: { ...baseEnv, DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: String(POOL_MAX), FLOOR_MERCHANT_ID: floorMerchant.merchantId, NUVEI_BASE_URL: nuveiBaseUrl, PAYTM_BASE_URL: paytmBaseUrl, ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64') },
    ready: /FLOOR ready at (\S+)/,
    cwd: ROOT,
    onStderr: (line) => log(`floor stderr: ${line.slice(0, 300)}`),
  });
  pinServer(floorProc.entry.pid);
  log(`floor pid ${floorProc.entry.pid} at ${floorProc.match[1]}`);

  const targets = {
    api: { name: 'api', pid: api.entry.pid, url: api.url, apiKey: apiMerchant.apiKey, merchantId: apiMerchant.merchantId, replayIds: [], readIds: [] },
    floor: { name: 'floor', pid: floorProc.entry.pid, url: floorProc.match[1], apiKey: floorMerchant.apiKey, merchantId: floorMerchant.merchantId, replayIds: [], readIds: [] },
  };
  if (SELF) {
    for (const name of ['api', 'floor']) targets[name] = { ...targets[SELF], name, replayIds: [], readIds: [] };
    log(`BENCH_SELF=${SELF}: both sides of every cell are the ${SELF}`);
  }
  for (const target of Object.values(targets)) target.kinds = requestKinds(target);

  // 4. Smoke: one request of each kind per target, to check both work and compare answer sizes.
  const responseBytes = {};
  for (const target of Object.values(targets)) {
    responseBytes[target.name] = {};
    for (const kind of ['nuvei', 'paytm']) {
      const k = target.kinds[kind];
      const res = await fetch(target.url, { method: 'POST', headers: k.headers, body: k.body() });
      const text = await res.text();
      if (res.status !== 200 || !k.verify(text)) throw new Error(`smoke ${target.name} ${kind} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
      responseBytes[target.name][kind] = Buffer.byteLength(text);
    }
  }
  log(`smoke OK; create answer bytes API ${JSON.stringify(responseBytes.api)} floor ${JSON.stringify(responseBytes.floor)}`);

  // Before each phase (matrix, replays, RSS): the id pools for replays and reads, and a VACUUM ANALYZE
  // of the session tables (as pgbench does before a run), so autovacuum, which wakes up at times of
  // its own once tens of thousands of rows changed, does not land inside one run's replay cells and
  // not the other's.
  const refreshPools = async () => {
    await withClient(databaseUrl, async (client) => {
      await client.query('VACUUM (ANALYZE) payment_sessions, payment_session_attempts');
      for (const target of Object.values(targets)) {
        const replay = await client.query(
          `SELECT merchant_session_id FROM payment_sessions WHERE merchant_id = $1 AND connector = 'NUVEI' AND status = 'ACTIVE' ORDER BY created_at DESC LIMIT 5000`,
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
  const countSessions = async () => {
    const { rows } = await withClient(databaseUrl, (client) =>
      client.query(`SELECT m.name, s.status, count(*)::int AS n FROM payment_sessions s JOIN merchants m ON m.id = s.merchant_id GROUP BY 1, 2`),
    );
    for (const { name, status, n } of rows) {
      const key = `${name}\t${status}`;
      sessionCounts.set(key, (sessionCounts.get(key) ?? 0) + n);
    }
  };
  // Every round (and the profile and RSS phases) starts from the same tables: emptied, then SEED_SESSIONS
  // creates per target. Without it the tables grow by ~130,000 sessions a round, the floor's creates
  // slow down more than the API's, and the ratios depend on how long the run has been going
  // (bench/README, finding 8; ADR 0009).
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

  const result = {
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

  // 5. Global warm-up: both targets, every request kind, at concurrency 16 (JIT, pools, caches),
  //    so that the first cell does not pay for compilation.
  for (const target of Object.values(targets)) {
    assertClean(`${target.name} warm-up (creates)`, summarize([await load(target.url, [target.kinds.nuvei, target.kinds.paytm], { connections: 16, durationS: GLOBAL_WARMUP_S / 2 })]));
  }
  await refreshPools();
  for (const target of Object.values(targets)) {
    const kinds = [target.kinds.nuvei, target.kinds.paytm, target.kinds.replay, target.kinds.read];
    assertClean(`${target.name} warm-up (mix)`, summarize([await load(target.url, kinds, { connections: 16, durationS: GLOBAL_WARMUP_S / 2 })]));
  }

  // 6. The matrix. For each cell: wait (bounded) for the machine to be quiet, a warm-up of each
  //    target, then the measured time split into BENCH_SLICE_S (1.5 s) slices per target, interleaved A B B A A B ...
  //    (the first target alternates from cell to cell), so background load and slow drift (table
  //    growth) hit API and floor alike. A cell during which other programs used more than
  //    NOISY_PCT of the machine is measured again (bounded), keeping the quieter measurement.
  const budget = { quietWaitS: QUIET_WAIT_BUDGET_S, retries: RETRY_BUDGET };
  const measureCell = async (scenario, connections, order) => {
    const measureS = MEASURE_OVERRIDE ?? (scenario === 'nuvei' || scenario === 'paytm' ? MEASURE_CREATE_S : MEASURE_OTHER_S);
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
        const before = processCpu(target.pid, state.database.pid);
        const run = await load(target.url, [target.kinds[scenario]], { connections, durationS: measureS / sliceCount });
        // Requests in flight when the slice stops still complete on the server: let them finish
        // (about one latency) before the other target's slice, and count their CPU to this target.
        await drain(run);
        const after = processCpu(target.pid, state.database.pid);
        run.cpuMs = after.target - before.target;
        run.dbCpuMs = dbCpuDelta(before.db, after.db);
        slices[name].push(run);
      }
    }
    const cpuAfter = cpuTimes();
    return buildCell(scenario, connections, [{ slices, otherCpuPct: otherCpuPct(cpuBefore, cpuAfter), stealPct: stealPct(cpuBefore, cpuAfter), quietWaitS: waitedS }]);
  };
  if (!SKIP.has('matrix')) {
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
      await resetTables();
      let previousScenario = null;
      for (const { scenario, connections } of pass % 2 === 1 ? cellList : [...cellList].reverse()) {
        if (scenario === 'replay' && previousScenario !== 'replay') await refreshPools();
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
        const cell = buildCell(scenario, connections, measurements.flatMap((m) => m.measurements));
        cell.roundRatios = measurements.map((m) => round(m.throughputRatio, 3));
        cell.noisy = measurements.some((m) => m.noisy);
        const discarded = measurements.flatMap((m) => m.discardedNoisyMeasurements ?? []);
        if (discarded.length) cell.discardedNoisyMeasurements = discarded;
        result.matrix.push(cell);
      }
    }
    result.noiseControl = { noisyPct: NOISY_PCT, quietWaitUsedS: round(QUIET_WAIT_BUDGET_S - budget.quietWaitS, 1), retriesUsed: RETRY_BUDGET - budget.retries };
  }

  // 7. CPU profile: a separate API process with --cpu-prof, Nuvei creates at concurrency 16.
  //    Its shutdown (SIGINT writes the profile) overlaps the RSS run below.
  let profiling = null;
  if (!SKIP.has('profile') || !SKIP.has('rss')) await resetTables();
  if (!SKIP.has('profile')) {
    fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    await waitForQuiet(budget);
    const profiled = await startApi(['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]);
    const target = { ...targets.api, url: profiled.url, apiKey: profileMerchant.apiKey, merchantId: profileMerchant.merchantId };
    const kinds = [requestKinds(target).nuvei];
    assertClean('profile warm-up', summarize([await load(target.url, kinds, { connections: 16, durationS: WARMUP_S })]));
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const cpuBefore = cpuTimes();
    const run = summarize([await load(target.url, kinds, { connections: 16, durationS: PROFILE_S })]);
    const other = otherCpuPct(cpuBefore, cpuTimes());
    const endUs = Number(process.hrtime.bigint() / 1000n);
    assertClean('profile run', run);
    const stopAt = Date.now();
    profiling = stopChild(profiled.entry, 'SIGINT', 15_000).then((exit) => {
      const shutdown = { ...exit, ms: Date.now() - stopAt };
      log(`profiled API stopped with SIGINT: ${JSON.stringify(shutdown)}`);
      if (exit.signal === 'SIGKILL') throw new Error(`profiled API had to be killed (no profile written): ${JSON.stringify(shutdown)}`);
      const file = fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(PROFILE_DIR, f))[0];
      if (!file) throw new Error('no .cpuprofile was written');
      // V8 profile timestamps and process.hrtime share CLOCK_MONOTONIC on Linux: keep only the measured window.
      const profile = analyseProfile(file, { windowUs: [startUs, endUs], root: ROOT, bundle: API_MAIN, mapBase: DIST_API });
      result.profile = { scenario: 'nuvei create', concurrency: 16, seconds: PROFILE_S, rps: round(run.rps, 1), p99Ms: round(run.p99), otherCpuPct: other, shutdown, ...profile };
    });
    profiling.catch(() => undefined); // awaited below
  }

  // 8. RSS growth over RSS_REQUESTS requests at concurrency 16: Nuvei creates mixed with replays
  //    and reads (create, replay, read, create, ...), after a warm-up of the same mix.
  if (!SKIP.has('rss')) {
    await refreshPools();
    const t = targets.api;
    const mix = [t.kinds.nuvei, t.kinds.replay, t.kinds.read];
    // The warm-up is long enough for the heap to reach its working size under this mix (the API was
    // idle during the profile run, and V8 shrinks an idle heap). RSS "after warm-up" and "at the
    // end" are each the highest sample of the last 2 s, so a GC dip at one instant does not count
    // as growth or shrinkage.
    sampler.samples = [];
    sampler.recording = true;
    assertClean('rss warm-up', summarize([await load(t.url, mix, { connections: 16, durationS: RSS_WARMUP_S })]));
    const afterWarmupKb = recentMaxKb(sampler.samples, 2000) ?? readRssKb(api.entry.pid);
    sampler.samples = [];
    const runPeakBefore = sampler.peakKb;
    sampler.peakKb = 0;
    const cpuBefore = cpuTimes();
    const run = summarize([await load(t.url, mix, { connections: 16, amount: RSS_REQUESTS })]);
    const other = otherCpuPct(cpuBefore, cpuTimes());
    const endKb = recentMaxKb(sampler.samples, 2000) ?? readRssKb(api.entry.pid);
    sampler.recording = false;
    assertClean('rss run', run);
    if (run.requests < RSS_REQUESTS) throw new Error(`INVALID BENCH: rss run completed ${run.requests} of ${RSS_REQUESTS} requests`);
    const runPeakKb = sampler.peakKb;
    sampler.peakKb = Math.max(runPeakBefore, runPeakKb);
    await sleep(2000);
    const idleAfterKb = readRssKb(api.entry.pid);
    result.rss = {
      requests: run.requests,
      concurrency: 16,
      mix: 'nuvei create, nuvei replay, paymentSession read (round robin, 1/3 each)',
      warmupS: RSS_WARMUP_S,
      durationS: run.durationS,
      rps: round(run.rps, 1),
      p50Ms: round(run.p50),
      p99Ms: round(run.p99),
      otherCpuPct: other,
      afterWarmupMb: round(afterWarmupKb / 1024, 1),
      endMb: round(endKb / 1024, 1),
      peakDuringRunMb: round(runPeakKb / 1024, 1),
      idle2sAfterMb: round(idleAfterKb / 1024, 1),
      // Growth = the least-squares trend of every sample over the run (fitted end / fitted start - 1).
      // RSS follows V8's GC sawtooth (tens of MB), so two single samples say more about where in the
      // sawtooth they fell than about growth; the trend over ~300 samples does not.
      growthPct: trendGrowth(sampler.samples),
      // The same from two points: the highest sample of the last 2 s of the warm-up vs of the run.
      pointGrowthPct: round((100 * (endKb - afterWarmupKb)) / afterWarmupKb, 1),
      // Growth over the second half of the run only: a plateau (heap sizing) shows ~0, a leak does not.
      secondHalfGrowthPct: secondHalfGrowth(sampler.samples),
      samples: sampler.samples.length,
      timelineMb: thin(sampler.samples, 40).map(([time, kb]) => [round((time - sampler.samples[0][0]) / 1000, 1), round(kb / 1024, 1)]),
    };
    log(`rss: ${result.rss.afterWarmupMb} MB after warm-up -> ${result.rss.endMb} MB after ${run.requests} requests (${result.rss.growthPct}%), ${result.rss.rps} rps`);
  }
  result.apiPeakRssMb = round(sampler.peakKb / 1024, 1);
  if (profiling) await profiling;

  // Sanity: every session the bench created is ACTIVE (nothing failed silently).
  await countSessions();
  result.sessionsByStatus = [...sessionCounts].sort().map(([key, n]) => {
    const [name, status] = key.split('\t');
    return { name, status, n };
  });
  const notActive = result.sessionsByStatus.filter((row) => row.status !== 'ACTIVE' && row.name !== 'bench-profile');
  if (notActive.length) throw new Error(`INVALID BENCH: sessions not ACTIVE: ${JSON.stringify(notActive)}`);

  // 9. Stop the API (SIGINT: it shuts down gracefully and exits) and the floor.
  sampler.stop();
  const shutdownStart = Date.now();
  const [apiExit] = await Promise.all([stopChild(api.entry, 'SIGINT', 15_000), stopChild(floorProc.entry, 'SIGTERM')]);
  result.apiShutdown = { ...apiExit, ms: Date.now() - shutdownStart };
  log(`API stopped with SIGINT: ${JSON.stringify(result.apiShutdown)}`);
  if (apiExit.signal === 'SIGKILL') throw new Error(`API had to be killed after SIGINT: ${JSON.stringify(result.apiShutdown)}; stderr: ${api.entry.stderr.slice(-5).join(' | ')}`);
  result.apiLogLines = apiLogLines.length;
  result.apiLogSample = apiLogLines.slice(0, 5);

  // 10. Report.
  result.elapsedS = round((Date.now() - started) / 1000, 1);
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

/**
 * CPU time (ms, user+system) of one process, and per PID of the embedded Postgres and its backends
 * (backends come and go with the pools: cpuDelta() only counts PIDs alive at the end).
 */
function processCpu(pid, postgresPid) {
  const read = (p) => {
    const text = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ms: (Number(rest[11]) + Number(rest[12])) * TICK_MS };
  };
  let target = null;
  try {
    target = read(pid).ms;
  } catch {
    /* gone */
  }
  let db = null;
  if (postgresPid) {
    db = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const st = read(entry);
        if (Number(entry) === postgresPid || st.ppid === postgresPid) db.set(Number(entry), st.ms);
      } catch {
        /* exited */
      }
    }
  }
  return { target, db };
}
function dbCpuDelta(before, after) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, value] of after) ms += value - (before.get(pid) ?? 0);
  return ms;
}
const TICK_MS = 10; // USER_HZ = 100 on Linux

/**
 * CPU counters (jiffies): the whole machine (/proc/stat) and the bench's own process tree (this
 * process, its children and the embedded Postgres' backends), to tell how much CPU *other*
 * programs took during a measurement (the machine is shared).
 */
function cpuTimes() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] || 0);
    const steal = fields[7] || 0;
    const total = fields.reduce((a, b) => a + b, 0);
    const stats = new Map();
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(pid), { ppid: Number(rest[1]), jiffies: Number(rest[11]) + Number(rest[12]) });
      } catch {
        /* exited */
      }
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, st] of stats) {
        if (!ours.has(pid) && ours.has(st.ppid)) {
          ours.add(pid);
          grew = true;
        }
      }
    }
    const own = new Map();
    for (const pid of ours) own.set(pid, stats.get(pid)?.jiffies ?? 0);
    return { busy: total - idle, total, own, steal };
  } catch {
    return null;
  }
}
/** Share of all cores (in %) used by programs outside the bench between two cpuTimes(). */
/** Share (in %) of the machine's time the hypervisor gave to other guests ("steal") between two cpuTimes(). */
function stealPct(before, after) {
  if (!before || !after || after.total === before.total) return null;
  return round((100 * (after.steal - before.steal)) / (after.total - before.total), 1);
}
function otherCpuPct(before, after) {
  if (!before || !after || after.total === before.total) return null;
  // Per PID: a process of ours that exited in between (e.g. a Postgres backend closed by a pool)
  // is simply not counted, which can only overstate "other", slightly.
  let ownDelta = 0;
  for (const [pid, jiffies] of after.own) ownDelta += jiffies - (before.own.get(pid) ?? 0);
  const machineDelta = after.busy - before.busy;
  return round(Math.max(0, (100 * (machineDelta - ownDelta)) / (after.total - before.total)), 1);
}

/**
 * Waits (at most 8 s, and within the run's budget) for a 0.5 s window in which programs outside the
 * bench use less than NOISY_PCT of the machine. Returns the seconds waited.
 */
async function waitForQuiet(budget) {
  let waited = 0;
  while (budget.quietWaitS > 0 && waited < 8) {
    const before = cpuTimes();
    await sleep(500);
    const other = otherCpuPct(before, cpuTimes());
    if (other === null || other <= NOISY_PCT) break;
    waited += 0.5;
    budget.quietWaitS -= 0.5;
    if (waited === 1) log(`other programs are using ${other}% of the machine; waiting for it to calm down`);
  }
  return waited;
}

function recentMaxKb(samples, ms) {
  if (samples.length === 0) return null;
  const last = samples[samples.length - 1][0];
  return Math.max(...samples.filter(([time]) => time >= last - ms).map(([, kb]) => kb));
}

function secondHalfGrowth(samples) {
  if (samples.length < 8) return null;
  const mid = Math.floor(samples.length / 2);
  // Medians of the samples around the middle and at the end, to smooth GC sawtooth.
  const around = (i) => median(samples.slice(Math.max(0, i - 4), i + 4).map(([, kb]) => kb));
  const start = around(mid);
  const end = median(samples.slice(-8).map(([, kb]) => kb));
  return round((100 * (end - start)) / start, 1);
}

/** Growth (in %) of the least-squares line through [time, kB] samples, from the first to the last sample's time. */
function trendGrowth(samples) {
  if (samples.length < 8) return null;
  const t0 = samples[0][0];
  const xs = samples.map(([time]) => (time - t0) / 1000);
  const ys = samples.map(([, kb]) => kb);
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  const start = my - slope * mx;
  const end = start + slope * xs[xs.length - 1];
  return round((100 * (end - start)) / start, 1);
}

function thin(samples, n) {
  if (samples.length <= n) return samples;
  const step = samples.length / n;
  const out = [];
  for (let i = 0; i < n; i++) out.push(samples[Math.floor(i * step)]);
  out.push(samples[samples.length - 1]);
  return out;
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
    worstCreateC16C64ThroughputRatioDiffPct: Math.max(...cells.filter((c) => (c.scenario === 'nuvei' || c.scenario === 'paytm') && c.concurrency >= 16).map((c) => c.throughputRatioDiffPct)),
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

// ---------------------------------------------------------------------------------------------
// Lifecycle: every child is stopped by PID on success, failure, SIGINT and SIGTERM.

const state = { database: null, cleaning: null };

function cleanup() {
  return (state.cleaning ??= (async () => {
    for (const instance of running) instance.stop();
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
