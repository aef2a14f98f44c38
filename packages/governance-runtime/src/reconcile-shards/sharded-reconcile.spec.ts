import {
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  planReconcile,
} from '@org/scope-engine';
import { staticRulesSource } from '../rules/rules-source';
import { withManagedBy } from '../state/with-managed-by';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { SnapshotOrganizationReads } from '../testing/snapshot-organization-reads';
import { VirtualClock } from '../testing/virtual-clock';
import { finishReconcileRun } from './finish-run';
import { prepareReconcileRun } from './prepare-run';
import { reconcileShard } from './reconcile-shard';
import { InMemoryRunStore } from './run-store';
import {
  BASELINE_AND_RETIRED_POLICIES,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  groupAssignment,
  NESTED_OUS,
  READ_ONLY_ARN as RO,
  AUDITORS_GROUP,
  READ_ONLY_SET,
  orgSnapshot,
  baselineAndRetiredAttachments,
  AUDITORS_ON_WORKLOADS_RULE,
  groupAssignmentItem,
} from '../../test/support/org-fixtures';

const account = (id: string, parentId: string, tags: Record<string, string> = {}) => ({
  id,
  name: `account-${id}`,
  parentId,
  status: 'ACTIVE' as const,
  tags,
});

/** 3 OUs (one nested), 25 accounts, a baseline SCP, auditors on Workloads and tagged prod. */
const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: NESTED_OUS,
  accounts: [
    account('111111111111', 'r-ab12'),
    ...Array.from({ length: 24 }, (_, i) =>
      account(
        String(200_000_000_000 + i),
        ['r-ab12', 'ou-ab12-aaaaaaaa', 'ou-ab12-bbbbbbbb', 'ou-ab12-cccccccc'][i % 4] ?? 'r-ab12',
        i % 3 === 0 ? { env: 'prod' } : {},
      ),
    ),
  ],
  policies: BASELINE_AND_RETIRED_POLICIES,
  permissionSets: [READ_ONLY_SET],
  principals: [AUDITORS_GROUP],
  attachments: baselineAndRetiredAttachments('200000000001', '200000000002'),
  assignments: [groupAssignment('200000000003', RO, 'g-auditors')],
});

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [AUDITORS_ON_WORKLOADS_RULE],
  notifications: [],
};

async function setup() {
  const provisionedState = new InMemoryProvisionedState();
  const record = (accountId: string, policyId: string, ruleIds: string[]) =>
    provisionedState.recordApplied(accountId, {
      kind: 'attachment',
      policyId,
      ruleIds,
      tagKeys: [],
    });
  await record('200000000001', 'p-base0001', ['baseline']);
  await record('200000000001', 'p-old00001', ['retired']);
  await record('999999999999', 'p-base0001', ['baseline']);
  await provisionedState.recordApplied(
    '200000000003',
    groupAssignmentItem(RO, 'g-auditors', ['auditors-old']),
  );
  const directory = new InMemoryOrganization(ORG);
  const reads = new SnapshotOrganizationReads(ORG);
  const clock = new VirtualClock(0);
  const queue = new InMemoryOperationQueue();
  const deps = {
    organizations: reads,
    identityCenter: Object.assign(reads, {
      listPermissionSets: () => directory.listPermissionSets(),
    }),
    directory,
    provisionedState,
    rules: staticRulesSource(CONFIG),
    queue,
    audit: new InMemoryAuditLog(),
    runs: new InMemoryRunStore(),
    clock,
    directoryViews: new InMemoryDirectoryViewStore(),
  };
  return { deps, reads, queue, clock, provisionedState };
}

const byKey = (ops: readonly Operation[]) => [...ops].map((op) => JSON.stringify(op)).sort();

describe('sharded reconcile', () => {
  it('plans and enqueues what one whole-organization plan would, shard by shard, resuming after a deadline', async () => {
    const { deps, reads, queue, clock, provisionedState } = await setup();
    const expected = planReconcile(
      {
        ...ORG,
        ...withManagedBy(ORG.attachments, ORG.assignments, await provisionedState.listAll()),
      },
      CONFIG,
    );
    const runId = 'run-1';
    const stopped = await prepareReconcileRun(deps, { runId, deadlineMs: clock.now() });
    const prepared = await prepareReconcileRun(deps, { runId, deadlineMs: 60_000, shardSize: 10 });
    if (!prepared.done) throw new Error('the preparation did not finish');
    const firstTry = await reconcileShard(deps, { runId, shard: 0, deadlineMs: clock.now() });
    const outcomes = [];
    for (const shard of prepared.shards) {
      outcomes.push(await reconcileShard(deps, { runId, shard, deadlineMs: 60_000 }));
    }
    const again = await reconcileShard(deps, { runId, shard: 0, deadlineMs: 60_000 });
    const sentByShards = queue.peek().length;
    const summary = await finishReconcileRun(deps, { runId });
    expect({
      stopped,
      firstTry,
      shards: prepared.shards,
      done: outcomes.map((o) => o.done),
      again: again.done && outcomes[0]?.done === true && again.summary === outcomes[0].summary,
      sentByShards,
      enqueued: byKey(queue.peek().map((m) => m.operation)),
      correlation: [...new Set(queue.peek().map((m) => m.eventId))],
      summary: { ...summary, calls: undefined },
      tagReads: reads.calls['ListTagsForResource'],
      policyReads: reads.calls['ListPoliciesForTarget'],
      forgotten: (await provisionedState.getAccount('999999999999')).items,
    }).toStrictEqual({
      stopped: { done: false, pendingReads: 6 },
      firstTry: { done: false, shard: 0, pendingAccounts: 10 },
      shards: [0, 1, 2],
      done: [true, true, true],
      again: true,
      sentByShards: expected.operations.length - 2,
      enqueued: byKey(expected.operations),
      correlation: ['run-1'],
      summary: {
        runId,
        dryRun: false,
        paused: false,
        accounts: 25,
        shards: 3,
        driftCount: expected.operations.length,
        enqueued: expected.operations.length,
        skipped: expected.skipped.length,
        heldDestructive: 0,
        departedAccountIds: ['999999999999'],
        calls: undefined,
      },
      tagReads: 25,
      policyReads: undefined,
      forgotten: [],
    });
  });

  it('holds the whole run’s detaches and deletes over the cap, and enqueues nothing on a dry run', async () => {
    const { deps, queue } = await setup();
    const strict = {
      ...deps,
      rules: staticRulesSource({
        ...CONFIG,
        settings: { ...CONFIG.settings, maxDestructiveOperations: 1 },
      }),
    };
    const prepared = await prepareReconcileRun(strict, { runId: 'run-2', deadlineMs: 60_000 });
    if (!prepared.done) throw new Error('the preparation did not finish');
    await reconcileShard(strict, { runId: 'run-2', shard: 0, deadlineMs: 60_000 });
    const held = await finishReconcileRun(strict, { runId: 'run-2' });
    const prepareDry = await prepareReconcileRun(deps, { runId: 'dry', deadlineMs: 60_000 });
    if (!prepareDry.done) throw new Error('the preparation did not finish');
    const sent = queue.peek().length;
    await reconcileShard(deps, { runId: 'dry', shard: 0, dryRun: true, deadlineMs: 60_000 });
    const dry = await finishReconcileRun(deps, { runId: 'dry', dryRun: true });
    expect({
      heldDestructive: held.heldDestructive,
      destructiveSent: queue
        .peek()
        .filter(
          (m) => m.operation.type.startsWith('detach') || m.operation.type === 'deleteAssignment',
        ).length,
      dryEnqueued: dry.enqueued,
      drySent: queue.peek().length - sent,
    }).toStrictEqual({ heldDestructive: 2, destructiveSent: 0, dryEnqueued: 0, drySent: 0 });
  });
});
