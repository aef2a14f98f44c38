/**
 * The reliability suite's test order: Jest's usual order, with the budget spec last, and a fresh
 * fuzz ledger naming the fuzz specs of this run (see `fuzz-ledger.cjs`).
 */
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');
const { BUDGET_SPEC, startLedger } = require('./fuzz-ledger.cjs');

class FuzzSequencer extends Sequencer {
  /** Jest's order, the budget spec moved to the end; starts the run's ledger. */
  sort(tests) {
    const sorted = super.sort(tests);
    const isBudget = (test) => path.basename(test.path) === BUDGET_SPEC;
    startLedger(sorted.map((test) => test.path));
    return [...sorted.filter((test) => !isBudget(test)), ...sorted.filter(isBudget)];
  }
}

module.exports = FuzzSequencer;
