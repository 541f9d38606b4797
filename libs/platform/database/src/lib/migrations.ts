/**
 * `prisma migrate deploy`, in-process: applies the pending migrations of prisma/migrations to a Postgres
 * database through the wasm schema engine and the `@prisma/adapter-pg` driver adapter, recording them in
 * `_prisma_migrations` the way the prisma CLI does (the engine's own `applyMigrations` command).
 */
import * as path from 'node:path';
import { Client } from 'pg';
import type * as Pg from 'pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import {
  formatEngineLogLine,
  loadEngineAdapterModules,
  loadSchemaEngineWasm,
  migrationLockfileContent,
  nativeRequire,
  readMigrationsList,
} from './schema-engine';
import { defaultMigrationsDir } from './workspace-root';

export interface ApplyMigrationsOptions {
  /** Defaults to `<workspace root>/prisma/migrations`. */
  migrationsDir?: string;
  /** Receives progress lines (and the engine's warnings). Silent by default. */
  log?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  /** Names of the migrations applied by this call, in order; empty when the database was up to date. */
  applied: string[];
}

/**
 * Key of the session-level advisory lock held around the apply, so that concurrent callers (two API
 * processes starting together) run one after the other; the second then finds nothing to apply.
 * Deliberately not 72707369, the key the native engine takes itself, so that a future engine taking
 * its own lock on its own connection can't deadlock against ours.
 */
export const MIGRATION_ADVISORY_LOCK_KEY = '7270736901';

/** How long a caller waits for another caller's apply before giving up. */
const LOCK_TIMEOUT_MS = 120_000;
const CONNECT_TIMEOUT_MS = 10_000;

export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const log = options.log ?? ((): void => undefined);
  const migrationsDir = path.resolve(options.migrationsDir ?? defaultMigrationsDir());
  const migrationsList = readMigrationsList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsDir}`);
  }
  if (migrationsList.lockfile.content === null) {
    // The engine insists on knowing the provider of the history; ours is postgres by definition.
    migrationsList.lockfile.content = migrationLockfileContent('postgresql');
  }

  const lockClient = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'api-migrations-lock',
  });
  lockClient.on('error', () => undefined); // a dropped connection surfaces through the pending query
  try {
    await lockClient.connect();
    await lockClient.query(`SET lock_timeout = ${LOCK_TIMEOUT_MS}`);
    await lockClient.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_ADVISORY_LOCK_KEY]);
    try {
      const applied = await runEngineApply(databaseUrl, migrationsList, log);
      for (const name of applied) log(`Applied migration ${name}`);
      return { applied };
    } finally {
      await lockClient
        .query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_ADVISORY_LOCK_KEY])
        .catch(() => undefined); // the lock dies with the session anyway
    }
  } finally {
    await lockClient.end().catch(() => undefined);
  }
}

async function runEngineApply(
  databaseUrl: string,
  migrationsList: ReturnType<typeof readMigrationsList>,
  log: (line: string) => void,
): Promise<string[]> {
  const bg = await loadSchemaEngineWasm();
  const { PrismaPg, bindMigrationAwareSqlAdapterFactory } = loadEngineAdapterModules();
  const pg = nativeRequire('pg') as typeof Pg; // the same `pg` module instance @prisma/adapter-pg uses
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 1_000,
    application_name: 'api-migrations',
  });
  pool.on('error', () => undefined);
  const factory = atomicScripts(new PrismaPg(pool));
  let engine: Awaited<ReturnType<typeof bg.SchemaEngine.new>> | undefined;
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: undefined },
      (raw: string) => {
        const line = formatEngineLogLine(raw);
        if (line && line.level !== 'INFO' && line.level !== 'DEBUG' && line.level !== 'TRACE') {
          log(`schema engine ${line.level}: ${line.text}`);
        }
      },
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    const result = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } catch (err) {
    throw engineError(err);
  } finally {
    engine?.free();
    await pool.end().catch(() => undefined);
  }
}

/**
 * `@prisma/adapter-pg`'s `executeScript` splits a migration on every `;` and runs the pieces one by one:
 * a `;` inside a string literal or a function body breaks it, and a failure half way leaves the
 * migration half applied. The native engine sends the whole script as one simple-protocol query, which
 * Postgres runs as a single implicit transaction. Do that instead.
 */
function atomicScripts(inner: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
    if (!driver || typeof (driver as { query?: unknown }).query !== 'function') return adapter;
    const onError = (adapter as unknown as { onError?: (error: unknown) => never }).onError;
    adapter.executeScript = async (script: string): Promise<void> => {
      try {
        await (driver as { query(sql: string): Promise<unknown> }).query(script);
      } catch (error) {
        if (typeof onError === 'function') onError.call(adapter, error); // throws a DriverAdapterError
        throw error;
      }
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patch(await inner.connect()),
    connectToShadowDb: async () => patch(await inner.connectToShadowDb()),
  };
}

/** Engine errors carry a multi-line Rust backtrace; keep the message, put the rest aside. */
function engineError(err: unknown): Error {
  if (!(err instanceof Error) && !(typeof err === 'object' && err !== null && 'message' in err)) {
    return new Error(`Migration failed: ${String(err)}`);
  }
  const message = String((err as { message: unknown }).message);
  const summary = (message.split(/\n\s*0: /)[0] ?? message)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(': ');
  const error = new Error(`Migration failed: ${summary}`);
  (error as Error & { cause?: unknown }).cause = err;
  return error;
}
