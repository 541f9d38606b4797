/**
 * End-to-end suite: real processes (gateway simulator + API, built by `nx build`) on a throw-away
 * Postgres database. The global setup starts them once; specs talk to them over 127.0.0.1 only.
 */
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/apps/api-e2e',
};
