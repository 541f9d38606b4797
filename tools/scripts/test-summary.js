#!/usr/bin/env node
/**
 * Sums the per-project jest results written by tools/jest/results-reporter.js and prints the plain
 * `N passed, N failed` line CI reads. Exits non-zero when any test or suite failed or nothing ran.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../../tmp/test-results');

function collect(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return collect(full);
    return entry.name === 'results.json' ? [JSON.parse(fs.readFileSync(full, 'utf8'))] : [];
  });
}

const results = collect(root);
const total = results.reduce(
  (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, suitesFailed: acc.suitesFailed + r.suitesFailed }),
  { passed: 0, failed: 0, suitesFailed: 0 },
);
const lineOnly = process.argv.includes('--line-only');
for (const r of lineOnly ? [] : results.sort((a, b) => a.project.localeCompare(b.project))) {
  console.log(`  ${r.project}: ${r.passed} passed, ${r.failed} failed${r.suitesFailed ? `, ${r.suitesFailed} suites failed to run` : ''}`);
}
// A suite that fails to load has no failed tests but still counts as a failure.
const failed = total.failed + total.suitesFailed;
console.log(`${total.passed} passed, ${failed} failed`);
process.exit(failed > 0 || total.passed === 0 ? 1 : 0);
