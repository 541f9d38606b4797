import { existsSync } from 'node:fs';
import * as path from 'node:path';

function walkUp(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let cached: string | undefined;

/**
 * The Nx workspace root (the directory holding nx.json), found at run time so that the same code works
 * from `apps/api/src/db` (jest), from `dist/apps/api` (esbuild output) and from any working directory.
 * `WORKSPACE_ROOT` overrides the search (e.g. for a deployment without nx.json).
 */
export function findWorkspaceRoot(): string {
  if (cached !== undefined) return cached;
  const override = process.env['WORKSPACE_ROOT'];
  const found = override ? path.resolve(override) : (walkUp(__dirname) ?? walkUp(process.cwd()));
  if (found === undefined) {
    throw new Error(
      `Cannot find the workspace root (a directory containing nx.json) above ${__dirname} or ${process.cwd()}; set WORKSPACE_ROOT`,
    );
  }
  cached = found;
  return found;
}

/** Default location of the Prisma migrations: `<workspace root>/prisma/migrations`. */
export function defaultMigrationsDir(): string {
  return path.join(findWorkspaceRoot(), 'prisma', 'migrations');
}
