// Mutation testing of the pure rules: `npm run mutate` (not part of `npm test`; it takes minutes).
// Stryker changes one operator, condition or constant at a time in the files under `mutate` and
// runs the unit tests (.mocharc.unit.cjs: no database, no browser) against each change; a change
// no test notices "survives". The scores per module are in docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: { config: '.mocharc.unit.cjs' },
  // The mocha runner loads the spec files in its own worker, so TypeScript comes in through tsx
  // here rather than the mocharc's node-option.
  testRunnerNodeArgs: ['--import', 'tsx'],
  coverageAnalysis: 'perTest',
  // Two workers: the unit tests are CPU-bound and the machine has two cores.
  concurrency: 2,
  mutate: [
    'common/*.ts',
    'server/src/domains/bulletins/scoring.ts',
    'server/src/domains/bulletins/period.ts',
    'server/src/domains/bulletins/metrics/figures.ts',
    // The snapshot's ranking order, smile-star candidates and scoring (computeSnapshot reads MongoDB).
    'server/src/domains/bulletins/snapshot.ts:11-11',
    'server/src/domains/bulletins/snapshot.ts:24-72',
    'server/src/domains/cases/case.rules.ts',
    // How notices and bulletin ranges word a period (not the notice body's wording).
    'server/src/domains/notices/notice.text.ts:1-18',
    'server/src/domains/calendar/working-days.ts',
    'server/src/domains/accounts/access.ts',
    'server/src/domains/complaints/complaint.access.ts',
    'server/src/domains/documents/visibility.ts',
    // The pure half of the complaint deadlines (deadlinesFor above it reads the settings).
    'server/src/domains/complaints/complaint.deadlines.ts:33-58',
  ],
  // The sandbox copy needs only the code and the unit tests (not the web, the stand-in's jars…).
  ignorePatterns: ['/*', '!/common', '!/server', '!/test', '!/package.json', '!/tsconfig.json', '!/.mocharc.unit.cjs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
};
