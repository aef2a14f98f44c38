/**
 * The two whole-organization reconciles over one organization: the single-pass reference
 * (`reconcile`) and the sharded use-cases driven in process (`runShardedReconcile`, what
 * `orgctl reconcile`, the local stack and the deployed state machine's steps run).
 */
import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import { reconcile, runShardedReconcile, staticRulesSource } from '../../src';
import {
  InMemoryAuditLog,
  InMemoryDirectoryViewStore,
  InMemoryOperationQueue,
  InMemoryOrganization,
  VirtualClock,
} from '../../src/testing';
import { liveOrganizationReads } from '../../src/testing/live-organization-reads';
import { provisionedStateOf } from './deployed-plan';

/** What a reconcile run did, in a form both runs can be compared in. */
export interface ReconcileOutcome {
  /** The plan's operations, in plan order. */
  readonly operations: readonly Operation[];
  /** The plan's skips, sorted (JSON). */
  readonly skipped: readonly string[];
  /** What the queue holds afterwards, sorted (JSON). */
  readonly queued: readonly string[];
  readonly driftCount: number;
  readonly enqueued: number;
  /** Held detaches and deletes (JSON, plan order), or `null`. */
  readonly held: readonly string[] | null;
  readonly departed: readonly string[];
  /** Accounts whose provisioned state is left. */
  readonly provisionedAccounts: readonly string[];
  /** The permission sets and principals kept for the processor. */
  readonly directoryView: unknown;
}

/** Options of both runs. */
export interface RunOptions {
  readonly dryRun?: boolean;
  readonly confirmDestructive?: number;
  /** Accounts per shard of the sharded run. */
  readonly shardSize?: number;
  /** Provisioned state of accounts that are not in the organization (departed). */
  readonly departed?: readonly string[];
}

const json = (value: unknown): string => JSON.stringify(value);

/** Runs one reconcile over fresh in-memory ports seeded from `snapshot`. */
async function runOnce(
  which: 'single-pass' | 'sharded',
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  options: RunOptions,
): Promise<ReconcileOutcome> {
  const org = new InMemoryOrganization(snapshot);
  const provisionedState = await provisionedStateOf(snapshot);
  for (const accountId of options.departed ?? []) {
    await provisionedState.recordApplied(accountId, {
      kind: 'attachment',
      policyId: 'p-departed',
      ruleIds: ['gone'],
      tagKeys: [],
    });
  }
  const queue = new InMemoryOperationQueue();
  const directoryViews = new InMemoryDirectoryViewStore();
  const common = {
    provisionedState,
    rules: staticRulesSource(config),
    queue,
    audit: new InMemoryAuditLog(),
    clock: new VirtualClock(Date.parse('2026-01-01T00:00:00Z')),
    directory: org,
    directoryViews,
  };
  const runOptions = {
    runId: `run-${which}`,
    dryRun: options.dryRun ?? false,
    ...(options.confirmDestructive === undefined
      ? {}
      : { confirmDestructive: options.confirmDestructive }),
  };
  const reads = liveOrganizationReads(org);
  const result =
    which === 'single-pass'
      ? await reconcile({ ...common, organizations: org, identityCenter: org }, runOptions)
      : await runShardedReconcile(
          { ...common, organizations: reads, identityCenter: reads },
          { ...runOptions, shardSize: options.shardSize ?? 3 },
        );
  const view = await directoryViews.load();
  return {
    operations: result.plan.operations,
    skipped: result.plan.skipped.map(json).sort(),
    queued: queue
      .peek()
      .map((message) => json(message.operation))
      .sort(),
    driftCount: result.driftCount,
    enqueued: result.enqueued,
    held: result.held === null ? null : result.held.operations.map(json),
    departed: [...result.departedAccountIds].sort(),
    provisionedAccounts: (await provisionedState.listAll()).map((s) => s.accountId).sort(),
    directoryView:
      view === null ? null : { permissionSets: view.permissionSets, principals: view.principals },
  };
}

/**
 * Both reconciles of one organization, each over its own fresh ports.
 *
 * @example
 * ```ts
 * const { singlePass, sharded } = await bothReconciles(org, config, { shardSize: 2 });
 * expect(sharded).toStrictEqual(singlePass);
 * ```
 */
export async function bothReconciles(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  options: RunOptions = {},
): Promise<{ singlePass: ReconcileOutcome; sharded: ReconcileOutcome }> {
  return {
    singlePass: await runOnce('single-pass', snapshot, config, options),
    sharded: await runOnce('sharded', snapshot, config, options),
  };
}
