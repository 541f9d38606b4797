/**
 * Applies pending Prisma migrations (like `prisma migrate deploy`) to DATABASE_URL.
 *
 *   DATABASE_URL=postgresql://... node dist/apps/api/cli/migrate.js
 *
 * Prints the applied migration names, or "No pending migrations". Exit code 1 with a one-line error
 * on failure.
 */
import { applyMigrations } from '@prism-sessions/platform-database';

export async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set (e.g. DATABASE_URL=postgresql://user:password@host:5432/db)');
  }
  const { applied } = await applyMigrations(databaseUrl, {
    log: (line) => {
      if (!line.startsWith('Applied migration ')) process.stderr.write(`${line}\n`);
    },
  });
  if (applied.length === 0) {
    process.stdout.write('No pending migrations\n');
  } else {
    for (const name of applied) process.stdout.write(`Applied migration ${name}\n`);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`migrate: ${message.split('\n')[0] ?? message}\n`);
      process.exit(1);
    },
  );
}
