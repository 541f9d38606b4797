'use strict';
/**
 * The bench's paths and tunables, read once from the environment (the defaults are the benchmark):
 * BENCH_WARMUP_S (3), BENCH_GLOBAL_WARMUP_S (30), BENCH_ROUNDS (4), BENCH_MEASURE_S (per round: 8 for
 * creates, 6 otherwise), BENCH_SLICE_S (1.5), BENCH_RSS_REQUESTS (50000), BENCH_RSS_WARMUP_S (20),
 * BENCH_PROFILE_S (8), BENCH_SEED_SESSIONS (6000 per target, the tables' size at the start of every
 * round), BENCH_CONCURRENCY ("1,16,64"), BENCH_SCENARIOS ("nuvei,paytm,replay,read", read by matrix.js; also "stored": Nuvei creates from the API merchant's default connector account, no x-connector-config),
 * BENCH_NOISY_PCT (12), BENCH_RETRIES (8), BENCH_QUIET_WAIT_S (90), BENCH_SKIP (comma list of: matrix,
 * rss, profile, multi), BENCH_LOG_LEVEL (the API's LOG_LEVEL: warn), BENCH_MULTI_WORKERS (available cores),
 * BENCH_MULTI_CONCURRENCY (64), BENCH_API_DIST (dist/apps/api), BENCH_SELF (api or floor: an A/A run, see below). BENCH_PIN (lib/cpu-affinity.js),
 * BENCH_CPU_LATENCY and BENCH_KEEP_BUILD (lib/stack.js) are read where they act.
 */
const path = require('node:path');

const BENCH_DIR = path.resolve(__dirname, '..');
const ROOT = path.resolve(BENCH_DIR, '..');
const RESULTS = path.join(BENCH_DIR, 'results');
const PROFILE_DIR = path.join(RESULTS, 'profile');
// BENCH_API_DIST: another API build to measure (an A/B of two builds, e.g. a copy of main's dist/apps/api).
const DIST_API = process.env.BENCH_API_DIST ? path.resolve(process.env.BENCH_API_DIST) : path.join(ROOT, 'dist/apps/api');
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
if (SELF) SKIP.add('rss').add('profile').add('multi'); // both measure the API process alone
const POOL_MAX = 10;
// BENCH_LOG_LEVEL=info prices the API's per-request logs (production usually logs at info).
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn';
// The multi-worker cell (BENCH_SKIP=multi skips it): the API with WEB_CONCURRENCY=MULTI_WORKERS against a
// floor with as many processes, both unpinned, Nuvei creates at MULTI_CONCURRENCY.
const MULTI_WORKERS = num('BENCH_MULTI_WORKERS', require('node:os').availableParallelism());
const MULTI_CONCURRENCY = num('BENCH_MULTI_CONCURRENCY', 64);
const FLOOR_MAIN = path.join(BENCH_DIR, 'floor.js');

module.exports = {
  ROOT,
  RESULTS,
  PROFILE_DIR,
  DIST_API,
  DIST_SIM,
  BUILD,
  API_DIR,
  API_MAIN,
  SIM_MAIN,
  WARMUP_S,
  GLOBAL_WARMUP_S,
  MEASURE_CREATE_S,
  MEASURE_OTHER_S,
  ROUNDS,
  MEASURE_OVERRIDE,
  SLICE_S,
  NOISY_PCT,
  RETRY_BUDGET,
  MAX_REMEASURES_PER_CELL,
  QUIET_WAIT_BUDGET_S,
  RSS_REQUESTS,
  PROFILE_S,
  RSS_WARMUP_S,
  SEED_SESSIONS,
  CONCURRENCY,
  SKIP,
  SELF,
  POOL_MAX,
  LOG_LEVEL,
  MULTI_WORKERS,
  MULTI_CONCURRENCY,
  FLOOR_MAIN,
};
