#!/usr/bin/env node
/**
 * `npm test`: runs every project's jest target through Nx, then prints the real totals as a plain
 * `N passed, N failed` line (from tools/jest/results-reporter.js). Extra arguments go to Nx,
 * e.g. `npm test -- --projects=masking` or `npm test -- --skip-nx-cache`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
fs.rmSync(path.join(root, 'tmp/test-results'), { recursive: true, force: true });

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CHECKPOINT_DISABLE: '1' };
const nx = spawnSync('npx', ['nx', 'run-many', '-t', 'test', '--output-style=stream', '--parallel=2', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
const summary = spawnSync(process.execPath, [path.join(__dirname, 'test-summary.js')], { cwd: root, stdio: 'inherit' });
process.exit(nx.status !== 0 ? nx.status || 1 : summary.status ?? 1);
