export { findFreePort, startEmbeddedPostgres } from './lib/embedded-postgres';
export type { EmbeddedPostgres, StartEmbeddedPostgresOptions } from './lib/embedded-postgres';
export { MIGRATION_ADVISORY_LOCK_KEY, applyMigrations } from './lib/migrations';
export type { ApplyMigrationsOptions, ApplyMigrationsResult } from './lib/migrations';
export { DEFAULT_FALLBACK_ROOT, createScratchDir, fallbackDataDir } from './lib/reachability';
export { createTestDatabase, dropDatabase, withClient, withDatabase } from './lib/test-database';
export type { CreateTestDatabaseOptions, TestDatabase } from './lib/test-database';
export { defaultMigrationsDir, findWorkspaceRoot } from './lib/workspace-root';
