#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the API's createSessionToken overhead against a floor server doing the same job
 * with nothing but node:http + undici + pg. One run: Postgres, gateway simulator, API (production)
 * and floor as child processes on 127.0.0.1; autocannon matrix; RSS over 50,000 requests; a CPU
 * profile of the API under load; a table on stdout and bench/results/latest.json. See bench/README.md.
 *
 * Needs dist/apps/api and dist/apps/gateway-simulator (the npm script builds them first).
 * Tunables (env): BENCH_WARMUP_S (2), BENCH_MEASURE_S (6), BENCH_RSS_REQUESTS (50000), BENCH_PROFILE_S (8),
 * BENCH_CONCURRENCY ("1,16,64"), BENCH_SKIP (comma list of: matrix, rss, profile).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { startChild, runToCompletion, stopChild, stopAll, killAllSync } = require('./lib/processes');
const { startDatabase, withClient } = require('./lib/database');
const { analyseProfile } = require('./lib/cpu-profile');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');
const PROFILE_DIR = path.join(RESULTS, 'profile');
const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const SIM_MAIN = path.join(ROOT, 'dist/apps/gateway-simulator/main.js');
const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const WARMUP_S = num('BENCH_WARMUP_S', 2);
const MEASURE_S = num('BENCH_MEASURE_S', 6);
const RSS_REQUESTS = num('BENCH_RSS_REQUESTS', 50_000);
const PROFILE_S = num('BENCH_PROFILE_S', 8);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY || '1,16,64').split(',').map(Number);
const SKIP = new Set((process.env.BENCH_SKIP || '').split(',').filter(Boolean));
const POOL_MAX = 10;
const LOG_LEVEL = 'warn';

// Demo merchants of the gateway simulator (apps/gateway-simulator/src/demo-credentials.ts).
const NUVEI_CONFIG = JSON.stringify({ config: { Nuvei: { merchant_id: 'demo_nuvei_merchant', merchant_site_id: 'demo_site', merchant_secret: 'demo_nuvei_secret' } } });
const PAYTM_CONFIG = JSON.stringify({ config: { Paytm: { merchant_id: 'DEMOMID00000000000001', merchant_key: 'demoPaytmKey0001', website: 'WEBSTAGING' } } });

// The mutation of apps/api/src/testing/integration-harness.ts (every field a client may read).
const CREATE_SESSION_TOKEN = `
  mutation Create($input: CreateSessionTokenInput!) {
    createSessionToken(input: $input) {
      sessionToken
      statusCode
      replayed
      error {
        retryable
        source
        gatewayHttpStatus
        unifiedDetails { code message description userGuidanceMessage }
        connectorDetails { code message reason }
      }
      session {
        id merchantSessionId connector status testMode expiresAt createdAt attemptCount
        amount { minorAmount currency formatted }
      }
    }
  }
`;
const PAYMENT_SESSION = `
  query Session($id: ID!) {
    paymentSession(id: $id) {
      id merchantSessionId connector status testMode expiresAt createdAt attemptCount token
      amount { minorAmount currency formatted }
    }
  }
`;

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
  let firstBad = null;
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
        latencies.sort((a, b) => a - b);
        const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
        resolve({
          requests: latencies.length,
          durationS: result.duration,
          rps: latencies.length / result.duration,
          p50: q(0.5),
          p99: q(0.99),
          mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          firstBad,
        });
      },
    );
    running.add(instance);
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function assertClean(label, result) {
  const bad = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (bad > 0) {
    throw new Error(
      `INVALID BENCH: ${label}: ${result.non2xx} non-2xx, ${result.mismatches} GraphQL/body errors, ${result.errors} socket errors (${result.timeouts} timeouts). First bad body: ${result.firstBad}`,
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
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  for (const file of [API_MAIN, SIM_MAIN, path.join(ROOT, 'dist/apps/api/cli/migrate.js'), path.join(ROOT, 'dist/apps/api/cli/create-merchant.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npx nx run-many -t build -p api gateway-simulator" (npm run bench does it)`);
  }
  fs.mkdirSync(RESULTS, { recursive: true });

  // 1. Postgres, migrations, merchants.
  state.database = await startDatabase(log);
  const databaseUrl = state.database.databaseUrl;
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG || 'C.UTF-8' };
  await runToCompletion('migrate', [path.join(ROOT, 'dist/apps/api/cli/migrate.js')], { env: { ...baseEnv, DATABASE_URL: databaseUrl }, cwd: ROOT });
  const createMerchant = async (name) => {
    const out = await runToCompletion('create-merchant', [path.join(ROOT, 'dist/apps/api/cli/create-merchant.js'), '--name', name], { env: { ...baseEnv, DATABASE_URL: databaseUrl }, cwd: ROOT });
    return JSON.parse(out.filter((line) => line.trim()).pop());
  };
  const apiMerchant = await createMerchant('bench-api');
  const floorMerchant = await createMerchant('bench-floor');
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
  log(`floor pid ${floorProc.entry.pid} at ${floorProc.match[1]}`);

  const targets = {
    api: { name: 'api', url: api.url, apiKey: apiMerchant.apiKey, merchantId: apiMerchant.merchantId, replayIds: [], readIds: [] },
    floor: { name: 'floor', url: floorProc.match[1], apiKey: floorMerchant.apiKey, merchantId: floorMerchant.merchantId, replayIds: [], readIds: [] },
  };
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

  const refreshPools = async () => {
    await withClient(databaseUrl, async (client) => {
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
  await refreshPools();

  const result = {
    schema: 1,
    timestamp: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, totalMemoryBytes: os.totalmem(), os: `${os.type()} ${os.release()} ${os.arch()}`, loadAverageAtStart: os.loadavg() },
    node: process.version,
    settings: { warmupS: WARMUP_S, measureS: MEASURE_S, concurrency: CONCURRENCY, rssRequests: RSS_REQUESTS, profileS: PROFILE_S, apiLogLevel: LOG_LEVEL, databasePoolMax: POOL_MAX, database: state.database.description },
    responseBytes,
    matrix: [],
  };

  // 5. The matrix. For each cell: warm-up + measured run for each target; the target order
  //    alternates from cell to cell (A B, B A, ...) so slow drift (table growth) hits both equally.
  if (!SKIP.has('matrix')) {
    const scenarios = ['nuvei', 'paytm', 'replay', 'read'];
    let cellIndex = 0;
    for (const scenario of scenarios) {
      if (scenario === 'replay') await refreshPools();
      for (const connections of CONCURRENCY) {
        const order = cellIndex++ % 2 === 0 ? ['api', 'floor'] : ['floor', 'api'];
        const measured = {};
        for (const name of order) {
          const target = targets[name];
          const kinds = [target.kinds[scenario]];
          const warm = await load(target.url, kinds, { connections, durationS: WARMUP_S });
          assertClean(`${scenario} c${connections} ${name} warm-up`, warm);
          const run = await load(target.url, kinds, { connections, durationS: MEASURE_S });
          assertClean(`${scenario} c${connections} ${name}`, run);
          measured[name] = run;
        }
        const cell = {
          scenario,
          concurrency: connections,
          api: pick(measured.api),
          floor: pick(measured.floor),
          throughputRatio: measured.api.rps / measured.floor.rps,
          p99AddedMs: measured.api.p99 - measured.floor.p99,
          p99Ratio: measured.api.p99 / measured.floor.p99,
          p50AddedMs: measured.api.p50 - measured.floor.p50,
        };
        result.matrix.push(cell);
        log(
          `${scenario.padEnd(6)} c${String(connections).padEnd(3)} API ${cell.api.rps.toFixed(0)} rps p99 ${cell.api.p99.toFixed(2)} ms | floor ${cell.floor.rps.toFixed(0)} rps p99 ${cell.floor.p99.toFixed(2)} ms | ratio ${cell.throughputRatio.toFixed(3)}, +${cell.p99AddedMs.toFixed(2)} ms`,
        );
      }
    }
  }

  // 6. RSS growth over RSS_REQUESTS requests at concurrency 16: Nuvei creates mixed with replays
  //    and reads (create, create, replay, read, ...), after a warm-up of the same mix.
  if (!SKIP.has('rss')) {
    await refreshPools();
    const t = targets.api;
    const mix = [t.kinds.nuvei, t.kinds.nuvei, t.kinds.replay, t.kinds.read];
    const warm = await load(t.url, mix, { connections: 16, durationS: WARMUP_S });
    assertClean('rss warm-up', warm);
    await sleep(300);
    const afterWarmupKb = readRssKb(api.entry.pid);
    sampler.samples = [];
    sampler.recording = true;
    const runPeakBefore = sampler.peakKb;
    sampler.peakKb = 0;
    const run = await load(t.url, mix, { connections: 16, amount: RSS_REQUESTS });
    const endKb = readRssKb(api.entry.pid);
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
      mix: 'nuvei create, nuvei create, replay, paymentSession read (round robin)',
      durationS: run.durationS,
      rps: round(run.rps, 1),
      p50Ms: round(run.p50),
      p99Ms: round(run.p99),
      afterWarmupMb: round(afterWarmupKb / 1024, 1),
      endMb: round(endKb / 1024, 1),
      peakDuringRunMb: round(runPeakKb / 1024, 1),
      idle2sAfterMb: round(idleAfterKb / 1024, 1),
      growthPct: round((100 * (endKb - afterWarmupKb)) / afterWarmupKb, 1),
      timelineMb: thin(sampler.samples, 40).map(([time, kb]) => [round((time - sampler.samples[0][0]) / 1000, 1), round(kb / 1024, 1)]),
    };
    log(`rss: ${result.rss.afterWarmupMb} MB after warm-up -> ${result.rss.endMb} MB after ${run.requests} requests (${result.rss.growthPct}%), ${result.rss.rps} rps`);
  }
  result.apiPeakRssMb = round(sampler.peakKb / 1024, 1);

  // Sanity: every API session the bench created is ACTIVE (nothing failed silently).
  result.sessionsByStatus = await withClient(databaseUrl, async (client) => {
    const rows = await client.query(`SELECT m.name, s.status, count(*)::int AS n FROM payment_sessions s JOIN merchants m ON m.id = s.merchant_id GROUP BY 1, 2 ORDER BY 1, 2`);
    return rows.rows;
  });

  // 7. Stop the API gracefully (SIGINT must exit 0), then profile a fresh API process under load.
  sampler.stop();
  const apiExit = await stopChild(api.entry, 'SIGINT');
  result.apiShutdown = apiExit;
  if (apiExit.code !== 0) throw new Error(`API did not shut down cleanly on SIGINT: ${JSON.stringify(apiExit)}`);
  result.apiLogLines = apiLogLines.length;
  result.apiLogSample = apiLogLines.slice(0, 5);

  if (!SKIP.has('profile')) {
    fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const profiled = await startApi(['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]);
    const target = { ...targets.api, url: profiled.url };
    const kinds = [requestKinds(target).nuvei];
    const warm = await load(target.url, kinds, { connections: 16, durationS: WARMUP_S });
    assertClean('profile warm-up', warm);
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const run = await load(target.url, kinds, { connections: 16, durationS: PROFILE_S });
    const endUs = Number(process.hrtime.bigint() / 1000n);
    assertClean('profile run', run);
    const exit = await stopChild(profiled.entry, 'SIGINT');
    if (exit.code !== 0) throw new Error(`profiled API did not exit 0 on SIGINT: ${JSON.stringify(exit)}`);
    const file = fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(PROFILE_DIR, f))[0];
    if (!file) throw new Error('no .cpuprofile was written');
    // V8 profile timestamps and process.hrtime share CLOCK_MONOTONIC on Linux: keep only the measured window.
    const profile = analyseProfile(file, { windowUs: [startUs, endUs], root: ROOT, bundle: API_MAIN });
    result.profile = { scenario: 'nuvei create', concurrency: 16, seconds: PROFILE_S, rps: round(run.rps, 1), p99Ms: round(run.p99), ...profile };
  }

  // 8. Report.
  await stopChild(floorProc.entry, 'SIGTERM');
  result.elapsedS = round((Date.now() - started) / 1000, 1);
  const latestFile = path.join(RESULTS, 'latest.json');
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
  if (previous) fs.writeFileSync(path.join(RESULTS, 'previous.json'), `${JSON.stringify(previous, null, 2)}\n`);
  printReport(result);
  log(`wrote ${path.relative(ROOT, latestFile)} in ${result.elapsedS} s`);
}

function pick(run) {
  return { rps: round(run.rps, 1), p50: round(run.p50, 3), p99: round(run.p99, 3), mean: round(run.mean, 3), requests: run.requests, durationS: run.durationS, errors: run.errors + run.non2xx + run.mismatches };
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
    });
  }
  const worstThroughput = Math.max(...cells.map((c) => c.throughputRatioDiffPct));
  const worstP99 = Math.max(...cells.map((c) => c.p99RatioDiffPct));
  return {
    previousTimestamp: previous.timestamp,
    cells,
    worstThroughputRatioDiffPct: worstThroughput,
    worstP99RatioDiffPct: worstP99,
    throughputRatiosWithin15Pct: worstThroughput <= 15,
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
  out.push(`${result.machine.cpus} x ${result.machine.cpuModel}, ${(result.machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, ${result.machine.os}, Node ${result.node}, commit ${result.gitCommit || '?'}`);
  out.push(`${result.settings.database}; API NODE_ENV=production LOG_LEVEL=${result.settings.apiLogLevel}; pools ${result.settings.databasePoolMax}; warm-up ${result.settings.warmupS} s, measured ${result.settings.measureS} s per cell`);
  out.push(`answer bytes (create): API ${JSON.stringify(result.responseBytes.api)}, floor ${JSON.stringify(result.responseBytes.floor)}`);
  out.push('');
  if (result.matrix.length) {
    out.push(matrixTable(result.matrix));
    out.push('rps = requests/s; latency in ms (client side, loopback); "p99 +ms" = API p99 - floor p99.');
  }
  if (result.comparedWithPrevious) {
    const c = result.comparedWithPrevious;
    out.push('');
    out.push(`vs previous run (${c.previousTimestamp}): worst throughput-ratio change ${c.worstThroughputRatioDiffPct}% (${c.throughputRatiosWithin15Pct ? 'within' : 'NOT within'} 15%), worst p99-ratio change ${c.worstP99RatioDiffPct}%`);
    for (const cell of c.cells) {
      out.push(`  ${cell.scenario.padEnd(6)} c${String(cell.concurrency).padEnd(3)} rps ratio ${cell.throughputRatio[0]} -> ${cell.throughputRatio[1]} (${cell.throughputRatioDiffPct}%), p99 ratio ${cell.p99Ratio[0]} -> ${cell.p99Ratio[1]} (${cell.p99RatioDiffPct}%)`);
    }
  }
  out.push('');
  out.push(`API peak RSS: ${result.apiPeakRssMb} MB`);
  if (result.rss) {
    const r = result.rss;
    out.push(`RSS over ${r.requests} requests (c16, ${r.mix}): ${r.afterWarmupMb} MB after warm-up -> ${r.endMb} MB at the end = ${r.growthPct >= 0 ? '+' : ''}${r.growthPct}% (peak ${r.peakDuringRunMb} MB, ${r.idle2sAfterMb} MB 2 s later); ${r.rps} rps, p99 ${r.p99Ms} ms, ${r.durationS} s`);
  }
  if (result.profile) {
    const p = result.profile;
    out.push('');
    out.push(`CPU profile of the API (${p.scenario}, c${p.concurrency}, ${p.seconds} s window, ${p.rps} rps): busy ${p.busyMs} ms of ${p.windowMs} ms; GC ${p.pseudo['(garbage collector)']?.pctOfBusy ?? 0}%, (program) ${p.pseudo['(program)']?.pctOfBusy ?? 0}% of busy`);
    out.push('top-5 self time:');
    p.top.forEach((f, i) => out.push(`  ${i + 1}. ${f.function}  ${f.location}  ${f.selfMs} ms  ${f.pctOfBusy}% of busy`));
    out.push('self time by package / source directory:');
    p.byBucket.slice(0, 8).forEach((b) => out.push(`  ${b.bucket.padEnd(60)} ${String(b.selfMs).padStart(8)} ms  ${b.pctOfBusy}%`));
    out.push(`profile: ${p.file}`);
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
    state.cleaned = true;
  })());
}

process.on('exit', () => {
  killAllSync();
  if (state.database && state.database.killSync && !state.cleaned) state.database.killSync();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
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
    process.stderr.write(`\nBENCH FAILED: ${error && error.stack ? error.stack : error}\n`);
    await cleanup();
    process.exit(1);
  },
);
