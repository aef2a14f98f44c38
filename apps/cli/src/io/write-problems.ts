import { displayText } from '@org/event-schemas';
import type { CliIo } from './cli-io';

/** The longest problem line shown, in code points (longer ones end with `…`). */
const LINE_MAX = 2000;
/** The most problems printed for one error; the rest are counted ("… and 12,345 more problems"). */
export const PROBLEMS_SHOWN = 100;

/**
 * Writes at most {@link PROBLEMS_SHOWN} problems to stderr as `  - problem` lines (control
 * characters escaped), then one line counting the rest (of `total`, when only the first problems
 * were kept): a flood of problems stays readable and is
 * never built into one huge string.
 *
 * @example
 * ```ts
 * writeProblems(io, ['line 3: scpRules[0].id: …'], 'problem');
 * ```
 */
export function writeProblems(
  io: CliIo,
  problems: readonly string[],
  noun = 'problem',
  total = problems.length,
): void {
  const shown = Math.min(problems.length, PROBLEMS_SHOWN);
  for (let i = 0; i < shown; i++)
    io.stderr.write(`  - ${displayText(problems[i] ?? '', LINE_MAX)}\n`);
  const rest = Math.max(total, problems.length) - shown;
  if (rest > 0) {
    const nouns = rest === 1 ? noun : `${noun}s`;
    io.stderr.write(`  … and ${rest.toLocaleString('en-US')} more ${nouns}\n`);
  }
}
