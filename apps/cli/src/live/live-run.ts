/**
 * What the live commands that plan and apply a run (`reconcile`, `rules apply`) do alike around
 * the runtime's use-case: read with a progress line, keep records only when applying, print the plan.
 */
import type { ReadProgress } from '@org/governance-runtime';
import type { OrgSnapshot, Plan } from '@org/scope-engine';
import { writePlan, type PlanFormat } from '../format/write-plan';
import type { CliIo } from '../io/cli-io';
import { remote } from './live-command';
import type { LivePorts } from './live-ports';
import { progressLine } from './progress-line';

/**
 * The ports through which a run leaves records — the directory view kept for the processor, the
 * pause switch, the run log read by `orgctl status` — or none of them on a dry run, which changes
 * nothing.
 *
 * @example
 * ```ts
 * await applyRules(config, { ...ports, ...recordKeepingPorts(ports, dryRun) }, options);
 * ```
 */
export function recordKeepingPorts(
  ports: Pick<LivePorts, 'directoryViews' | 'control'>,
  dryRun: boolean,
) {
  return {
    directoryViews: dryRun ? undefined : ports.directoryViews,
    pauseSwitch: dryRun ? undefined : ports.control,
    runLog: dryRun ? undefined : ports.control,
  };
}

/**
 * Runs `work` as a remote step ({@link remote}: `doing` names it in a failure) with a progress
 * line of the accounts read on stderr, ended however the step ends.
 *
 * @example
 * ```ts
 * const result = await readingAccounts(io, 'reading the organization', (onProgress) =>
 *   runShardedReconcile(deps, { runId, onProgress }),
 * );
 * ```
 */
export function readingAccounts<T>(
  io: CliIo,
  doing: string,
  work: (onProgress: (progress: ReadProgress) => void) => Promise<T>,
): Promise<T> {
  const bar = progressLine(io.stderr, 'reading accounts');
  return remote(doing, () => work((progress) => bar.update(progress))).finally(() => bar.end());
}

/**
 * Prints a run's plan against the snapshot it read, in `format` (default: a table on a terminal,
 * JSON otherwise).
 *
 * @example
 * ```ts
 * writeRunPlan(io, result, options.format);
 * ```
 */
export function writeRunPlan(
  io: CliIo,
  result: { readonly plan: Plan; readonly snapshot: OrgSnapshot },
  format: PlanFormat | undefined,
): void {
  writePlan(io, result.plan, { snapshot: result.snapshot, ...(format ? { format } : {}) });
}
