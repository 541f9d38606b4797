'use strict';
/**
 * CPU profile: a separate API process with --cpu-prof, Nuvei creates at concurrency 16. Its shutdown
 * (SIGINT writes the profile) overlaps the RSS run: `finished` resolves once result.profile is set.
 */
const fs = require('node:fs');
const path = require('node:path');
const { API_MAIN, DIST_API, PROFILE_DIR, PROFILE_S, ROOT, WARMUP_S } = require('./settings');
const { log, round } = require('./util');
const { stopChild } = require('./processes');
const { analyseProfile } = require('./cpu-profile');
const { requestKinds } = require('./requests');
const { load, summarize, assertClean } = require('./load');
const { cpuTimes, otherCpuPct, waitForQuiet } = require('./cpu-usage');

async function startProfile({ startApi, targets, profileMerchant, budget, result }) {
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
  const profiling = stopChild(profiled.entry, 'SIGINT', 15_000).then((exit) => {
    const shutdown = { ...exit, ms: Date.now() - stopAt };
    log(`profiled API stopped with SIGINT: ${JSON.stringify(shutdown)}`);
    if (exit.signal === 'SIGKILL') throw new Error(`profiled API had to be killed (no profile written): ${JSON.stringify(shutdown)}`);
    const file = fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(PROFILE_DIR, f))[0];
    if (!file) throw new Error('no .cpuprofile was written');
    // V8 profile timestamps and process.hrtime share CLOCK_MONOTONIC on Linux: keep only the measured window.
    const profile = analyseProfile(file, { windowUs: [startUs, endUs], root: ROOT, bundle: API_MAIN, mapBase: DIST_API });
    result.profile = { scenario: 'nuvei create', concurrency: 16, seconds: PROFILE_S, rps: round(run.rps, 1), p99Ms: round(run.p99), otherCpuPct: other, shutdown, ...profile };
  });
  profiling.catch(() => undefined); // awaited by the caller
  // Not returned bare: an async function would adopt the promise, and the caller would wait for the
  // shutdown instead of overlapping it with the RSS run.
  return { finished: profiling };
}

module.exports = { startProfile };
