import { maxDestructiveOperationsOf } from '@org/scope-engine';
import type { Clock } from '../clock';
import type { AuditLog } from '../ports/audit-log';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import {
  decideDestructive,
  type DestructiveHold,
  holdDestructive,
} from '../reconcile/destructive-hold';
import type { ReconcileRunPorts } from '../reconcile/run-ports';
import type { RulesSource } from '../rules/rules-source';
import {
  DEFAULT_ENQUEUE_PACING,
  type EnqueuePacing,
  paceWithin,
  runBudgetSeconds,
} from './enqueue-pacing';
import { RUN_DOCUMENTS, type RunDocument, type ShardSummary } from './run-documents';
import type { ReconcileRunStore } from './run-store';

/** The ports {@link finishReconcileRun} uses. */
export interface FinishRunDependencies extends ReconcileRunPorts {
  readonly provisionedState: Pick<ProvisionedStateRepository, 'listAll' | 'forgetAccount'>;
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly runs: ReconcileRunStore;
  readonly clock: Clock;
  /**
   * What the run may leave on the operations queue (as the shards are paced): the detaches and
   * deletes fill what the shards left of the window, at least one; the rest is planned again by
   * the next run. @default DEFAULT_ENQUEUE_PACING
   */
  readonly pacing?: EnqueuePacing;
}

/** Options of {@link finishReconcileRun}. */
export interface FinishRunOptions {
  readonly runId: string;
  /** Plan only. @default false */
  readonly dryRun?: boolean;
  /** Detaches and deletes confirmed (see the blast-radius cap). @default none */
  readonly confirmDestructive?: number;
}

/** The whole run's summary: counts only, small enough for any log line. */
export interface ReconcileRunSummary {
  readonly runId: string;
  readonly dryRun: boolean;
  readonly paused: boolean;
  readonly accounts: number;
  readonly shards: number;
  /** Operations planned over every shard (the drift metric). */
  readonly driftCount: number;
  readonly enqueued: number;
  /**
   * Operations the enqueue pacing left to the next run (they are planned again then; absent when
   * there were none).
   */
  readonly deferred?: number;
  readonly skipped: number;
  /** Detaches and deletes held for a confirmation. */
  readonly heldDestructive: number;
  /** Accounts that left the organization (their provisioned state forgotten unless a dry run). */
  readonly departedAccountIds: readonly string[];
  /** API calls of the run: Organizations and Identity Center. */
  readonly calls: { readonly organizations: number; readonly identityCenter: number };
}

/**
 * The last step of a sharded reconcile: aggregates the shards' summaries; applies the
 * blast-radius cap to the whole run's detaches and deletes (enqueued when within
 * `settings.maxDestructiveOperations` or confirmed — paced within what the shards left of the
 * run's worker time, see {@link FinishRunDependencies.pacing} —, else audited as `held` and
 * alerted); forgets
 * departed accounts; keeps the directory view for the processor; records the run.
 *
 * @example
 * ```ts
 * const summary = await finishReconcileRun(deps, { runId });
 * logger.info('reconcile finished', { ...summary });
 * ```
 */
export async function finishReconcileRun(
  deps: FinishRunDependencies,
  options: FinishRunOptions,
): Promise<ReconcileRunSummary> {
  return (await finishRun(deps, options)).summary;
}

/**
 * {@link finishReconcileRun} with the held detaches and deletes themselves (for in-process
 * drivers that show them; the deployed step logs and returns counts only).
 *
 * @example
 * ```ts
 * const { summary, held } = await finishRun(deps, { runId });
 * if (held !== null) console.error(describeHold(held));
 * ```
 */
export async function finishRun(
  deps: FinishRunDependencies,
  options: FinishRunOptions,
): Promise<{ readonly summary: ReconcileRunSummary; readonly held: DestructiveHold | null }> {
  const { runId } = options;
  const dryRun = options.dryRun ?? false;
  const run = await deps.runs.get<RunDocument>(runId, RUN_DOCUMENTS.run);
  if (run === undefined) throw new Error(`reconcile run ${runId} was never prepared`);
  const summaries: ShardSummary[] = [];
  for (let shard = 0; shard < run.shardCount; shard += 1) {
    const summary = await deps.runs.get<ShardSummary>(runId, RUN_DOCUMENTS.summary(shard));
    if (summary === undefined) throw new Error(`shard ${shard} of ${runId} has not finished`);
    summaries.push(summary);
  }
  const config = await deps.rules.current();
  const destructive = summaries.flatMap((summary) => summary.destructive);
  const limit = maxDestructiveOperationsOf(config.settings);
  const { proceed, held } = decideDestructive(destructive, limit, options.confirmDestructive);
  const paused = !dryRun && (await deps.pauseSwitch?.read())?.paused === true;
  const at = new Date(deps.clock.now()).toISOString();
  const members = new Set(run.accountIds);
  const departed = (await deps.provisionedState.listAll())
    .map((state) => state.accountId)
    .filter((accountId) => !members.has(accountId));
  const sum = (pick: (summary: ShardSummary) => number) =>
    summaries.reduce((total, summary) => total + pick(summary), 0);
  // Paced like the shards' enqueues: within what they left of the run's worker time.
  const pacing = deps.pacing ?? DEFAULT_ENQUEUE_PACING;
  const paced = paceWithin(
    proceed,
    runBudgetSeconds(pacing) - sum((s) => s.drainSeconds ?? 0),
    pacing,
  );
  const hold = dryRun || paused;
  if (!hold && paced.now.length > 0) {
    await deps.queue.send(paced.now.map((operation) => ({ eventId: runId, operation })));
  }
  if (!dryRun) {
    for (const accountId of departed) await deps.provisionedState.forgetAccount(accountId);
    if (held !== null) await holdDestructive(deps, runId, at, held);
  }
  await deps.directoryViews?.save({ ...run.view, readAt: at });
  const driftCount = sum((s) => s.driftCount);
  const enqueued = hold ? 0 : sum((s) => s.enqueued) + paced.now.length;
  const deferred = sum((s) => s.deferred ?? 0) + (hold ? 0 : paced.deferred);
  await deps.runLog?.recordRun({
    runId,
    at,
    dryRun,
    driftCount,
    enqueued,
    heldDestructive: held?.operations.length ?? 0,
    paused,
  });
  const summary: ReconcileRunSummary = {
    runId,
    dryRun,
    paused,
    accounts: run.accountIds.length,
    shards: run.shardCount,
    driftCount,
    enqueued,
    ...(deferred > 0 ? { deferred } : {}),
    skipped: sum((s) => s.skipped),
    heldDestructive: held?.operations.length ?? 0,
    departedAccountIds: departed,
    calls: {
      organizations: run.calls.organizations + sum((s) => s.organizationsCalls),
      identityCenter: run.calls.identityCenter,
    },
  };
  return { summary, held };
}
