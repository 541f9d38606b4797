#!/usr/bin/env node
/**
 * Offline replacement for `prisma migrate dev --create-only`.
 *
 *   node tools/scripts/create-migration.js <name>
 *
 * Replays every migration in prisma/migrations into an in-memory PGlite database (the engine's shadow
 * database), diffs the result against prisma/schema.prisma with the wasm schema engine
 * (`diff(migrations -> schemaDatamodel)`), and writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql
 * plus prisma/migrations/migration_lock.toml, laid out as the prisma CLI does it: UTC timestamp, the name
 * slugified with "_" (as `--name` is), migrations listed in name order, the CLI's lockfile text.
 * (The engine's `createMigration` command refuses to run here: "PostgreSQL shadow DB must be provided
 * through an external factory"; `diff` renders the same SQL, minus the data-loss warning comment block
 * `migrate dev` puts on top of destructive migrations. Review destructive migrations by hand.)
 *
 * Why not the CLI: Prisma 7 needs native engines (not downloadable here) for `migrate dev`, and the
 * Postgres driver adapter cannot introspect a live database (`"char"` columns), while PGlite can.
 *
 * Prints "No schema changes" and writes nothing when the schema already matches the migrations.
 * Exit codes: 0 success or no changes, 1 failure, 2 usage error.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const LOCKFILE_NAME = 'migration_lock.toml';

function findWorkspaceRoot(start) {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function usage(message) {
  if (message) process.stderr.write(`create-migration: ${message}\n`);
  process.stderr.write(
    'usage: node tools/scripts/create-migration.js <name> [--schema prisma/schema.prisma] [--migrations prisma/migrations]\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const out = { name: undefined, schema: undefined, migrations: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--schema' || arg === '--migrations') {
      const value = argv[++i];
      if (!value) usage(`${arg} needs a value`);
      out[arg.slice(2)] = value;
    } else if (arg === '-h' || arg === '--help') {
      usage();
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else if (out.name === undefined) {
      out.name = arg;
    } else {
      usage(`unexpected argument ${arg}`);
    }
  }
  if (!out.name) usage('a migration name is required');
  if (!slugify(out.name)) usage(`invalid migration name "${out.name}" (use letters and digits)`);
  return out;
}

/** Close to the CLI's `slugify(name, { separator: '_' }).substring(0, 200)`: "AddFoo bar" -> "add_foo_bar". */
function slugify(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .substring(0, 200);
}

/** `<YYYYMMDDHHMMSS>_<slug>` in UTC, like the schema engine's generated migration names. */
function generateMigrationName(name, now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  const timestamp =
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${timestamp}_${slugify(name)}`;
}

/** Same as the prisma CLI's `listMigrations`: sub-directories sorted by name, each with its migration.sql. */
function readMigrationsList(baseDir) {
  const lockPath = path.join(baseDir, LOCKFILE_NAME);
  const lockfile = { path: LOCKFILE_NAME, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null };
  const entries = fs.existsSync(baseDir) ? fs.readdirSync(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((e) => e.isDirectory())
    .map((e) => {
      let content;
      try {
        content = { tag: 'ok', value: fs.readFileSync(path.join(baseDir, e.name, 'migration.sql'), 'utf8') };
      } catch (err) {
        content = { tag: 'error', value: err.message };
      }
      return { path: e.name, migrationFile: { path: 'migration.sql', content } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript: '' };
}

/** Loads @prisma/schema-engine-wasm without --experimental-wasm-modules (toolchain notes §3). */
async function loadSchemaEngineWasm() {
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = require(bgPath); // ESM; Node >= 20.19 supports require(esm)
  const wasmBytes = fs.readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

function lockfileContent(connectorType) {
  // Byte for byte what the prisma CLI writes.
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${connectorType}"\n`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = findWorkspaceRoot(process.cwd()) || findWorkspaceRoot(__dirname);
  if (!root) throw new Error('cannot find the workspace root (a directory containing nx.json)');
  const schemaPath = path.resolve(root, args.schema || 'prisma/schema.prisma');
  const migrationsDir = path.resolve(root, args.migrations || 'prisma/migrations');
  const schemaContent = fs.readFileSync(schemaPath, 'utf8');

  const migrationsList = readMigrationsList(migrationsDir);
  if (migrationsList.lockfile.content === null) {
    // First migration: the engine refuses a history without a lockfile, so hand it the one we are about to write.
    migrationsList.lockfile.content = lockfileContent('postgresql');
  }

  const { PGlite } = require('@electric-sql/pglite');
  const { PrismaPGlite } = require('pglite-prisma-adapter');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');

  const bg = await loadSchemaEngineWasm();
  const pglite = new PGlite(); // in memory; also serves as the engine's shadow database
  const verbose = process.env['DEBUG'] !== undefined;
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaContent]] },
    (line) => {
      if (verbose) process.stderr.write(`${line}\n`);
    },
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite)),
  );
  try {
    const diff = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaContent }] },
      script: true,
      exitCode: true, // exitCode 2 = non-empty diff, 0 = nothing to do
      filters: { externalTables: [], externalEnums: [] },
    });
    if (diff.exitCode !== 2 || !diff.stdout) {
      process.stdout.write('No schema changes\n');
      return;
    }
    const migrationName = generateMigrationName(args.name);
    const dir = path.join(migrationsDir, migrationName);
    if (fs.existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), diff.stdout, 'utf8');
    fs.writeFileSync(path.join(migrationsDir, LOCKFILE_NAME), lockfileContent('postgresql'), 'utf8');
    process.stdout.write(`Created ${path.relative(root, path.join(dir, 'migration.sql'))}\n`);
  } finally {
    engine.free();
    await pglite.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    const message = err && err.message ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`create-migration: ${message}\n`);
    if (process.env['DEBUG'] !== undefined) process.stderr.write(`${err && err.stack}\n`);
    process.exit(1);
  },
);
