'use strict';
/** The processes under test: CPU placement, the build copy, Postgres, simulator, API and floor, and their shutdown. */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { API_DIR, API_MAIN, BUILD, DIST_API, DIST_SIM, FLOOR_MAIN, LOG_LEVEL, POOL_MAX, RESULTS, ROOT, SELF, SIM_MAIN } = require('./settings');
const { log } = require('./util');
const { startChild, runToCompletion, stopChild } = require('./processes');
const { startDatabase } = require('./database');
const { holdZeroCpuLatency, notHeld } = require('./cpu-latency');
const { pinTree, placement } = require('./cpu-affinity');
const { createStoredAccount, requestKinds } = require('./requests');
const { rssSampler } = require('./rss');

/** CPU wake-up latency and placement (recorded in `state`); returns the function that pins a server to its CPU. */
function prepareMachine(state) {
  // BENCH_CPU_LATENCY=default leaves the machine's idle states alone (see lib/cpu-latency.js).
  state.cpuLatency = process.env.BENCH_CPU_LATENCY === 'default' ? notHeld('BENCH_CPU_LATENCY=default') : holdZeroCpuLatency();
  log(state.cpuLatency.held ? 'holding a 0 µs CPU wake-up latency request (/dev/cpu_dma_latency) for the run' : `CPU idle states left as they are (${state.cpuLatency.reason})`);
  // Everything the bench starts inherits the "others" CPUs; the API and the floor move to the server's CPU.
  state.placement = placement();
  if (state.placement.server !== null) pinTree(process.pid, state.placement.others);
  log(state.placement.server !== null ? `server under test on CPU ${state.placement.server}; load generator, simulator and embedded Postgres on CPU ${state.placement.others}` : `CPU placement left to the scheduler (${state.placement.reason})`);
  return (pid) => state.placement.server !== null && pinTree(pid, state.placement.server);
}

/** Copies dist/ to bench/results/build (unless BENCH_KEEP_BUILD=1) and returns the API bundle's sha256. */
function copyBuild() {
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
  return crypto.createHash('sha256').update(fs.readFileSync(API_MAIN)).digest('hex');
}

/** Postgres (in `state.database`), migrations, merchants, the gateway simulator, the API and the floor. */
async function startStack(state, pinServer) {
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
    GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(POOL_MAX),
    ENCRYPTION_KEY: encryptionKey,
    NUVEI_BASE_URL: nuveiBaseUrl,
    PAYTM_BASE_URL: paytmBaseUrl,
    LOG_LEVEL,
    // One process on one core against one floor process (the per-core ratio); the multi-worker cell
    // (lib/multi.js) starts its own API with more.
    WEB_CONCURRENCY: '1',
    // The bench measures the API's cost per request, not the per-merchant rate limit (README, Rate
    // limits): one merchant drives hundreds of creates per second, far above the default 100/s.
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '1000000',
  };
  const apiLogLines = [];
  const onApiStderr = (line) => {
    apiLogLines.push(line);
    if (apiLogLines.length <= 5) log(`api stderr: ${line.slice(0, 300)}`);
  };
  // `pin: false` leaves the process (and its workers) on every CPU: the multi-worker cell.
  const startApi = async (extraArgs = [], extraEnv = {}, { pin = true, name = 'api' } = {}) => {
    const { entry, match } = await startChild(name, [...extraArgs, API_MAIN], { env: { ...apiEnv, ...extraEnv }, ready: /GraphQL API ready at (\S+)/, cwd: ROOT, onStderr: onApiStderr });
    if (pin) pinServer(entry.pid);
    return { entry, url: match[1] };
  };
  const api = await startApi();
  const sampler = rssSampler(api.entry.pid);
  log(`API pid ${api.entry.pid} at ${api.url} (NODE_ENV=production, LOG_LEVEL=${LOG_LEVEL}, pool ${POOL_MAX})`);
  const floorEnv = { ...baseEnv, DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: String(POOL_MAX), FLOOR_MERCHANT_ID: floorMerchant.merchantId, NUVEI_BASE_URL: nuveiBaseUrl, PAYTM_BASE_URL: paytmBaseUrl, ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64') };
  const startFloor = (extraEnv = {}, name = 'floor') =>
    startChild(name, [FLOOR_MAIN], {
      env: { ...floorEnv, ...extraEnv },
      ready: /FLOOR ready at (\S+)/,
      cwd: ROOT,
      onStderr: (line) => log(`${name} stderr: ${line.slice(0, 300)}`),
    });
  const floorProc = await startFloor();
  pinServer(floorProc.entry.pid);
  log(`floor pid ${floorProc.entry.pid} at ${floorProc.match[1]}`);

  const targets = {
    api: { name: 'api', pid: api.entry.pid, url: api.url, apiKey: apiMerchant.apiKey, merchantId: apiMerchant.merchantId, replayIds: [], readIds: [] },
    floor: { name: 'floor', pid: floorProc.entry.pid, url: floorProc.match[1], apiKey: floorMerchant.apiKey, merchantId: floorMerchant.merchantId, replayIds: [], readIds: [] },
  };
  const storedAccountId = await createStoredAccount(targets.api);
  log(`API merchant's default Nuvei connector account ${storedAccountId} (the stored scenario)`);
  if (SELF) {
    for (const name of ['api', 'floor']) targets[name] = { ...targets[SELF], name, replayIds: [], readIds: [] };
    log(`BENCH_SELF=${SELF}: both sides of every cell are the ${SELF}`);
  }
  for (const target of Object.values(targets)) target.kinds = requestKinds(target);

  return { databaseUrl, api, sampler, floorProc, startApi, startFloor, apiLogLines, profileMerchant, targets };
}

/** One request of each kind per target, to check both work and compare answer sizes; returns the answer sizes. */
async function smoke(targets) {
  const responseBytes = {};
  for (const target of Object.values(targets)) {
    responseBytes[target.name] = {};
    for (const kind of ['nuvei', 'paytm', 'stored']) {
      const k = target.kinds[kind];
      const res = await fetch(target.url, { method: 'POST', headers: k.headers, body: k.body() });
      const text = await res.text();
      if (res.status !== 200 || !k.verify(text)) throw new Error(`smoke ${target.name} ${kind} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
      responseBytes[target.name][kind] = Buffer.byteLength(text);
    }
  }
  log(`smoke OK; create answer bytes API ${JSON.stringify(responseBytes.api)} floor ${JSON.stringify(responseBytes.floor)}`);
  return responseBytes;
}

/** Stops the API (SIGINT: it shuts down gracefully and exits) and the floor; records the API's exit and log lines. */
async function stopServers({ api, sampler, floorProc, apiLogLines }, result) {
  sampler.stop();
  const shutdownStart = Date.now();
  const [apiExit] = await Promise.all([stopChild(api.entry, 'SIGINT', 15_000), stopChild(floorProc.entry, 'SIGTERM')]);
  result.apiShutdown = { ...apiExit, ms: Date.now() - shutdownStart };
  log(`API stopped with SIGINT: ${JSON.stringify(result.apiShutdown)}`);
  if (apiExit.signal === 'SIGKILL') throw new Error(`API had to be killed after SIGINT: ${JSON.stringify(result.apiShutdown)}; stderr: ${api.entry.stderr.slice(-5).join(' | ')}`);
  result.apiLogLines = apiLogLines.length;
  result.apiLogSample = apiLogLines.slice(0, 5);
}

module.exports = { prepareMachine, copyBuild, startStack, smoke, stopServers };
