/**
 * `@org/platform-database` for the global setup and teardown. Jest loads those outside its module
 * registry, where the `@org/*` path aliases do not resolve, so they use the library's Node-only entry
 * (libs/platform/database/node.js: its build, made by this project's test target through `dependsOn`).
 * Specs, which run inside the registry, may import '@org/platform-database' directly.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as PlatformDatabase from '@org/platform-database';
import { WORKSPACE_ROOT } from './paths';

export type { TestDatabase } from '@org/platform-database';

export function platformDatabase(): typeof PlatformDatabase {
  return createRequire(__filename)(path.join(WORKSPACE_ROOT, 'libs/platform/database/node.js')) as typeof PlatformDatabase;
}
