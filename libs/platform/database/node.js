'use strict';
/**
 * Node-only entry of `@prism-sessions/platform-database` for code that runs under plain `node`, without a
 * TypeScript loader and outside jest's module registry (where the `@prism-sessions/*` path aliases do not
 * resolve): the benchmark (`node bench/run.js`) and the api-e2e jest global setup/teardown.
 *
 * It loads the library's build, `dist/libs/platform/database` (`npx nx build platform-database`:
 * plain tsc output, CommonJS). Why a build rather than a TS loader: it is the same compiler output
 * Nx caches and `tsc` type-checks, and it needs no extra dependency or require hook at run time.
 * `npm run bench` and the api-e2e test target build it first (Nx `dependsOn`). A missing build, or
 * one made from other sources (source-hash.js), fails with the command to run.
 *
 *   const { createTestDatabase } = require('<workspace>/libs/platform/database/node');
 */
const fs = require('node:fs');
const path = require('node:path');
const { sourceHash } = require('./source-hash');

const dist = path.resolve(__dirname, '../../../dist/libs/platform/database');
const rebuild = 'build it first: npx nx build platform-database';
const builtFrom = path.join(dist, 'source-hash');

if (!fs.existsSync(path.join(dist, 'index.js')) || !fs.existsSync(builtFrom)) {
  throw new Error(`@prism-sessions/platform-database: no build in ${dist}; ${rebuild}`);
}
if (fs.readFileSync(builtFrom, 'utf8').trim() !== sourceHash()) {
  throw new Error(`@prism-sessions/platform-database: the build in ${dist} is not of the current sources; ${rebuild}`);
}

module.exports = require(dist);
