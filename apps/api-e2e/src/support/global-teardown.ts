/**
 * Jest globalTeardown: stops the API and the simulator by PID, drops the database (and stops the
 * embedded Postgres, if any). Falls back to the PIDs and names in the env file when the setup's
 * in-memory state is not reachable.
 */
import { existsSync, rmSync } from 'node:fs';
import { STATE_KEY, stopAll, type E2eState } from './global-setup';
import { E2E_ENV_FILE } from './paths';
import { platformDatabase } from './platform-database';
import { stopPid } from './processes';
import { readE2eEnv } from './stack';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[STATE_KEY] as E2eState | undefined;
  let problems: string[];
  if (state) {
    problems = await stopAll(state);
    delete (globalThis as Record<string, unknown>)[STATE_KEY];
  } else if (existsSync(E2E_ENV_FILE)) {
    problems = [];
    const env = readE2eEnv();
    await stopPid(env.apiPid);
    await stopPid(env.simulatorPid);
    try {
      await platformDatabase().dropDatabase(env.adminUrl, env.databaseName);
    } catch (error) {
      problems.push(`drop ${env.databaseName}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (env.embeddedPostgres) {
      await stopPid(env.embeddedPostgres.pid, 10_000, 'SIGINT');
      rmSync(env.embeddedPostgres.dir, { recursive: true, force: true });
    }
  } else {
    problems = [];
  }
  // The env file holds an API key and database URL of resources that no longer exist.
  rmSync(E2E_ENV_FILE, { force: true });
  if (problems.length > 0) throw new Error(`api-e2e teardown: ${problems.join('; ')}`);
}
