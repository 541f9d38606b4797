/**
 * Jest globalSetup: one throw-away database (migrated with the built `migrate.js`), one gateway
 * simulator, one API process and one merchant, handed to the specs through `tmp/e2e-env.json`.
 * Everything started here is stopped by PID in global-teardown.ts, or here if setup fails half way.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIST, E2E_ENV_FILE, E2E_LOG_DIR, E2E_TMP_DIR, WORKSPACE_ROOT } from './paths';
import { platformDatabase, type TestDatabase } from './platform-database';
import { runToCompletion } from './processes';
import { apiEnvironment, assertBuilt, baseChildEnv, startApi, startSimulator, type ApiProcess, type E2eEnv, type SimulatorProcess } from './stack';

/** What teardown must stop; kept on globalThis (setup and teardown share the runner process). */
export interface E2eState {
  database?: TestDatabase;
  simulator?: SimulatorProcess;
  api?: ApiProcess;
}

export const STATE_KEY = '__API_E2E_STATE__';

/** Stops everything in `state`, API first, database last. Never throws; returns the problems. */
export async function stopAll(state: E2eState): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (state.api) await attempt('stop API', () => (state.api as ApiProcess).proc.stop());
  if (state.simulator) await attempt('stop simulator', () => (state.simulator as SimulatorProcess).proc.stop());
  if (state.database) await attempt('drop database', () => (state.database as TestDatabase).drop());
  return problems;
}

export default async function globalSetup(): Promise<void> {
  assertBuilt();
  rmSync(E2E_LOG_DIR, { recursive: true, force: true });
  mkdirSync(E2E_LOG_DIR, { recursive: true });
  rmSync(E2E_ENV_FILE, { force: true });
  const state: E2eState = {};
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;
  const started = Date.now();
  try {
    // DATABASE_URL's server, or an embedded Postgres (its log in embedded-postgres.log); migrated below
    // by the built migrate.js, which is part of what this suite tests.
    const pgLog = path.join(E2E_LOG_DIR, 'embedded-postgres.log');
    state.database = await platformDatabase().createTestDatabase('e2e', {
      migrate: false,
      settings: { fsync: 'off', max_connections: '200' },
      log: (line) => appendFileSync(pgLog, `${line}\n`),
    });
    const { databaseUrl } = state.database;
    await runToCompletion({ name: 'migrate', script: DIST.migrate, env: { ...baseChildEnv(), DATABASE_URL: databaseUrl }, cwd: WORKSPACE_ROOT, logDir: E2E_LOG_DIR });

    state.simulator = await startSimulator(E2E_LOG_DIR);
    const merchantRun = await runToCompletion({
      name: 'create-merchant',
      script: DIST.createMerchant,
      args: ['--name', 'e2e-merchant'],
      env: { ...baseChildEnv(), DATABASE_URL: databaseUrl },
      cwd: WORKSPACE_ROOT,
      logDir: E2E_LOG_DIR,
    });
    const lastLine = merchantRun.stdout().trim().split('\n').pop() ?? '';
    const merchant = JSON.parse(lastLine) as { merchantId: string; apiKey: string; publishableKey: string };
    if (!merchant.merchantId || !merchant.apiKey || !merchant.publishableKey) throw new Error(`create-merchant printed no merchant: ${lastLine}`);

    const apiEnv = apiEnvironment({
      databaseUrl,
      nuveiBaseUrl: state.simulator.nuveiBaseUrl,
      paytmBaseUrl: state.simulator.paytmBaseUrl,
      paypalBaseUrl: state.simulator.paypalBaseUrl,
      encryptionKey: randomBytes(32).toString('base64'),
      applePay: state.simulator.applePay,
    });
    state.api = await startApi('api', apiEnv, E2E_LOG_DIR);

    const env: E2eEnv = {
      logDir: E2E_LOG_DIR,
      apiUrl: state.api.url,
      apiPid: state.api.proc.pid,
      simulatorUrl: state.simulator.url,
      simulatorPid: state.simulator.proc.pid,
      nuveiBaseUrl: state.simulator.nuveiBaseUrl,
      paytmBaseUrl: state.simulator.paytmBaseUrl,
      paypalBaseUrl: state.simulator.paypalBaseUrl,
      nuveiConnectorConfig: state.simulator.nuveiConnectorConfig,
      paytmConnectorConfig: state.simulator.paytmConnectorConfig,
      paypalConnectorConfig: state.simulator.paypalConnectorConfig,
      applePay: state.simulator.applePay,
      databaseUrl,
      databaseName: state.database.name,
      adminUrl: state.database.adminUrl,
      ...(state.database.embedded ? { embeddedPostgres: { pid: state.database.embedded.pid, dir: state.database.embedded.dataDir } } : {}),
      merchant,
      apiEnv,
    };
    mkdirSync(E2E_TMP_DIR, { recursive: true });
    writeFileSync(E2E_ENV_FILE, JSON.stringify(env, null, 2) + '\n', { mode: 0o600 });
    process.env['API_E2E_ENV_FILE'] = E2E_ENV_FILE;
    process.stdout.write(
      `\napi-e2e: database ${state.database.name}${state.database.embedded ? ' (embedded Postgres)' : ''}, simulator ${state.simulator.url} (pid ${state.simulator.proc.pid}), ` +
        `API ${state.api.url} (pid ${state.api.proc.pid}) ready in ${Date.now() - started} ms; logs in ${E2E_LOG_DIR}\n`,
    );
  } catch (error) {
    const problems = await stopAll(state);
    delete (globalThis as Record<string, unknown>)[STATE_KEY];
    if (problems.length > 0) process.stderr.write(`api-e2e: cleanup after failed setup: ${problems.join('; ')}\n`);
    throw error;
  }
}
