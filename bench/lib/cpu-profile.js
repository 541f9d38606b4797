'use strict';
/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and computes self time per function, optionally
 * restricted to a time window, with bundled API code mapped back to its TypeScript source through
 * dist/apps/api/main.js.map.
 */
const fs = require('node:fs');
const path = require('node:path');
const { SourceMap } = require('node:module');

const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function loadSourceMap(file) {
  try {
    return new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  } catch {
    return null;
  }
}

/** Bucket a URL: an npm package, our code (by source directory), Node internals, or native. */
function bucketOf(url, source) {
  if (source) {
    const m = /(?:apps|libs)\/[^/]+(?:\/[^/]+)?\/src\/(?:lib\/)?([^/]+)/.exec(source);
    if (/node_modules\//.test(source)) return `npm:${packageOf(source)}`;
    return `ours:${m ? source.replace(/^.*?((?:apps|libs)\/.*)$/, '$1').split('/').slice(0, -1).join('/') : source}`;
  }
  if (!url) return 'native/V8';
  if (url.startsWith('node:')) return 'node-internals';
  if (/node_modules\//.test(url)) return `npm:${packageOf(url)}`;
  return url;
}
function packageOf(url) {
  const after = url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const parts = after.split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * @param file the .cpuprofile
 * @param opts.windowUs [startUs, endUs] in the profiled process's monotonic clock (µs), optional
 * @param opts.root workspace root (to shorten URLs)
 * @param opts.bundle absolute path of the API bundle the profile ran (its .map next to it)
 * @param opts.mapBase directory the map's relative `sources` are relative to (default: the bundle's)
 */
function analyseProfile(file, { windowUs, root, bundle, mapBase, top = 5 } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const { samples, timeDeltas } = profile;
  const selfUs = new Map();
  let t = profile.startTime;
  const stamps = new Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    stamps[i] = t;
  }
  let totalUs = 0;
  for (let i = 0; i < samples.length; i++) {
    const end = i + 1 < samples.length ? stamps[i + 1] : profile.endTime;
    const start = stamps[i];
    let duration = end - start;
    if (windowUs) {
      const lo = Math.max(start, windowUs[0]);
      const hi = Math.min(end, windowUs[1]);
      duration = hi - lo;
      if (duration <= 0) continue;
    }
    totalUs += duration;
    selfUs.set(samples[i], (selfUs.get(samples[i]) || 0) + duration);
  }
  const map = bundle ? loadSourceMap(bundle) : null;
  const bundleUrl = bundle ? `file://${bundle}` : null;
  const functions = new Map();
  const buckets = new Map();
  let idleUs = 0;
  const pseudo = {};
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    if (PSEUDO.has(name) && !callFrame.url) {
      pseudo[name] = (pseudo[name] || 0) + us;
      if (name === '(idle)') idleUs += us;
      continue;
    }
    let source = null;
    let line = callFrame.lineNumber + 1;
    let location = callFrame.url;
    if (map && (callFrame.url === bundleUrl || callFrame.url === bundle)) {
      const entry = map.findEntry(callFrame.lineNumber, callFrame.columnNumber);
      if (entry && entry.originalSource) {
        source = path.relative(root, path.resolve(mapBase || path.dirname(bundle), entry.originalSource.replace(/^file:\/\//, '')));
        line = entry.originalLine + 1;
        location = source;
      }
    }
    if (!source && location.startsWith('file://')) location = location.slice('file://'.length);
    if (root && location.startsWith(root)) location = path.relative(root, location);
    const key = `${name}\u0000${location}:${line}`;
    const current = functions.get(key) || { function: name, location: `${location || '(native)'}:${line}`, selfUs: 0 };
    current.selfUs += us;
    functions.set(key, current);
    const bucket = bucketOf(callFrame.url, source);
    buckets.set(bucket, (buckets.get(bucket) || 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const fmt = (us) => Math.round(us / 10) / 100;
  const pct = (us, of) => (of > 0 ? Math.round((1000 * us) / of) / 10 : 0);
  const sorted = [...functions.values()].sort((a, b) => b.selfUs - a.selfUs);
  return {
    file: root ? path.relative(root, file) : file,
    windowMs: fmt(totalUs),
    busyMs: fmt(busyUs),
    idleMs: fmt(idleUs),
    pseudo: Object.fromEntries(Object.entries(pseudo).map(([k, us]) => [k, { ms: fmt(us), pctOfBusy: k === '(idle)' ? null : pct(us, busyUs) }])),
    top: sorted.slice(0, top).map((f) => ({ function: f.function, location: f.location, selfMs: fmt(f.selfUs), pctOfBusy: pct(f.selfUs, busyUs), pctOfWindow: pct(f.selfUs, totalUs) })),
    topOurs: sorted
      .filter((f) => /^(apps|libs)\//.test(f.location))
      .slice(0, top)
      .map((f) => ({ function: f.function, location: f.location, selfMs: fmt(f.selfUs), pctOfBusy: pct(f.selfUs, busyUs) })),
    top20: sorted.slice(0, 20).map((f) => ({ function: f.function, location: f.location, selfMs: fmt(f.selfUs), pctOfBusy: pct(f.selfUs, busyUs) })),
    // All of apps/ and libs/ together: byBucket lists only the largest 15 directories and packages.
    oursPctOfBusy: pct([...buckets.entries()].reduce((sum, [bucket, us]) => (bucket.startsWith('ours:') ? sum + us : sum), 0), busyUs),
    byBucket: [...buckets.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([bucket, us]) => ({ bucket, selfMs: fmt(us), pctOfBusy: pct(us, busyUs) })),
  };
}

module.exports = { analyseProfile };
