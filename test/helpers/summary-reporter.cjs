// Mocha's spec reporter plus one plain closing line, `N passed, N failed`, which CI looks for.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures } = runner.stats;
      // After the spec reporter's epilogue, so it is the last line of the run.
      process.nextTick(() => console.log(`${passes} passed, ${failures} failed`));
    });
  }
}

module.exports = SummaryReporter;
