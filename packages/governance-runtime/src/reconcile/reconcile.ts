import type { GovernanceConfig, OrgSnapshot, Plan } from '@org/scope-engine';
import { maxDestructiveOperationsOf, planReconcile } from '@org/scope-engine';
import { auditPaused } from '../pause/pause-gated-queue';
import type { AuditLog } from '../ports/audit-log';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { Clock } from '../clock';
import { auditPlan } from '../process/audit-plan';
import type { RulesSource } from '../rules/rules-source';
import { readFullSnapshot, type ReadProgress } from '../state/read-full-snapshot';
import { type SnapshotReaders } from '../state/read-account-snapshot';
import { decideDestructive, holdDestructive, type DestructiveHold } from './destructive-hold';
import type { ReconcileRunPorts } from './run-ports';
import { reportUntrustedTags } from '../tag-trust/report-untrusted-tags';
import { type TagLedgerReads, withTagLedger } from '../tag-trust/tag-ledger-reads';

/** The ports {@link reconcile} uses. */
export interface ReconcileDependencies extends SnapshotReaders, ReconcileRunPorts {
  readonly provisionedState: SnapshotReaders['provisionedState'] &
    Pick<ProvisionedStateRepository, 'forgetAccount'>;
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  /**
   * The tag ledger, read only with `settings.trustedTagPrincipals` (the whole ledger for a full
   * run, the accounts' for a partial one). @default none: no tag value is trusted
   */
  readonly tagLedger?: TagLedgerReads;
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
  /**
   * Confirms this many detaches and deletes: a plan holding more than
   * `settings.maxDestructiveOperations` executes them only when this covers them all.
   * @default none confirmed
   */
  readonly confirmDestructive?: number;
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
  /** Operations sent to the queue (0 on a dry run or while paused; held ones are not sent). */
  readonly enqueued: number;
  /** Detaches and deletes held back for a confirmation (also reported on a dry run). */
  readonly held: DestructiveHold | null;
  /** The pause switch was on: nothing was enqueued. */
  readonly paused: boolean;
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
 * The single-pass whole-organization reconcile: read the whole organization, keep the
 * directory view it read (see {@link ReconcileDependencies.directoryViews}), plan every account
 * against the rules, enqueue the repairs, forget accounts that left, audit. A dry run
 * only plans (and keeps the view).
 *
 * No product path runs it any more: the deployed state machine, `orgctl reconcile`, the local
 * stack and chaos run the sharded use-cases (`runShardedReconcile` in process). It is kept as the
 * reference the reconcile parity tests compare the sharded run with (the same plan, queue, holds,
 * departed accounts and directory view) and for the tests of the brakes it shares through
 * {@link finishReconcile}.
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
  const read = await readFullSnapshot(config, deps, options);
  const { departed } = read;
  const snapshot = await withTagLedger(
    read.snapshot,
    config,
    deps.tagLedger,
    options.accountIds ?? 'all',
  );
  await keepDirectoryView(deps, snapshot);
  return finishReconcile(
    deps,
    options,
    snapshot,
    config,
    options.accountIds,
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

/**
 * Finishes a reconcile: plans `snapshot` against `config`, restricted to `accountIds` (every
 * account when `undefined`), enqueues the plan (unless a dry run or paused) — all but its
 * detaches and deletes when they exceed the configuration's destructive limit and
 * `confirmDestructive` does not cover them (those are audited as `held` and alerted) —, forgets
 * departed accounts, audits (alerting `UntrustedTag` skips, dry run or not) and records the run.
 */
export async function finishReconcile(
  deps: Pick<
    ReconcileDependencies,
    'queue' | 'audit' | 'clock' | 'provisionedState' | 'failures' | 'pauseSwitch' | 'runLog'
  >,
  options: Pick<ReconcileOptions, 'runId' | 'dryRun' | 'confirmDestructive'>,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  accountIds: readonly string[] | undefined,
  departedAccountIds: readonly string[],
): Promise<ReconcileResult> {
  const plan = restrictPlan(planReconcile(snapshot, config), accountIds);
  const limit = maxDestructiveOperationsOf(config.settings);
  const dryRun = options.dryRun ?? false;
  const { runId } = options;
  const { proceed, held } = decideDestructive(plan.operations, limit, options.confirmDestructive);
  const paused = !dryRun && (await deps.pauseSwitch?.read())?.paused === true;
  const messages = proceed.map((operation) => ({ eventId: runId, operation }));
  if (!dryRun) {
    if (!paused && messages.length > 0) await deps.queue.send(messages);
    for (const accountId of departedAccountIds) {
      await deps.provisionedState.forgetAccount(accountId);
    }
  }
  const at = new Date(deps.clock.now()).toISOString();
  await auditPlan(deps.audit, { eventId: runId, at, type: 'reconcile' }, plan);
  await reportUntrustedTags(deps.failures, runId, plan.skipped);
  if (!dryRun) {
    if (paused) await auditPaused(deps.audit, at, messages);
    if (held !== null) await holdDestructive(deps, runId, at, held);
  }
  const enqueued = dryRun || paused ? 0 : proceed.length;
  await deps.runLog?.recordRun({
    runId,
    at,
    dryRun,
    driftCount: plan.operations.length,
    enqueued,
    heldDestructive: held?.operations.length ?? 0,
    paused,
  });
  return {
    runId,
    snapshot,
    plan,
    driftCount: plan.operations.length,
    enqueued,
    held,
    paused,
    departedAccountIds,
    dryRun,
  };
}
