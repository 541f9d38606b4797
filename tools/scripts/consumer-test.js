#!/usr/bin/env node
'use strict';
/**
 * Consumer test (ADR 0024): proves the publishable libraries work as npm packages, outside this
 * workspace. It builds them with Nx, `npm pack`s each into a fresh temporary directory, and then:
 *
 * 1. Package checks: each tarball's manifest (version, exact dependency pins, exports, license,
 *    files) and contents (JavaScript, declarations, README; no sources, specs or source maps).
 * 2. A consumer project in the temporary directory (not in the workspace: no path aliases, no
 *    workspace node_modules) installs every tarball, `paytmchecksum`, `typescript` and `@types/node`
 *    (from the npm registry), then from CommonJS `require` and ESM `import` signs a Paytm body and
 *    checks it with `paytmchecksum`, computes Nuvei checksums against reference vectors, masks a
 *    secret, parses an `x-connector-config` and runs a session-token flow against the packaged fake
 *    gateway; `tsc --noEmit` type-checks a TypeScript consumer against the shipped declarations.
 * 3. Each package alone: a project with only that tarball, installed with npm's isolated
 *    (`linked`) layout so undeclared packages are not reachable, loads every entry point with
 *    `require` and `import` and type-checks it. A missing dependency declaration fails here.
 *
 * It prints each package with its `npm pack` size and exits non-zero on the first failure. The
 * temporary directory is removed at the end (pass `--keep` to keep it for debugging). Any other
 * argument (e.g. `--skip-nx-cache`) is passed to `nx run-many -t build`.
 *
 * Usage: node tools/scripts/consumer-test.js [--skip-nx-cache] [--keep]
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { publishableLibraries } = require('./publishable-libraries');

const workspaceRoot = path.resolve(__dirname, '../..');
const fixtures = path.join(__dirname, 'consumer-test');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const nxArgs = args.filter((arg) => arg !== '--keep');
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

class CheckFailed extends Error {}

/** The environment for commands run in the temporary projects: nothing from the workspace's npm run. */
function cleanEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_PATH' && name !== 'NODE_OPTIONS'));
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

/** Runs a command; prints its output and throws when it fails. Returns stdout. */
function run(command, commandArgs, { cwd, env = cleanEnv(), quiet = false } = {}) {
  const result = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) {
    process.stdout.write(output);
    throw new CheckFailed(`\`${command} ${commandArgs.join(' ')}\` failed in ${cwd}${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
  }
  if (!quiet) process.stdout.write(output);
  return result.stdout;
}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const entryPoints = (manifest) => Object.keys(manifest.exports).filter((key) => key !== './package.json');
const specifier = (packageName, entry) => (entry === '.' ? packageName : `${packageName}/${entry.slice(2)}`);

function build(libraries) {
  console.log(`==> nx build ${libraries.map((lib) => lib.project).join(', ')}`);
  run(path.join(workspaceRoot, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', `--projects=${libraries.map((lib) => lib.project).join(',')}`, '--output-style=static', ...nxArgs], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    quiet: true,
  });
}

/** Checks what a package promises in its manifest, before anything installs it. */
function checkManifest(lib, manifest, versions) {
  const where = `${lib.packageName} (dist/${lib.root}/package.json)`;
  check(manifest.name === lib.packageName, `${where}: name is ${manifest.name}`);
  check(EXACT_VERSION.test(manifest.version ?? ''), `${where}: version "${manifest.version}" is not an exact version`);
  check(typeof manifest.license === 'string' && manifest.license.length > 0, `${where}: no license`);
  check(Array.isArray(manifest.files) && manifest.files.length > 0, `${where}: no "files" list`);
  check(manifest.exports && typeof manifest.exports === 'object' && manifest.exports['.'], `${where}: no exports map with a "." entry`);
  for (const entry of entryPoints(manifest)) {
    const conditions = manifest.exports[entry];
    for (const condition of ['types', 'import', 'require']) check(typeof conditions?.[condition] === 'string', `${where}: exports["${entry}"] has no "${condition}" condition`);
  }
  for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
    check(EXACT_VERSION.test(range), `${where}: dependency ${dependency}@${range} is not pinned to an exact version`);
    if (versions.has(dependency)) check(range === versions.get(dependency), `${where}: depends on ${dependency}@${range}, but the sibling package is ${versions.get(dependency)}`);
  }
}

/** Checks the packed file list: built code, declarations and the README; no sources, specs or maps. */
function checkContents(lib, manifest, packed) {
  const files = packed.files.map((file) => file.path);
  for (const required of ['package.json', 'README.md']) check(files.includes(required), `${lib.packageName}: the tarball has no ${required}`);
  for (const entry of entryPoints(manifest)) {
    for (const condition of ['types', 'require']) {
      const target = manifest.exports[entry][condition].replace(/^\.\//, '');
      check(files.includes(target), `${lib.packageName}: exports["${entry}"].${condition} points at ${target}, which is not in the tarball`);
    }
  }
  const unwanted = files.filter((file) => /\.spec\.|\.map$|(?<!\.d)\.ts$|jest\.config|eslint\.config|tsconfig/.test(file));
  check(unwanted.length === 0, `${lib.packageName}: the tarball ships files it should not: ${unwanted.join(', ')}`);
}

function pack(libraries, tarballs) {
  console.log('==> npm pack');
  const versions = new Map(libraries.map((lib) => [lib.packageName, JSON.parse(fs.readFileSync(path.join(lib.distDir, 'package.json'), 'utf8')).version]));
  const packed = [];
  for (const lib of libraries) {
    const manifest = JSON.parse(fs.readFileSync(path.join(lib.distDir, 'package.json'), 'utf8'));
    checkManifest(lib, manifest, versions);
    const [info] = JSON.parse(run('npm', ['pack', lib.distDir, '--pack-destination', tarballs, '--json'], { cwd: tarballs, quiet: true }));
    checkContents(lib, manifest, info);
    packed.push({ lib, manifest, tarball: path.join(tarballs, info.filename), info });
  }
  const width = Math.max(...packed.map(({ info }) => `${info.name}@${info.version}`.length));
  for (const { info } of packed) {
    console.log(`  ${`${info.name}@${info.version}`.padEnd(width)}  ${kB(info.size).padStart(8)} packed  ${kB(info.unpackedSize).padStart(8)} unpacked  ${String(info.entryCount).padStart(3)} files  ${info.filename}`);
  }
  return packed;
}

/** The tooling the TypeScript checks need, at the workspace's pins (the registry is asked for these only). */
function workspacePins(names) {
  const rootManifest = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8'));
  const all = { ...rootManifest.dependencies, ...rootManifest.devDependencies };
  return Object.fromEntries(names.map((name) => [name, all[name]]));
}

function consumerProject(dir, packed) {
  console.log(`==> consumer project (${dir}): npm install of the ${packed.length} tarballs + paytmchecksum, typescript, @types/node`);
  fs.mkdirSync(dir);
  const tarballDeps = Object.fromEntries(packed.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`]));
  writeJson(path.join(dir, 'package.json'), {
    name: 'prism-sessions-consumer',
    private: true,
    type: 'commonjs',
    dependencies: { ...tarballDeps, ...workspacePins(['paytmchecksum', 'typescript', '@types/node']) },
    // The packages depend on each other by version: resolve those to the tarballs, not the registry.
    overrides: Object.fromEntries(packed.map(({ manifest }) => [manifest.name, `$${manifest.name}`])),
  });
  for (const file of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, file), path.join(dir, file));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  console.log('==> CommonJS: node require-check.cjs');
  run(process.execPath, ['require-check.cjs'], { cwd: dir });
  console.log('==> ESM: node import-check.mjs');
  run(process.execPath, ['import-check.mjs'], { cwd: dir });
  console.log('==> TypeScript: tsc --noEmit (consumer.mts, consumer.cts; module nodenext, strict, skipLibCheck false)');
  run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
  console.log('ok - the shipped declarations type-check');
}

/** One package alone, in npm's isolated layout: only what it declares is reachable from it. */
function packageAlone(dir, target, packed, tsc) {
  fs.mkdirSync(dir);
  const siblings = packed.filter((other) => other !== target);
  writeJson(path.join(dir, 'package.json'), {
    name: `alone-${target.lib.project}`,
    private: true,
    type: 'commonjs',
    dependencies: { [target.manifest.name]: `file:${target.tarball}`, ...workspacePins(['@types/node']) },
    overrides: Object.fromEntries(siblings.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`])),
  });
  run('npm', ['install', '--install-strategy=linked', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, quiet: true });
  const specifiers = entryPoints(target.manifest).map((entry) => specifier(target.manifest.name, entry));
  const load = [
    `const specifiers = ${JSON.stringify(specifiers)};`,
    'for (const id of specifiers) { const m = require(id); if (Object.keys(m).length === 0) throw new Error(id + " exports nothing"); }',
    '(async () => { for (const id of specifiers) { const m = await import(id); if (Object.keys(m).length <= 1) throw new Error(id + " has no named exports under import"); } })().catch((e) => { console.error(e); process.exit(1); });',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'load.cjs'), load);
  run(process.execPath, ['load.cjs'], { cwd: dir });
  fs.writeFileSync(path.join(dir, 'entries.mts'), `${specifiers.map((id, index) => `import * as entry${index} from '${id}';`).join('\n')}\nexport { ${specifiers.map((_, index) => `entry${index}`).join(', ')} };\n`);
  writeJson(path.join(dir, 'tsconfig.json'), {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
    files: ['entries.mts'],
  });
  run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir });
  console.log(`ok - ${target.manifest.name} alone: ${specifiers.join(', ')} load with require and import, and type-check, with only its declared dependencies`);
}

function main() {
  const libraries = publishableLibraries(workspaceRoot);
  check(libraries.length > 0, 'no publishable libraries found under libs/');
  build(libraries);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prism-consumer-'));
  const cleanup = () => (keep ? console.log(`(kept ${tmp})`) : fs.rmSync(tmp, { recursive: true, force: true }));
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  const tarballs = path.join(tmp, 'tarballs');
  fs.mkdirSync(tarballs);
  const packed = pack(libraries, tarballs);
  const app = path.join(tmp, 'app');
  consumerProject(app, packed);
  console.log('==> each package alone (npm install --install-strategy=linked)');
  const tsc = path.join(app, 'node_modules/typescript/bin/tsc');
  for (const target of packed) packageAlone(path.join(tmp, `alone-${target.lib.project}`), target, packed, tsc);
  console.log(`consumer test passed: ${packed.length} packages`);
}

try {
  main();
} catch (error) {
  console.error(`consumer test FAILED: ${error instanceof CheckFailed ? error.message : error.stack}`);
  process.exitCode = 1;
}
