const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

/** Shared jest settings: swc (with legacy decorators + metadata for type-graphql) and the results reporter. */
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Plain CommonJS with a sibling index.d.ts (the benchmark requires it without a build): map it to
  // the .js, or Nx's TypeScript fallback resolver would hand jest the .d.ts.
  moduleNameMapper: { '^@prism-sessions/testing-graphql-documents$': path.join(__dirname, 'libs/testing/graphql-documents/src/index.js') },
  // The default 5 s per test is too tight on a busy machine (2 shared cores); tests that assert a
  // duration do so themselves, with bounds that still tell a timeout from a hang.
  testTimeout: 30_000,
  reporters: ['default', path.join(__dirname, 'tools/jest/results-reporter.js')],
};
