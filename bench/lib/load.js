'use strict';
/** Load generation (autocannon) and the merging and checking of its runs. */
const autocannon = require('autocannon');
const { sleep, round } = require('./util');

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

/** Stops every autocannon run still going (on failure or a signal). */
function stopLoads() {
  for (const instance of running) instance.stop();
}

module.exports = { load, sliceRps, drain, summarize, assertClean, stopLoads };
