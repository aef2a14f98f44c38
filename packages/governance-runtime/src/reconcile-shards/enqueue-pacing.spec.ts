import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import { PUBLISHED_SERVICE_RATES } from '../quota/service-budgets';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { SnapshotOrganizationReads } from '../testing/snapshot-organization-reads';
import { VirtualClock } from '../testing/virtual-clock';
import {
  activeAccount,
  AUDITORS_GROUP,
  groupAssignmentItem,
  AUDITORS_RULE,
  DEFAULT_SETTINGS,
  groupAssignment,
  orgSnapshot,
  READ_ONLY_ARN as RO,
  READ_ONLY_SET,
} from '../../test/support/org-fixtures';
import {
  DEFAULT_ENQUEUE_PACING,
  type EnqueuePacing,
  paceShard,
  pacingForRates,
} from './enqueue-pacing';
import { finishReconcileRun } from './finish-run';
import { prepareReconcileRun } from './prepare-run';
import { reconcileShard } from './reconcile-shard';
import { InMemoryRunStore } from './run-store';

const create = (accountId: string): Operation => ({
  type: 'createAssignment',
  accountId,
  permissionSetArn: RO,
  principalType: 'GROUP',
  principalId: 'g-auditors',
  ruleIds: ['auditors'],
});

const attach = (accountId: string): Operation => ({
  type: 'attachPolicy',
  accountId,
  policyId: 'p-base0001',
  policyType: 'SERVICE_CONTROL_POLICY',
  ruleIds: ['baseline'],
});

/** One operation per worker-second of each kind, a 10 s window, all of it usable. */
const TEN_SECONDS: EnqueuePacing = {
  windowSeconds: 10,
  assignmentsPerSecond: 1,
  policyWritesPerSecond: 2,
  fill: 1,
};

describe('pacingForRates', () => {
  it('drains creations at 10 outstanding ÷ 4 s and policy writes at 2/s, over half a day by default', () => {
    expect(pacingForRates(PUBLISHED_SERVICE_RATES)).toStrictEqual({
      windowSeconds: 86_400,
      assignmentsPerSecond: 2.5,
      policyWritesPerSecond: 2,
      fill: 0.5,
    });
    expect(DEFAULT_ENQUEUE_PACING).toStrictEqual(pacingForRates());
  });

  it('follows a configured instance (15 outstanding) and schedule (hourly)', () => {
    const rates = { ...PUBLISHED_SERVICE_RATES, identityCenterMaxOutstandingCreates: 15 };
    expect(pacingForRates(rates, 3600)).toMatchObject({
      windowSeconds: 3600,
      assignmentsPerSecond: 3.75,
    });
  });
});

describe('paceShard', () => {
  const accounts = Array.from({ length: 8 }, (_, i) => String(200_000_000_000 + i));

  it('fills the shard’s share of the window in plan order and defers the rest', () => {
    // Half the run's accounts: 5 s of worker time — 3 creates (3 s) and 4 attaches (2 s).
    const operations = [
      ...accounts.slice(0, 3).map(create),
      ...accounts.map(attach),
      create(accounts[7] ?? ''),
    ];
    const { now, deferred } = paceShard(
      operations,
      { shardAccounts: 5, runAccounts: 10 },
      TEN_SECONDS,
    );
    expect(now).toStrictEqual(operations.slice(0, 7));
    expect(deferred).toBe(5);
  });

  it('enqueues everything that fits and at least one operation of a tiny share', () => {
    const operations = accounts.map(create);
    expect(
      paceShard(operations, { shardAccounts: 1, runAccounts: 1 }, DEFAULT_ENQUEUE_PACING),
    ).toStrictEqual({ now: operations, deferred: 0 });
    expect(
      paceShard(operations, { shardAccounts: 1, runAccounts: 1_000_000 }, TEN_SECONDS),
    ).toStrictEqual({ now: operations.slice(0, 1), deferred: 7 });
  });
});

type SharedPorts = ReturnType<typeof sharedPorts>;

/** The ports a run's steps share across runs, with `config` as the rules. */
const sharedPorts = (config: GovernanceConfig) => ({
  provisionedState: new InMemoryProvisionedState(),
  rules: staticRulesSource(config),
  queue: new InMemoryOperationQueue(),
  audit: new InMemoryAuditLog(),
  runs: new InMemoryRunStore(),
  clock: new VirtualClock(0),
});

/** One scheduled run (shards of 5 accounts, 10 s of worker time) on `snapshot`. */
async function runPaced(runId: string, snapshot: OrgSnapshot, shared: SharedPorts) {
  const reads = new SnapshotOrganizationReads(snapshot);
  const directory = new InMemoryOrganization(snapshot);
  const deps = {
    ...shared,
    organizations: reads,
    identityCenter: Object.assign(reads, {
      listPermissionSets: () => directory.listPermissionSets(),
    }),
    directory,
    pacing: TEN_SECONDS,
  };
  let prepared = await prepareReconcileRun(deps, { runId, deadlineMs: 1e9, shardSize: 5 });
  while (!prepared.done) {
    prepared = await prepareReconcileRun(deps, { runId, deadlineMs: 1e9, shardSize: 5 });
  }
  for (const shard of prepared.shards) {
    await reconcileShard(deps, { runId, shard, deadlineMs: 1e9 });
  }
  return finishReconcileRun(deps, { runId });
}

describe('a paced first run', () => {
  const ACCOUNTS = Array.from({ length: 20 }, (_, i) => String(200_000_000_000 + i));
  const CONFIG: GovernanceConfig = {
    settings: DEFAULT_SETTINGS,
    scpRules: [],
    assignmentRules: [AUDITORS_RULE],
    notifications: [],
  };
  const org = (assignments: OrgSnapshot['assignments']): OrgSnapshot =>
    orgSnapshot({
      accounts: ACCOUNTS.map((id) => activeAccount(id, `account-${id}`, 'r-ab12')),
      permissionSets: [READ_ONLY_SET],
      principals: [AUDITORS_GROUP],
      assignments,
    });

  /** One scheduled run (4 shards of 5 accounts) on the organization as the worker left it. */
  const run = (runId: string, applied: readonly string[], shared: SharedPorts) =>
    runPaced(runId, org(applied.map((id) => groupAssignment(id, RO, 'g-auditors'))), shared);

  it('enqueues what drains within the window per run; the next runs pick up the rest, each once', async () => {
    const shared = sharedPorts(CONFIG);
    const applied: string[] = [];
    const perRun: { enqueued: number; deferred: number | undefined }[] = [];
    for (let day = 1; day <= 3; day += 1) {
      const summary = await run(`run-${day}`, applied, shared);
      perRun.push({ enqueued: summary.enqueued, deferred: summary.deferred });
      // The worker drains the queue before the next run: each creation takes effect.
      for (const { operation } of shared.queue.drain()) {
        applied.push(operation.accountId);
        await shared.provisionedState.recordApplied(
          operation.accountId,
          groupAssignmentItem(RO, 'g-auditors', ['auditors']),
        );
      }
    }
    // 10 s of worker time per run at 1 creation/s: 2 per 5-account shard, 8 per run.
    expect(perRun).toStrictEqual([
      { enqueued: 8, deferred: 12 },
      { enqueued: 8, deferred: 4 },
      { enqueued: 4, deferred: undefined },
    ]);
    expect([...applied].sort()).toStrictEqual(ACCOUNTS);
  });
});

describe('paced removals at the run’s end', () => {
  it('enqueue the detaches and deletes that fit in what the shards left of the window; the next run the rest', async () => {
    // 20 accounts whose managed auditor assignment no rule justifies any more: 20 deletions.
    const accounts = Array.from({ length: 20 }, (_, i) => String(300_000_000_000 + i));
    const config: GovernanceConfig = {
      settings: DEFAULT_SETTINGS,
      scpRules: [],
      assignmentRules: [],
      notifications: [],
    };
    const shared = sharedPorts(config);
    const { provisionedState, queue } = shared;
    for (const id of accounts) {
      await provisionedState.recordApplied(
        id,
        groupAssignmentItem(RO, 'g-auditors', ['auditors-old']),
      );
    }
    const removed = new Set<string>();
    const runOnce = async (runId: string) => {
      const snapshot = orgSnapshot({
        accounts: accounts.map((id) => activeAccount(id, `account-${id}`, 'r-ab12')),
        permissionSets: [READ_ONLY_SET],
        principals: [AUDITORS_GROUP],
        assignments: accounts
          .filter((id) => !removed.has(id))
          .map((id) => groupAssignment(id, RO, 'g-auditors')),
      });
      const summary = await runPaced(runId, snapshot, shared);
      const sent = queue.drain().map((message) => message.operation);
      for (const operation of sent) {
        removed.add(operation.accountId);
        await provisionedState.recordRemoved(
          operation.accountId,
          groupAssignmentItem(RO, 'g-auditors', []),
        );
      }
      return { enqueued: summary.enqueued, deferred: summary.deferred, sent: sent.length };
    };
    // 10 s of worker time at 1 deletion/s: 10 per run, the others planned again by the next.
    expect([await runOnce('run-1'), await runOnce('run-2'), await runOnce('run-3')]).toStrictEqual([
      { enqueued: 10, deferred: 10, sent: 10 },
      { enqueued: 10, deferred: undefined, sent: 10 },
      { enqueued: 0, deferred: undefined, sent: 0 },
    ]);
  });
});
