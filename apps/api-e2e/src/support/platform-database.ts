/**
 * `@prism-sessions/platform-database` for the global setup and teardown. Jest loads those outside its module
 * registry, where the `@prism-sessions/*` path aliases do not resolve, so they use the library's Node-only entry
 * (libs/platform/database/node.js: its build, made by this project's test target through `dependsOn`).
 * Specs, which run inside the registry, may import '@prism-sessions/platform-database' directly.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as PlatformDatabase from '@prism-sessions/platform-database';
import { WORKSPACE_ROOT } from './paths';

export type { TestDatabase } from '@prism-sessions/platform-database';

export function platformDatabase(): typeof PlatformDatabase {
  return createRequire(__filename)(path.join(WORKSPACE_ROOT, 'libs/platform/database/node.js')) as typeof PlatformDatabase;
}
