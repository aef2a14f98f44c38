import { type Account, type OrgSnapshot, type Plan, planReconcile } from '@org/scope-engine';
import type { Clock } from '../clock';
import { mapLimit } from '../map-limit';
import type { PauseSwitch } from '../pause/pause-switch';
import type { AuditLog } from '../ports/audit-log';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import { auditPlan } from '../process/audit-plan';
import { isDestructive } from '../reconcile/destructive-hold';
import type { RulesSource } from '../rules/rules-source';
import { withManagedBy } from '../state/with-managed-by';
import {
  DEFAULT_ENQUEUE_PACING,
  drainSecondsOf,
  type EnqueuePacing,
  paceShard,
} from './enqueue-pacing';
import type { OrganizationReads } from './organization-reads';
import {
  RUN_DOCUMENTS,
  type RunDocument,
  runSnapshot,
  type ShardInput,
  type ShardSummary,
  type ShardTags,
} from './run-documents';
import type { ReconcileRunStore } from './run-store';
import type { FailureReporter } from '../failure-reporter';
import { reportUntrustedTags } from '../tag-trust/report-untrusted-tags';
import { type TagLedgerReads, withTagLedger } from '../tag-trust/tag-ledger-reads';

/** The ports {@link reconcileShard} uses. */
export interface ReconcileShardDependencies {
  readonly organizations: Pick<OrganizationReads, 'listTags'>;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount'>;
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly runs: ReconcileRunStore;
  readonly clock: Clock;
  /** While paused the shard plans and audits but enqueues nothing. @default never paused */
  readonly pauseSwitch?: Pick<PauseSwitch, 'read'>;
  /**
   * What the run may leave on the queue: the shard enqueues its share (by accounts) of what the
   * worker drains before the next run and leaves the rest to that run.
   * @default DEFAULT_ENQUEUE_PACING
   */
  readonly pacing?: EnqueuePacing;
  /** The tag ledger of the shard's accounts, read only with trusted tag principals. */
  readonly tagLedger?: TagLedgerReads;
  /** Where `UntrustedTag` skips are alerted. @default not alerted (still audited) */
  readonly failures?: Pick<FailureReporter, 'report'>;
}

/** Options of {@link reconcileShard}. */
export interface ReconcileShardOptions {
  readonly runId: string;
  readonly shard: number;
  /** Plan only: enqueue nothing. @default false */
  readonly dryRun?: boolean;
  /** Stop starting reads at this time (epoch ms) and checkpoint. */
  readonly deadlineMs: number;
  /** Tag reads in flight at once. @default 4 */
  readonly concurrency?: number;
}

/** Where a shard stands after one invocation. */
export type ShardOutcome =
  | { readonly done: false; readonly shard: number; readonly pendingAccounts: number }
  | {
      readonly done: true;
      readonly shard: number;
      readonly summary: ShardSummary;
      /**
       * The shard's snapshot and plan when this invocation planned it (absent when an earlier one
       * did and only its summary is stored): in-process drivers show the whole plan.
       */
      readonly planned?: { readonly snapshot: OrgSnapshot; readonly plan: Plan };
    };

/** A stored document that must exist. */
async function required<T>(runs: ReconcileRunStore, runId: string, name: string): Promise<T> {
  const document = await runs.get<T>(runId, name);
  if (document === undefined) {
    throw new Error(`reconcile run ${runId} has no ${name}: prepare the run first`);
  }
  return document;
}

/** Reads the tags of the shard's accounts not read yet, until done or the deadline. */
async function readTags(
  deps: ReconcileShardDependencies,
  options: ReconcileShardOptions,
  input: ShardInput,
): Promise<{ tags: ShardTags; pending: number }> {
  const name = RUN_DOCUMENTS.tags(options.shard);
  const tags: Record<string, Readonly<Record<string, string>>> = {
    ...(await deps.runs.get<ShardTags>(options.runId, name)),
  };
  const pending = input.accounts.filter((account) => !(account.id in tags));
  await mapLimit(pending, options.concurrency ?? 4, async (account) => {
    if (deps.clock.now() >= options.deadlineMs) return;
    tags[account.id] = await deps.organizations.listTags(account.id);
  });
  await deps.runs.put(options.runId, name, tags);
  return { tags, pending: input.accounts.filter((account) => !(account.id in tags)).length };
}

/**
 * One shard of a sharded reconcile: reads its accounts' tags (one `ListTagsForResource` each;
 * checkpointed, so an invocation stopped at `deadlineMs` goes on in the next), then plans its
 * accounts with the run's OUs, policies, attachments and assignments, enqueues the creates and
 * attaches (unless a dry run) — paced: no more than its share of what the worker drains before the
 * next run (`deps.pacing`), the rest is planned again by that run — and audits a summary.
 * Detaches and deletes are left in the shard's summary for {@link finishReconcileRun}: the
 * blast-radius cap counts the whole run.
 * Running a finished shard again returns its summary and enqueues nothing.
 *
 * @example
 * ```ts
 * const outcome = await reconcileShard(deps, { runId, shard: 3, deadlineMs: clock.now() + 480_000 });
 * ```
 */
export async function reconcileShard(
  deps: ReconcileShardDependencies,
  options: ReconcileShardOptions,
): Promise<ShardOutcome> {
  const { runId, shard } = options;
  const finished = await deps.runs.get<ShardSummary>(runId, RUN_DOCUMENTS.summary(shard));
  if (finished !== undefined) return { done: true, shard, summary: finished };
  const input = await required<ShardInput>(deps.runs, runId, RUN_DOCUMENTS.shard(shard));
  const { tags, pending } = await readTags(deps, options, input);
  if (pending > 0) return { done: false, shard, pendingAccounts: pending };

  const [run, config] = await Promise.all([
    required<RunDocument>(deps.runs, runId, RUN_DOCUMENTS.run),
    deps.rules.current(),
  ]);
  const provisioned = await mapLimit(input.accounts, 8, (account) =>
    deps.provisionedState.getAccount(account.id),
  );
  const accounts: Account[] = input.accounts.map((account) => ({
    ...account,
    tags: tags[account.id] ?? {},
  }));
  const read: OrgSnapshot = {
    ...runSnapshot(run),
    accounts,
    ...withManagedBy(input.attachments, input.assignments, provisioned),
  };
  const snapshot = await withTagLedger(
    read,
    config,
    deps.tagLedger,
    accounts.map((account) => account.id),
  );
  const plan = planReconcile(snapshot, config);
  const pacing = deps.pacing ?? DEFAULT_ENQUEUE_PACING;
  const paced = paceShard(
    plan.operations.filter((operation) => !isDestructive(operation)),
    { shardAccounts: accounts.length, runAccounts: run.accountIds.length },
    pacing,
  );
  const proceed = paced.now;
  const seconds = drainSecondsOf(proceed, pacing);
  const dryRun = options.dryRun ?? false;
  const hold = dryRun || (await deps.pauseSwitch?.read())?.paused === true;
  if (!hold && proceed.length > 0) {
    await deps.queue.send(proceed.map((operation) => ({ eventId: runId, operation })));
  }
  await auditPlan(
    deps.audit,
    {
      eventId: `${runId}/shard-${shard}`,
      at: new Date(deps.clock.now()).toISOString(),
      type: 'reconcile',
    },
    plan,
  );
  const untrustedTags = await reportUntrustedTags(
    deps.failures,
    `${runId}/shard-${shard}`,
    plan.skipped,
  );
  const summary: ShardSummary = {
    shard,
    accounts: accounts.length,
    driftCount: plan.operations.length,
    enqueued: hold ? 0 : proceed.length,
    ...(hold || paced.deferred === 0 ? {} : { deferred: paced.deferred }),
    ...(hold || seconds === 0 ? {} : { drainSeconds: seconds }),
    skipped: plan.skipped.length,
    ...(untrustedTags > 0 ? { untrustedTags } : {}),
    destructive: plan.operations.filter(isDestructive),
    organizationsCalls: accounts.length,
  };
  await deps.runs.put(runId, RUN_DOCUMENTS.summary(shard), summary);
  return { done: true, shard, summary, planned: { snapshot, plan } };
}
