/**
 * The benchmark's stated goals (README "Benchmarks"): each is printed with what this run
 * measured, and a missed goal makes the benchmark exit 1.
 */

/** One goal: a measured figure that must stay at or below a limit. */
export interface Goal {
  /** What is measured, e.g. `reconcile plan, 10,000 accounts × 2,000 rules`. */
  readonly name: string;
  /** The limit, in `unit`. */
  readonly limit: number;
  /** `ms`, or `×` for a ratio. */
  readonly unit: 'ms' | '×';
  /** The figure of this run, or `undefined` when this run did not measure it (and why). */
  readonly measured: number | undefined;
  readonly notMeasured?: string;
}

/** The verdict of one goal. */
export type GoalVerdict = 'met' | 'NOT met' | 'not measured';

/** Whether `goal` was met by this run. */
export function verdictOf(goal: Goal): GoalVerdict {
  if (goal.measured === undefined || Number.isNaN(goal.measured)) return 'not measured';
  return goal.measured <= goal.limit ? 'met' : 'NOT met';
}

/**
 * The report of the goals, one line each, and whether every measured goal was met.
 *
 * @example
 * ```ts
 * const { text, allMet } = reportGoals([{ name: 'reconcile', limit: 1000, unit: 'ms', measured: 412 }]);
 * process.stdout.write(text);
 * if (!allMet) process.exitCode = 1;
 * ```
 */
export function reportGoals(goals: readonly Goal[]): { text: string; allMet: boolean } {
  const lines = goals.map((goal) => {
    const verdict = verdictOf(goal);
    const figure =
      goal.measured === undefined || Number.isNaN(goal.measured)
        ? (goal.notMeasured ?? 'not measured in this run')
        : `${goal.measured.toFixed(goal.unit === 'ms' ? 3 : 2)} ${goal.unit}`;
    return `  ${goal.name} ≤ ${goal.limit} ${goal.unit}: ${figure} — ${verdict}`;
  });
  const allMet = goals.every((goal) => verdictOf(goal) !== 'NOT met');
  return { text: `goals:\n${lines.join('\n')}\n`, allMet };
}
