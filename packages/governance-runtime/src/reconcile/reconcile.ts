import type { OrgSnapshot, Plan } from '@org/scope-engine';
import { planReconcile } from '@org/scope-engine';
import type { AuditLog } from '../ports/audit-log';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { Clock } from '../clock';
import { auditPlan } from '../process/audit-plan';
import type { RulesSource } from '../rules/rules-source';
import { type DirectoryViewStore } from '../state/directory-view-store';
import { readFullSnapshot, type ReadProgress } from '../state/read-full-snapshot';
import { type SnapshotReaders } from '../state/read-account-snapshot';

/** The ports {@link reconcile} uses. */
export interface ReconcileDependencies extends SnapshotReaders {
  readonly provisionedState: SnapshotReaders['provisionedState'] &
    Pick<ProvisionedStateRepository, 'forgetAccount'>;
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  /**
   * Where to keep the directory view (permission sets, principals the rules name) read on the
   * way, for planners without Identity Center clients. @default not kept
   */
  readonly directoryViews?: Pick<DirectoryViewStore, 'save'>;
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Id of this run (audit entries, queue correlation). */
  readonly runId: string;
  /** Plan only: enqueue nothing, forget nothing. @default false */
  readonly dryRun?: boolean;
  /** Only these accounts (e.g. those whose desired state a rules change altered). @default all */
  readonly accountIds?: readonly string[];
  /** Accounts whose assignments are read at once. @default 4 */
  readonly concurrency?: number;
  /** Progress of reading the organization. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** What a reconcile run found and did. */
export interface ReconcileResult {
  readonly runId: string;
  /** The snapshot read (what the organization looked like). */
  readonly snapshot: OrgSnapshot;
  /** The reconcile plan (restricted to `accountIds` when given). */
  readonly plan: Plan;
  /** Operations needed: drift that events did not repair. */
  readonly driftCount: number;
  /** Operations sent to the queue (0 on a dry run). */
  readonly enqueued: number;
  /** Accounts that left the organization and whose provisioned state was (or would be) forgotten. */
  readonly departedAccountIds: readonly string[];
  readonly dryRun: boolean;
}

/** The plan restricted to some accounts. */
export function restrictPlan(plan: Plan, accountIds: readonly string[] | undefined): Plan {
  if (accountIds === undefined) return plan;
  const wanted = new Set(accountIds);
  return {
    ...plan,
    operations: plan.operations.filter((op) => wanted.has(op.accountId)),
    skipped: plan.skipped.filter((skip) => wanted.has(skip.accountId)),
  };
}

/**
 * The reconciler's use-case (also `orgctl reconcile`): read the whole organization, keep the
 * directory view it read (see {@link ReconcileDependencies.directoryViews}), plan every account
 * against the rules, enqueue the repairs, forget accounts that left, audit. A dry run
 * only plans (and keeps the view).
 *
 * @example
 * ```ts
 * const result = await reconcile(deps, { runId: 'reconcile-2026-05-01', dryRun: true });
 * console.log(`${result.driftCount} operations needed`);
 * ```
 */
export async function reconcile(
  deps: ReconcileDependencies,
  options: ReconcileOptions,
): Promise<ReconcileResult> {
  const config = await deps.rules.current();
  const { snapshot, departed } = await readFullSnapshot(config, deps, options);
  await keepDirectoryView(deps, snapshot);
  const plan = restrictPlan(planReconcile(snapshot, config), options.accountIds);
  return finishReconcile(
    deps,
    options,
    snapshot,
    plan,
    departed.map((state) => state.accountId),
  );
}

/**
 * Stores the permission sets and principals of a full snapshot, when the deps keep them. A dry
 * run keeps them too: the view is a read of Identity Center, not a change, and the processor
 * plans with it whether or not the reconciler applies anything.
 */
export async function keepDirectoryView(
  deps: Pick<ReconcileDependencies, 'directoryViews' | 'clock'>,
  snapshot: OrgSnapshot,
): Promise<void> {
  await deps.directoryViews?.save({
    permissionSets: snapshot.permissionSets,
    principals: snapshot.principals,
    readAt: new Date(deps.clock.now()).toISOString(),
  });
}

/** Enqueues (unless a dry run), forgets departed accounts and audits a reconcile plan. */
export async function finishReconcile(
  deps: Pick<ReconcileDependencies, 'queue' | 'audit' | 'clock' | 'provisionedState'>,
  options: Pick<ReconcileOptions, 'runId' | 'dryRun'>,
  snapshot: OrgSnapshot,
  plan: Plan,
  departedAccountIds: readonly string[],
): Promise<ReconcileResult> {
  const dryRun = options.dryRun ?? false;
  if (!dryRun) {
    if (plan.operations.length > 0) {
      await deps.queue.send(
        plan.operations.map((operation) => ({ eventId: options.runId, operation })),
      );
    }
    for (const accountId of departedAccountIds) {
      await deps.provisionedState.forgetAccount(accountId);
    }
  }
  await auditPlan(
    deps.audit,
    { eventId: options.runId, at: new Date(deps.clock.now()).toISOString(), type: 'reconcile' },
    plan,
  );
  return {
    runId: options.runId,
    snapshot,
    plan,
    driftCount: plan.operations.length,
    enqueued: dryRun ? 0 : plan.operations.length,
    departedAccountIds,
    dryRun,
  };
}
