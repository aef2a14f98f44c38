/**
 * The sharded reconcile driven in one process (`orgctl reconcile`, the local stack, chaos): the
 * deployed state machine's steps — prepare, every shard, finish — called in turn.
 */
import type { OrgSnapshot, Plan } from '@org/scope-engine';
import { mapLimit } from '../map-limit';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { ReconcileResult } from '../reconcile/reconcile';
import type { ReadProgress } from '../state/read-full-snapshot';
import { type FinishRunDependencies, finishRun, type ReconcileRunSummary } from './finish-run';
import { type PrepareRunDependencies, prepareReconcileRun } from './prepare-run';
import { type ReconcileShardDependencies, reconcileShard } from './reconcile-shard';
import { RUN_DOCUMENTS, type RunDocument, runSnapshot } from './run-documents';
import { InMemoryRunStore, type ReconcileRunStore } from './run-store';

/** The ports of every step of a sharded run (the union of what each step reads and writes). */
export type ShardedReconcileDependencies = Omit<
  PrepareRunDependencies,
  'runs' | 'provisionedState'
> &
  Omit<ReconcileShardDependencies, 'runs' | 'organizations' | 'provisionedState'> &
  Omit<FinishRunDependencies, 'runs' | 'provisionedState'> & {
    readonly provisionedState: Pick<
      ProvisionedStateRepository,
      'listAll' | 'getAccount' | 'forgetAccount'
    >;
    /** Where the run's checkpoints are kept. @default a new in-memory store per run */
    readonly runs?: ReconcileRunStore;
  };

/** Options of {@link runShardedReconcile}. */
export interface ShardedReconcileOptions {
  /** Id of this run (audit entries, queue correlation). */
  readonly runId: string;
  /** Plan only: enqueue nothing, forget nothing. @default false */
  readonly dryRun?: boolean;
  /** Confirms this many detaches and deletes (the blast-radius cap). @default none confirmed */
  readonly confirmDestructive?: number;
  /** Accounts per shard. @default 1000 (as deployed) */
  readonly shardSize?: number;
  /** Reads in flight at once, in the preparation and in each shard. @default 4 */
  readonly concurrency?: number;
  /** Shards reconciled at once. @default 1 */
  readonly shardConcurrency?: number;
  /** Progress through the organization's accounts (after each shard). */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** What an in-process sharded run found and did: the single-pass result, and the run's summary. */
export interface ShardedReconcileResult extends ReconcileResult {
  /** The run's summary, as the deployed finish step returns it. */
  readonly summary: ReconcileRunSummary;
}

/** No deadline: an in-process step never stops to checkpoint. */
const NO_DEADLINE = Number.POSITIVE_INFINITY;

/**
 * A whole-organization reconcile through the deployed use-cases, in one process: prepares the
 * run ({@link prepareReconcileRun}), reconciles each shard ({@link reconcileShard}: tags, plan,
 * paced creates and attaches, audit) and finishes it (the blast-radius cap over the whole run's
 * detaches and deletes, departed accounts, directory view, run record). Returns what the
 * single-pass reconcile returned — the snapshot read and the plan (the shards' plans in account
 * order), the drift, what was enqueued, the held operations, paused, departed accounts — and the
 * run's summary. The checkpoints stay in `deps.runs` (a fresh in-memory store by default).
 *
 * @example
 * ```ts
 * const result = await runShardedReconcile(deps, { runId: 'orgctl-reconcile-1', dryRun: true });
 * console.log(`${result.driftCount} operations needed`);
 * ```
 */
export async function runShardedReconcile(
  deps: ShardedReconcileDependencies,
  options: ShardedReconcileOptions,
): Promise<ShardedReconcileResult> {
  const { runId } = options;
  const dryRun = options.dryRun ?? false;
  const runs = deps.runs ?? new InMemoryRunStore();
  const concurrency = options.concurrency ?? 4;
  const prepared = await prepareReconcileRun(
    { ...deps, runs },
    {
      runId,
      deadlineMs: NO_DEADLINE,
      concurrency,
      ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    },
  );
  if (!prepared.done) throw new Error(`reconcile run ${runId}: the preparation did not finish`);
  let done = 0;
  const planned = await mapLimit(prepared.shards, options.shardConcurrency ?? 1, async (shard) => {
    const outcome = await reconcileShard(
      { ...deps, runs },
      { runId, shard, dryRun, deadlineMs: NO_DEADLINE, concurrency },
    );
    if (!outcome.done || outcome.planned === undefined) {
      throw new Error(`reconcile run ${runId}: shard ${shard} did not finish`);
    }
    done += outcome.summary.accounts;
    options.onProgress?.({ done, total: prepared.accounts });
    return outcome.planned;
  });
  const { summary, held } = await finishRun(
    { ...deps, runs },
    {
      runId,
      dryRun,
      ...(options.confirmDestructive === undefined
        ? {}
        : { confirmDestructive: options.confirmDestructive }),
    },
  );
  const run = await runs.get<RunDocument>(runId, RUN_DOCUMENTS.run);
  if (run === undefined) throw new Error(`reconcile run ${runId} was never prepared`);
  const snapshot: OrgSnapshot = {
    ...runSnapshot(run),
    accounts: planned.flatMap((p) => p.snapshot.accounts),
    attachments: planned.flatMap((p) => p.snapshot.attachments),
    assignments: planned.flatMap((p) => p.snapshot.assignments),
  };
  const plan: Plan = {
    event: null,
    operations: planned.flatMap((p) => p.plan.operations),
    skipped: planned.flatMap((p) => p.plan.skipped),
    ignored: null,
  };
  return {
    runId,
    snapshot,
    plan,
    driftCount: summary.driftCount,
    enqueued: summary.enqueued,
    held,
    paused: summary.paused,
    departedAccountIds: summary.departedAccountIds,
    dryRun,
    summary,
  };
}
