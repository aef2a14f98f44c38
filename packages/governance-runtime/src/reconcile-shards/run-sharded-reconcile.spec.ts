import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import { NOT_PAUSED } from '../pause/pause-switch';
import { staticRulesSource } from '../rules/rules-source';
import {
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryPauseSwitch,
  InMemoryProvisionedState,
  VirtualClock,
} from '../testing';
import { liveOrganizationReads } from '../testing/live-organization-reads';
import {
  activeAccount,
  AUDITORS_GROUP,
  AUDITORS_ON_WORKLOADS_RULE,
  BASELINE_AND_RETIRED_POLICIES,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  NESTED_OUS,
  orgSnapshot,
  READ_ONLY_SET,
} from '../../test/support/org-fixtures';
import { InMemoryRunStore } from './run-store';
import { runShardedReconcile } from './run-sharded-reconcile';

/** Seven accounts under the nested OUs: each needs the baseline SCP, some the auditors. */
const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: NESTED_OUS,
  accounts: Array.from({ length: 7 }, (_, i) =>
    activeAccount(
      String(300_000_000_000 + i),
      `a${i}`,
      ['r-ab12', 'ou-ab12-aaaaaaaa', 'ou-ab12-bbbbbbbb'][i % 3] ?? 'r-ab12',
    ),
  ),
  policies: BASELINE_AND_RETIRED_POLICIES,
  permissionSets: [READ_ONLY_SET],
  principals: [AUDITORS_GROUP],
});

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [AUDITORS_ON_WORKLOADS_RULE],
  notifications: [],
};

function setup() {
  const org = new InMemoryOrganization(ORG);
  const reads = liveOrganizationReads(org);
  const queue = new InMemoryOperationQueue();
  const control = new InMemoryPauseSwitch();
  const runs = new InMemoryRunStore();
  const deps = {
    organizations: reads,
    identityCenter: reads,
    directory: org,
    provisionedState: new InMemoryProvisionedState(),
    rules: staticRulesSource(CONFIG),
    queue,
    audit: new InMemoryAuditLog(),
    clock: new VirtualClock(0),
    pauseSwitch: control,
    runLog: control,
    runs,
  };
  return { deps, queue, control, runs };
}

describe('runShardedReconcile', () => {
  it('runs prepare, every shard and finish in process, reporting progress per shard', async () => {
    const { deps, queue, control, runs } = setup();
    const progress: string[] = [];
    const result = await runShardedReconcile(deps, {
      runId: 'run-1',
      shardSize: 3,
      shardConcurrency: 2,
      onProgress: ({ done, total }) => progress.push(`${done}/${total}`),
    });
    expect({
      progress: progress.sort(),
      shards: result.summary.shards,
      accounts: result.snapshot.accounts.map((a) => a.id),
      drift: result.driftCount === result.plan.operations.length && result.driftCount > 0,
      queued: queue.peek().length === result.enqueued && result.enqueued === result.driftCount,
      recorded: (await control.lastRun())?.runId,
      // The checkpoints are where the caller said.
      kept: (await runs.get('run-1', 'run')) !== undefined,
    }).toStrictEqual({
      progress: ['3/7', '6/7', '7/7'].sort(),
      shards: 3,
      accounts: ORG.accounts.map((a) => a.id),
      drift: true,
      queued: true,
      recorded: 'run-1',
      kept: true,
    });
  });

  it('plans and audits but enqueues nothing while paused, and nothing on a dry run', async () => {
    const paused = setup();
    await paused.control.set({ ...NOT_PAUSED, paused: true });
    const whilePaused = await runShardedReconcile(paused.deps, { runId: 'run-2' });
    const dry = setup();
    const dryRun = await runShardedReconcile(dry.deps, { runId: 'run-3', dryRun: true });
    expect({
      paused: [whilePaused.paused, whilePaused.enqueued, paused.queue.peek().length],
      dry: [dryRun.dryRun, dryRun.enqueued, dry.queue.peek().length],
      planned: [whilePaused.driftCount > 0, dryRun.driftCount === whilePaused.driftCount],
    }).toStrictEqual({
      paused: [true, 0, 0],
      dry: [true, 0, 0],
      planned: [true, true],
    });
  });
});
