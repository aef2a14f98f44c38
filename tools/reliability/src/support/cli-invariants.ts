import type { CliRun } from './cli-harness';
import { STACK_FRAME, check } from './parse-invariants';

/**
 * The CLI contract for any input: exit code 0, 1 or 2; no stack trace on either
 * stream; no "internal error" (an untyped error that escaped a command); a failure always says
 * something on stderr; `plan` with JSON output prints one JSON document.
 */
export function checkCliRun(args: readonly string[], run: CliRun): void {
  check([0, 1, 2].includes(run.code), `exit code ${run.code}`);
  check(!STACK_FRAME.test(run.stderr), `stack trace on stderr:\n${run.stderr}`);
  check(!STACK_FRAME.test(run.stdout), `stack trace on stdout:\n${run.stdout}`);
  check(!run.stderr.includes('internal error'), `internal error:\n${run.stderr}`);
  if (run.code !== 0)
    check(run.stderr.trim().length > 0, `exit ${run.code} with nothing on stderr`);
  const jsonPlan =
    args[0] === 'plan' &&
    !args.includes('table') &&
    !args.includes('--help') &&
    !args.includes('-h');
  if (run.code === 0 && jsonPlan && run.stdout.trimStart().startsWith('{')) {
    const plan = JSON.parse(run.stdout) as { operations?: unknown };
    check(Array.isArray(plan.operations), 'plan JSON without operations');
  }
}
