export { findFreePort, startEmbeddedPostgres } from './lib/embedded-postgres';
export type { EmbeddedPostgres, StartEmbeddedPostgresOptions } from './lib/embedded-postgres';
export { MIGRATION_ADVISORY_LOCK_KEY, applyMigrations } from './lib/migrations';
export type { ApplyMigrationsOptions, ApplyMigrationsResult } from './lib/migrations';
export { createTestDatabase } from './lib/test-database';
export type { TestDatabase } from './lib/test-database';
export { defaultMigrationsDir, findWorkspaceRoot } from './lib/workspace-root';
