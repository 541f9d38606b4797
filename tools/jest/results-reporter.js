const fs = require('node:fs');
const path = require('node:path');

/**
 * Writes `tmp/test-results/<projectRoot>/results.json` with the real pass/fail counts of one jest run,
 * so `tools/scripts/test-summary.js` can print the `N passed, N failed` line CI reads.
 * The file is also declared as the Nx `test` output, so a cache hit restores it.
 */
class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = path.resolve(__dirname, '../..');
    this.projectDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const project = path.relative(this.rootDir, this.projectDir);
    const dir = path.join(this.rootDir, 'tmp/test-results', project);
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      project,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(summary) + '\n');
  }
}

module.exports = ResultsReporter;
