/** Types of `fuzz-ledger.cjs` (see there). */

/** Cases one property ran in one spec file. */
export interface LedgerRuns {
  readonly file: string;
  readonly property: string;
  readonly runs: number;
}

/** This run's ledger. */
export interface Ledger {
  /** The fuzz specs this run schedules. */
  readonly scheduled: readonly string[];
  /** What each property ran so far. */
  readonly runs: readonly LedgerRuns[];
  /** The fuzz specs that have finished. */
  readonly done: readonly string[];
}

/** Environment variable naming this run's ledger directory. */
export declare const LEDGER_ENV: string;
/** File name of the budget spec, which reads the ledger and so runs last. */
export declare const BUDGET_SPEC: string;
/** `true` for a fuzz spec that records into the ledger (not the budget spec). */
export declare function isFuzzSpec(file: string): boolean;
/** Starts this run's ledger with the fuzz specs it will run; returns its directory. */
export declare function startLedger(testFiles: readonly string[]): string;
/** Records that `property` ran `runs` cases in `file`. */
export declare function recordRuns(file: string, property: string, runs: number): void;
/** Records that `file` has finished (after its last test). */
export declare function recordFileDone(file: string): void;
/** This run's ledger, or `undefined` when the run has none. */
export declare function readLedger(): Ledger | undefined;
