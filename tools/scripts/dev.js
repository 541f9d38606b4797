#!/usr/bin/env node
/**
 * `npm run dev`: builds and starts the gateway simulator, then the API pointed at it (embedded
 * Postgres unless DATABASE_URL is set). Ctrl-C stops both (the API stops its embedded Postgres).
 * With the embedded database, the development merchant gets a default demo connector account per
 * simulator merchant (dev-demo-accounts.js), so no x-connector-config header is needed.
 */
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { demoConfigOf, ensureDemoAccounts } = require('./dev-demo-accounts');

const root = path.resolve(__dirname, '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'gateway-simulator', '--output-style=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

const children = [];
function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  setTimeout(() => process.exit(code), 5000).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const simulator = spawn(process.execPath, ['dist/apps/gateway-simulator/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
children.push(simulator);
const urls = {};
const demos = [];
readline.createInterface({ input: simulator.stdout }).on('line', (line) => {
  process.stdout.write(`[simulator] ${line}\n`);
  // The Apple Pay lines (emulated endpoint over mutual TLS, the CA file to trust) come right after Paytm's.
  const match = /^(NUVEI_BASE_URL|PAYTM_BASE_URL|APPLE_PAY_BASE_URL|APPLE_PAY_CA_FILE)=(\S+)/.exec(line);
  if (match) urls[match[1]] = match[2];
  const demo = demoConfigOf(line);
  if (demo) demos.push(demo);
  if (urls.NUVEI_BASE_URL && urls.PAYTM_BASE_URL && urls.APPLE_PAY_BASE_URL && urls.APPLE_PAY_CA_FILE && children.length === 1) {
    const api = spawn(process.execPath, ['dist/apps/api/main.js'], { cwd: root, env: { ...env, ...urls }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(api);
    let apiUrl;
    readline.createInterface({ input: api.stdout }).on('line', (apiLine) => {
      process.stdout.write(`${apiLine}\n`);
      apiUrl = /GraphQL API ready at (\S+)/.exec(apiLine)?.[1] ?? apiUrl;
      const key = /Authorization: Bearer (\S+)/.exec(apiLine)?.[1];
      if (apiUrl && key) {
        ensureDemoAccounts(apiUrl.replace('//localhost:', '//127.0.0.1:'), key, demos).then(
          (created) => process.stdout.write(`[dev] demo connector accounts: ${created.length ? `created ${created.join(', ')}` : 'already there'} (no x-connector-config needed)\n`),
          (error) => process.stderr.write(`[dev] could not create the demo connector accounts: ${error.message}\n`),
        );
      }
    });
    api.on('exit', (code) => stopAll(code ?? 0));
  }
});
simulator.on('exit', (code) => stopAll(code ?? 0));
