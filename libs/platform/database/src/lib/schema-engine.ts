/**
 * Internal: loading the Prisma wasm schema engine and reading the migrations directory.
 *
 * Prisma 7 needs a native schema engine for `prisma migrate deploy`, which cannot be downloaded here;
 * `@prisma/schema-engine-wasm` runs the same engine code in-process through a driver adapter.
 *
 * Loading: the package is ESM and imports its `.wasm` as a module, which Node 20 can't do without
 * `--experimental-wasm-modules`. So we `require` the ESM glue (`schema_engine_bg.js`, Node >= 20.19 supports
 * require(esm)), instantiate the .wasm ourselves and hand it to the glue.
 *
 * Why `nativeRequire` (Node's own require, not jest's): under jest, `require` goes through jest's module
 * registry, which cannot load ESM from node_modules (it isn't transformed by default) and runs modules in
 * a separate vm realm. The wasm-bindgen glue checks `instanceof Promise` / `instanceof Uint8Array` on
 * what the driver adapter returns, so the glue, the driver adapter and `pg` must all live in the same
 * realm. Loading all three with Node's require keeps them together in Node's main realm, both under jest
 * and in a plain `node dist/...` run, where it behaves exactly like `require`. No jest config is needed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type {
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import type * as SchemaEngineBg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type * as AdapterPg from '@prisma/adapter-pg';
import type * as DriverAdapterUtils from '@prisma/driver-adapter-utils';

export type { MigrationList, SchemaEngine };

/**
 * Node's own require (see the module comment). Under jest, `require('node:module').createRequire` is
 * jest's replacement, so take the untouched builtin from `process.getBuiltinModule` (Node >= 20.16).
 */
function createNativeRequire(): NodeJS.Require {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const builtin =
    typeof getBuiltinModule === 'function'
      ? (getBuiltinModule.call(process, 'node:module') as { createRequire?: typeof createRequire } | undefined)
      : undefined;
  return (builtin?.createRequire ?? createRequire)(__filename);
}

export const nativeRequire: NodeJS.Require = createNativeRequire();

export const MIGRATION_LOCKFILE = 'migration_lock.toml';
export const MIGRATION_FILE = 'migration.sql';

let loading: Promise<typeof SchemaEngineBg> | undefined;

function isInitialised(bg: typeof SchemaEngineBg): boolean {
  try {
    bg.version(); // throws while no wasm instance is set
    return true;
  } catch {
    return false;
  }
}

/**
 * The engine arms a 10 s `setTimeout` around its database calls and never clears it (the glue has no
 * `clearTimeout` import), which keeps a finished process alive for 10 s. Give it unref'd timers from
 * Node's own `timers` module (also immune to jest's fake timers). The engine only awaits such a timer
 * while a database call is in flight, and that call's socket keeps the process alive meanwhile.
 */
function withUnrefTimers(bg: typeof SchemaEngineBg): Record<string, unknown> {
  const timers = nativeRequire('node:timers') as typeof import('node:timers');
  const imports: Record<string, unknown> = { ...bg };
  for (const key of Object.keys(imports)) {
    if (key.startsWith('__wbg_setTimeout_')) {
      imports[key] = (callback: () => void, ms: number): unknown => {
        const timer = timers.setTimeout(callback, ms >>> 0);
        timer.unref();
        return timer;
      };
    }
  }
  return imports;
}

/** The slice of the WebAssembly global we use (typed locally: Node's types omit it without the DOM lib). */
interface WasmRuntime {
  instantiate(bytes: Uint8Array, imports: Record<string, Record<string, unknown>>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

async function instantiate(): Promise<typeof SchemaEngineBg> {
  const bgPath = nativeRequire.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = nativeRequire(bgPath) as typeof SchemaEngineBg;
  // Node caches the glue module per process; under jest this file may be evaluated once per test file,
  // so reuse an instance another copy of this file already set up.
  if (isInitialised(bg)) return bg;
  const bytes = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await wasmRuntime.instantiate(bytes, {
    './schema_engine_bg.js': withUnrefTimers(bg),
  });
  if (isInitialised(bg)) return bg; // lost a race with another copy of this file
  bg.__wbg_set_wasm(instance.exports);
  const start = instance.exports['__wbindgen_start'];
  if (typeof start === 'function') (start as () => void)();
  return bg;
}

/** The wasm schema engine module, instantiated once per process (compiling it takes a few seconds). */
export function loadSchemaEngineWasm(): Promise<typeof SchemaEngineBg> {
  if (loading === undefined) {
    loading = instantiate().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  }
  return loading;
}

/** `@prisma/adapter-pg` and `@prisma/driver-adapter-utils`, loaded in the same realm as the engine. */
export function loadEngineAdapterModules(): {
  PrismaPg: typeof AdapterPg.PrismaPg;
  bindMigrationAwareSqlAdapterFactory: typeof DriverAdapterUtils.bindMigrationAwareSqlAdapterFactory;
} {
  const { PrismaPg } = nativeRequire('@prisma/adapter-pg') as typeof AdapterPg;
  const { bindMigrationAwareSqlAdapterFactory } = nativeRequire(
    '@prisma/driver-adapter-utils',
  ) as typeof DriverAdapterUtils;
  return { PrismaPg, bindMigrationAwareSqlAdapterFactory };
}

/** The lockfile text the prisma CLI writes. */
export function migrationLockfileContent(provider = 'postgresql'): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

/**
 * Reads a migrations directory the way the prisma CLI does before calling the engine: every
 * sub-directory, sorted by name, with the content of its migration.sql (or the read error).
 */
export function readMigrationsList(baseDir: string): MigrationList {
  const lockPath = path.join(baseDir, MIGRATION_LOCKFILE);
  const lockContent = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null;
  const entries = existsSync(baseDir) ? readdirSync(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories: MigrationDirectory[] = entries
    .filter((entry) => entry.isDirectory())
    .map((entry): MigrationDirectory => {
      let content: MigrationDirectory['migrationFile']['content'];
      try {
        content = { tag: 'ok', value: readFileSync(path.join(baseDir, entry.name, MIGRATION_FILE), 'utf8') };
      } catch (err) {
        content = { tag: 'error', value: err instanceof Error ? err.message : String(err) };
      }
      return { path: entry.name, migrationFile: { path: MIGRATION_FILE, content } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCKFILE, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

/** One log line of the engine (JSON tracing events) as a short human string, or undefined to drop it. */
export function formatEngineLogLine(raw: string): { level: string; text: string } | undefined {
  const line = raw.trim();
  if (!line) return undefined;
  try {
    const event = JSON.parse(line) as { level?: unknown; fields?: Record<string, unknown> };
    const level = typeof event.level === 'string' ? event.level : 'INFO';
    const fields = event.fields ?? {};
    const message = typeof fields['message'] === 'string' ? fields['message'] : line;
    return { level, text: message };
  } catch {
    return { level: 'INFO', text: line };
  }
}
