// The unit tests of the pure modules (common/ and the pure domain rules): no database, no
// browser, no global setup, so they run in a second. Stryker (`npm run mutate`) runs them once per
// mutant; `npm test` runs them too, as part of test/**/*.test.ts.
module.exports = {
  'node-option': ['import=tsx'],
  extension: ['ts'],
  spec: ['test/unit/**/*.test.ts', 'test/common/**/*.test.ts'],
  timeout: 5000,
};
