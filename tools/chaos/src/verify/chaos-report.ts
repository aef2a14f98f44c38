/**
 * The result of a chaos run: the numbers of the summary line, the details behind them, and
 * whether the run passed.
 */

/** The summary line's numbers. */
export interface ChaosNumbers {
  readonly events: number;
  readonly expected: number;
  readonly applied: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly drift: number;
  readonly unmanagedTouched: number;
}

/** A run's verdict. */
export interface ChaosReport {
  readonly numbers: ChaosNumbers;
  /** Lines describing the run (printed before the summary line). */
  readonly details: readonly string[];
  /** Robustness findings that do not fail the run by themselves (printed as warnings). */
  readonly warnings: readonly string[];
  /** Each reason the run fails (empty when it passes). */
  readonly problems: readonly string[];
}

/**
 * The one summary line.
 *
 * @example
 * ```ts
 * summaryLine({ events: 40, expected: 61, applied: 61, lost: 0, duplicated: 0, drift: 0, unmanagedTouched: 0 });
 * // 'chaos: 40 events, 61 operations expected, 61 applied, 0 lost, 0 duplicated, drift 0, unmanaged touched 0'
 * ```
 */
export function summaryLine(n: ChaosNumbers): string {
  return `chaos: ${n.events} events, ${n.expected} operations expected, ${n.applied} applied, ${n.lost} lost, ${n.duplicated} duplicated, drift ${n.drift}, unmanaged touched ${n.unmanagedTouched}`;
}

/**
 * Why the numbers alone fail a run (the report adds the other checks).
 *
 * @example
 * ```ts
 * numberProblems({ events: 1, expected: 2, applied: 1, lost: 1, duplicated: 0, drift: 0, unmanagedTouched: 0 });
 * // ['1 of 2 expected operations not applied', '1 lost']
 * ```
 */
export function numberProblems(n: ChaosNumbers): string[] {
  const problems: string[] = [];
  if (n.applied !== n.expected) {
    problems.push(`${n.expected - n.applied} of ${n.expected} expected operations not applied`);
  }
  if (n.lost > 0) problems.push(`${n.lost} lost`);
  if (n.duplicated > 0) problems.push(`${n.duplicated} duplicated`);
  if (n.drift > 0) problems.push(`drift ${n.drift} after the scheduled reconcile`);
  if (n.unmanagedTouched > 0) problems.push(`${n.unmanagedTouched} unmanaged items touched`);
  return problems;
}
