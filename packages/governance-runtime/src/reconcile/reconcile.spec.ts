import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { StoredGovernanceConfig } from '../ports/rules-repository';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { staticRulesSource } from '../rules/rules-source';
import { applyRules } from './apply-rules';
import { reconcile } from './reconcile';
import {
  BASELINE_AND_RETIRED_POLICIES,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  MANAGEMENT_ACCOUNT,
  READ_ONLY_ARN as RO,
  WORKLOADS_OU,
  AUDITORS_GROUP,
  READ_ONLY_SET,
  activeAccount,
  orgSnapshot,
  WORKLOADS_APP,
  baselineAndRetiredAttachments,
  AUDITORS_ON_WORKLOADS_RULE,
} from '../../test/support/org-fixtures';
import { inMemoryRulesRepository, inMemoryPorts } from '../../test/support/in-memory-ports';

const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: [WORKLOADS_OU],
  accounts: [MANAGEMENT_ACCOUNT, WORKLOADS_APP, activeAccount('333333333333', 'data', 'r-ab12')],
  policies: BASELINE_AND_RETIRED_POLICIES,
  permissionSets: [READ_ONLY_SET],
  principals: [AUDITORS_GROUP],
  attachments: baselineAndRetiredAttachments('222222222222', '333333333333'),
});

const V1: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [],
  notifications: [],
};

const V2: GovernanceConfig = {
  ...V1,
  assignmentRules: [AUDITORS_ON_WORKLOADS_RULE],
};

async function setup() {
  const { deps, queue, audit, provisionedState } = inMemoryPorts(ORG);
  await provisionedState.recordApplied('222222222222', {
    kind: 'attachment',
    policyId: 'p-base0001',
    ruleIds: ['baseline'],
    tagKeys: [],
  });
  await provisionedState.recordApplied('222222222222', {
    kind: 'attachment',
    policyId: 'p-old00001',
    ruleIds: ['retired'],
    tagKeys: [],
  });
  await provisionedState.recordApplied('999999999999', {
    kind: 'attachment',
    policyId: 'p-base0001',
    ruleIds: ['baseline'],
    tagKeys: [],
  });
  return { deps, queue, audit, provisionedState };
}

/** What V2 adds: the auditors' assignment on the Workloads account. */
const create = {
  type: 'createAssignment',
  accountId: '222222222222',
  permissionSetArn: RO,
  principalType: 'GROUP',
  principalId: 'g-auditors',
  ruleIds: ['auditors'],
};

const SKIP_DETAIL = 'ManagementAccount: SCPs never target the management account';

const repair = [
  {
    type: 'detachPolicy',
    policyType: 'SERVICE_CONTROL_POLICY',
    accountId: '222222222222',
    policyId: 'p-old00001',
    ruleIds: [],
  },
  {
    type: 'attachPolicy',
    policyType: 'SERVICE_CONTROL_POLICY',
    accountId: '333333333333',
    policyId: 'p-base0001',
    ruleIds: ['baseline'],
  },
];

describe('reconcile', () => {
  it.each([
    { dryRun: false, enqueued: repair, forgotten: true },
    { dryRun: true, enqueued: [], forgotten: false },
  ])(
    'dryRun=$dryRun repairs the drift, keeps unmanaged items and forgets departed accounts',
    async ({ dryRun, enqueued, forgotten }) => {
      const { deps, queue, audit, provisionedState } = await setup();
      const progress: number[] = [];
      const result = await reconcile(
        { ...deps, rules: staticRulesSource(V1) },
        { runId: 'run-1', dryRun, onProgress: ({ done }) => progress.push(done) },
      );
      expect({
        plan: result.plan.operations,
        driftCount: result.driftCount,
        enqueued: queue.peek().map((m) => m.operation),
        correlation: [...new Set(queue.peek().map((m) => m.eventId))],
        departed: result.departedAccountIds,
        forgotten: (await provisionedState.getAccount('999999999999')).items.length === 0,
        audit: audit.entries().map((e) => [e.type, e.outcome, e.planSummary ?? e.detail ?? null]),
        progress,
      }).toStrictEqual({
        plan: repair,
        driftCount: 2,
        enqueued,
        correlation: dryRun ? [] : ['run-1'],
        departed: ['999999999999'],
        forgotten,
        audit: [
          ['reconcile', 'planned', { operations: 2, skipped: 1 }],
          ['reconcile', 'skipped', SKIP_DETAIL],
        ],
        progress: [1, 2, 3],
      });
    },
  );
});

describe('applyRules', () => {
  it.each([
    { dryRun: false, version: 2, stored: V2 },
    { dryRun: true, version: 1, stored: V1 },
  ])(
    'dryRun=$dryRun saves the rules and reconciles only the accounts they change',
    async ({ dryRun, version, stored }) => {
      const { deps, queue } = await setup();
      const rulesRepository = inMemoryRulesRepository({
        config: V1,
        version: 1,
        updatedAt: '2026-01-01T00:00:00Z',
      });
      const result = await applyRules(
        V2,
        { ...deps, rulesRepository },
        { runId: 'apply-1', dryRun, updatedAt: '2026-02-01T00:00:00Z' },
      );
      expect({
        changed: result.changedAccountIds,
        plan: result.plan.operations,
        enqueued: queue.peek().map((m) => m.operation),
        versions: [result.previousVersion, result.version],
        stored: rulesRepository.current().config,
      }).toStrictEqual({
        changed: ['222222222222'],
        plan: [repair[0], create],
        enqueued: dryRun ? [] : [repair[0], create],
        versions: [1, version],
        stored,
      });
    },
  );
});

describe('applyRules re-run after a failure past the save', () => {
  it('stores nothing and reconciles every account, so no change of the first run is left', async () => {
    const { deps, queue } = await setup();
    const stored = inMemoryRulesRepository({ config: V1, version: 1, updatedAt: 't0' });
    const saves: number[] = [];
    const rulesRepository = {
      load: stored.load,
      save: async (config: GovernanceConfig, expectedVersion: number, updatedAt: string) => {
        saves.push(expectedVersion);
        return stored.save(config, expectedVersion, updatedAt);
      },
    };
    const throttled = Object.assign(new Error('SendMessageBatch throttled'), { code: 'Throttled' });
    const failingQueue = { send: () => Promise.reject(throttled) };
    const options = { runId: 'apply-1', updatedAt: '2026-02-01T00:00:00Z' };
    await expect(
      applyRules(V2, { ...deps, queue: failingQueue, rulesRepository }, options),
    ).rejects.toBe(throttled);
    const rerun = await applyRules(V2, { ...deps, rulesRepository }, options);
    expect({
      resumed: rerun.resumed,
      versions: [rerun.previousVersion, rerun.version],
      saves,
      changed: rerun.changedAccountIds,
      enqueued: queue.peek().map((m) => m.operation),
    }).toStrictEqual({
      resumed: true,
      versions: [2, 2],
      saves: [1],
      changed: [],
      enqueued: [repair[0], create, repair[1]],
    });
  });
});

describe('the directory view kept for planners without Identity Center clients', () => {
  const viewOf = (principals: OrgSnapshot['principals']) => ({
    permissionSets: ORG.permissionSets,
    principals,
    readAt: '1970-01-01T00:00:00.000Z',
  });

  it.each([false, true])('reconcile keeps the view it read (dryRun=%s)', async (dryRun) => {
    const { deps } = await setup();
    const directoryViews = new InMemoryDirectoryViewStore();
    await reconcile(
      { ...deps, directoryViews, rules: staticRulesSource(V2) },
      { runId: 'run-1', dryRun },
    );
    expect(await directoryViews.load()).toStrictEqual(viewOf(ORG.principals));
  });

  it('reconcile keeps nothing without a store', async () => {
    const { deps } = await setup();
    const result = await reconcile({ ...deps, rules: staticRulesSource(V2) }, { runId: 'run-1' });
    expect(result.driftCount).toStrictEqual(3);
  });

  it.each([
    { dryRun: false, kept: viewOf(ORG.principals) },
    { dryRun: true, kept: null },
  ])(
    'applyRules keeps the view of both configurations unless a dry run ($dryRun)',
    async ({ dryRun, kept }) => {
      const { deps } = await setup();
      const directoryViews = new InMemoryDirectoryViewStore();
      const rulesRepository = {
        load: async (): Promise<StoredGovernanceConfig> => ({
          config: V2,
          version: 1,
          updatedAt: '2026-01-01T00:00:00Z',
        }),
        save: async () => 2,
      };
      await applyRules(
        V1,
        { ...deps, directoryViews, rulesRepository },
        { runId: 'apply-1', dryRun, updatedAt: '2026-02-01T00:00:00Z' },
      );
      expect(await directoryViews.load()).toStrictEqual(kept);
    },
  );
});
