// Appends each Jest run's pass/fail counts to $TEST_COUNTS_FILE, so scripts/test.sh can close
// `npm test` with one line that counts every test of every run ("N passed, N failed").
const fs = require('node:fs');

class CountReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TEST_COUNTS_FILE;
    if (!file) return;
    fs.appendFileSync(file, `${results.numPassedTests} ${results.numFailedTests + results.numRuntimeErrorTestSuites}\n`);
  }
}

module.exports = CountReporter;
