/**
 * The fuzz ledger: how many cases each property actually ran in this Jest run, across test files
 * and workers, so the budget test counts runs instead of adding up the configured figures.
 *
 * The test sequencer (`fuzz-sequencer.cjs`) starts a ledger directory before any test runs and
 * names it in the environment, which the workers inherit. Each fuzz spec appends what its
 * properties ran, then that it finished; the budget spec (scheduled last) waits for every fuzz
 * spec of the run and sums. CommonJS (with `fuzz-ledger.d.cts` for TypeScript) because Jest loads
 * the sequencer untransformed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Environment variable naming this run's ledger directory. */
const LEDGER_ENV = 'FUZZ_LEDGER_DIR';
/** Folder of the fuzz specs (each one records its runs and its end). */
const FUZZ_FOLDER = `${path.sep}src${path.sep}fuzz${path.sep}`;
/** File name of the budget spec, which reads the ledger and so runs last. */
const BUDGET_SPEC = 'budget.spec.ts';

const SCHEDULED = 'scheduled.json';
const ENTRIES = 'entries.jsonl';

/** `true` for a fuzz spec that records into the ledger (not the budget spec). */
function isFuzzSpec(file) {
  return file.includes(FUZZ_FOLDER) && path.basename(file) !== BUDGET_SPEC;
}

/** Starts this run's ledger with the fuzz specs it will run; returns its directory. */
function startLedger(testFiles) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-ledger-'));
  fs.writeFileSync(path.join(dir, SCHEDULED), JSON.stringify(testFiles.filter(isFuzzSpec)));
  process.env[LEDGER_ENV] = dir;
  return dir;
}

/** Appends one entry (a no-op outside a ledgered run, e.g. a spec run by another config). */
function append(entry) {
  const dir = process.env[LEDGER_ENV];
  if (dir === undefined || dir === '') return;
  fs.appendFileSync(path.join(dir, ENTRIES), `${JSON.stringify(entry)}\n`);
}

/** Records that `property` ran `runs` cases in `file`. */
function recordRuns(file, property, runs) {
  append({ file, property, runs });
}

/** Records that `file` has finished (after its last test). */
function recordFileDone(file) {
  append({ file, done: true });
}

/** This run's ledger, or `undefined` when the run has none. */
function readLedger() {
  const dir = process.env[LEDGER_ENV];
  if (dir === undefined || dir === '' || !fs.existsSync(path.join(dir, SCHEDULED))) {
    return undefined;
  }
  const scheduled = JSON.parse(fs.readFileSync(path.join(dir, SCHEDULED), 'utf8'));
  const file = path.join(dir, ENTRIES);
  const entries = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line))
    : [];
  return {
    scheduled,
    runs: entries.filter((e) => e.done !== true),
    done: entries.filter((e) => e.done === true).map((e) => e.file),
  };
}

module.exports = {
  LEDGER_ENV,
  BUDGET_SPEC,
  isFuzzSpec,
  startLedger,
  recordRuns,
  recordFileDone,
  readLedger,
};
