'use strict';
/** RSS of the API (VmRSS from /proc/<pid>/status every 250 ms) and the RSS-growth phase. */
const fs = require('node:fs');
const { RSS_REQUESTS, RSS_WARMUP_S } = require('./settings');
const { log, sleep, round, median } = require('./util');
const { load, summarize, assertClean } = require('./load');
const { cpuTimes, otherCpuPct } = require('./cpu-usage');

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

/**
 * RSS growth over RSS_REQUESTS requests at concurrency 16: Nuvei creates mixed with replays and reads
 * (create, replay, read, create, ...), after a warm-up of the same mix. Sets result.rss.
 */
async function runRss({ api, sampler, targets, tables, result }) {
  await tables.refreshPools();
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

module.exports = { readRssKb, rssSampler, runRss };
