/**
 * After the last rule of a policy type is removed, that type is still read wherever the product
 * provisioned attachments of it, so its managed attachments are detached (under the blast-radius
 * cap like every detach). The organization doubles read only the types they are asked for (SCPs
 * always), like the Organizations adapter.
 */
import {
  policyTypesOf,
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  type PolicyType,
} from '@org/scope-engine';
import { AccountReads } from '../execute/account-reads';
import { judgeOperation } from '../execute/level-check';
import { finishReconcileRun } from '../reconcile-shards/finish-run';
import { prepareReconcileRun } from '../reconcile-shards/prepare-run';
import { reconcileAccounts } from '../reconcile-shards/reconcile-accounts';
import { reconcileShard } from '../reconcile-shards/reconcile-shard';
import { InMemoryRunStore } from '../reconcile-shards/run-store';
import { reconcile } from '../reconcile/reconcile';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { SnapshotOrganizationReads } from '../testing/snapshot-organization-reads';
import { VirtualClock } from '../testing/virtual-clock';
import { policyTypesToRead, provisionedPolicyTypes } from './policy-types-to-read';
import { readAccountSnapshot } from './read-account-snapshot';

const APP = '222222222222';
const NONE = { accounts: [], ous: [] };
const RCP = 'RESOURCE_CONTROL_POLICY';

/** An app account with a managed RCP and a managed tag policy whose rules are gone. */
const ORG: OrgSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', RCP, 'TAG_POLICY'],
  organizationalUnits: [],
  accounts: [{ id: APP, name: 'app', parentId: 'r-ab12', status: 'ACTIVE', tags: {} }],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-base0001', name: 'Baseline' },
    { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: RCP },
    { id: 'p-rcp00001', name: 'Perimeter', type: RCP },
    { id: 'p-tag00001', name: 'CostCenter', type: 'TAG_POLICY' },
  ],
  permissionSets: [],
  principals: [],
  attachments: [
    { targetId: APP, policyId: 'p-FullAWSAccess' },
    { targetId: APP, policyId: 'p-base0001' },
    { targetId: APP, policyId: 'p-RCPFullAWSAccess' },
    { targetId: APP, policyId: 'p-rcp00001' },
    { targetId: APP, policyId: 'p-tag00001' },
  ],
  assignments: [],
};

/** Only the SCP rule is left: the RCP and tag-policy rules were removed. */
const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [{ id: 'baseline', policies: ['Baseline'], scope: { type: 'root' }, exclude: NONE }],
  assignmentRules: [],
  notifications: [],
};

const detach = (policyId: string, policyType: PolicyType): Operation => ({
  type: 'detachPolicy',
  policyType,
  accountId: APP,
  policyId,
  ruleIds: [],
});

const EMPTY_VIEW = { current: async () => ({ permissionSets: [], principals: [], readAt: null }) };

const DETACHES = [detach('p-rcp00001', RCP), detach('p-tag00001', 'TAG_POLICY')];

async function setup(config: GovernanceConfig = CONFIG) {
  const provisionedState = new InMemoryProvisionedState();
  const record = (policyId: string, ruleId: string, policyType?: PolicyType) =>
    provisionedState.recordApplied(APP, {
      kind: 'attachment',
      policyId,
      ...(policyType === undefined ? {} : { policyType }),
      ruleIds: [ruleId],
      tagKeys: [],
    });
  await record('p-base0001', 'baseline'); // recorded before policy types: an SCP
  await record('p-rcp00001', 'perimeter', RCP);
  await record('p-tag00001', 'cost-center', 'TAG_POLICY');
  const org = new InMemoryOrganization(ORG);
  const queue = new InMemoryOperationQueue();
  const deps = {
    organizations: org,
    identityCenter: org,
    directory: org,
    provisionedState,
    rules: staticRulesSource(config),
    queue,
    audit: new InMemoryAuditLog(),
    clock: new VirtualClock(0),
  };
  return { deps, org, queue, provisionedState };
}

const capped = (cap: number): GovernanceConfig => ({
  ...CONFIG,
  settings: { ...CONFIG.settings, maxDestructiveOperations: cap },
});

describe('policy types of provisioned attachments', () => {
  it('reads the types the rules use and those the product provisioned (an untyped record is an SCP)', async () => {
    const { provisionedState } = await setup();
    const state = [await provisionedState.getAccount(APP)];
    expect({
      provisioned: provisionedPolicyTypes(state),
      toRead: policyTypesToRead({ policyRules: [] }, state),
      withRules: policyTypesToRead({ policyRules: [{ type: 'BACKUP_POLICY' } as never] }, [
        { accountId: APP, items: [] },
      ]),
    }).toStrictEqual({
      provisioned: ['SERVICE_CONTROL_POLICY', RCP, 'TAG_POLICY'],
      toRead: ['SERVICE_CONTROL_POLICY', RCP, 'TAG_POLICY'],
      withRules: ['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY'],
    });
  });

  it('a single-pass reconcile detaches the managed RCP and tag policy, default policies kept', async () => {
    const { deps, queue } = await setup();
    const result = await reconcile(deps, { runId: 'run-1' });
    expect({
      planned: result.plan.operations,
      enqueued: queue.peek().map((m) => m.operation),
    }).toStrictEqual({ planned: DETACHES, enqueued: DETACHES });
  });

  it('the blast-radius cap still counts those detaches', async () => {
    const { deps, queue } = await setup(capped(1));
    const result = await reconcile(deps, { runId: 'run-1' });
    expect({ held: result.held?.operations.length, enqueued: queue.peek() }).toStrictEqual({
      held: 2,
      enqueued: [],
    });
  });

  it('an on-demand reconcile of the account detaches them too', async () => {
    const { deps } = await setup();
    const result = await reconcileAccounts(deps, { runId: 'run-1', accountIds: [APP] });
    expect(result.plan.operations).toStrictEqual(DETACHES);
  });

  it('the processor reads the account with those types (stored directory view)', async () => {
    const { deps } = await setup();
    const snapshot = await readAccountSnapshot(APP, CONFIG, {
      organizations: deps.organizations,
      directoryView: EMPTY_VIEW,
      provisionedState: deps.provisionedState,
    });
    expect(snapshot?.attachments.filter((a) => a.managedBy !== undefined)).toStrictEqual([
      { targetId: APP, policyId: 'p-base0001', managedBy: ['baseline'] },
      { targetId: APP, policyId: 'p-rcp00001', managedBy: ['perimeter'] },
      { targetId: APP, policyId: 'p-tag00001', managedBy: ['cost-center'] },
    ]);
  });

  it.each([
    { cap: 25, held: 0, sent: 2 },
    { cap: 1, held: 2, sent: 0 },
  ])(
    'a sharded reconcile lists the policies of those types and their targets (cap $cap: $held held)',
    async ({ cap, held, sent }) => {
      const { deps: base, queue } = await setup(capped(cap));
      const reads = new SnapshotOrganizationReads(ORG);
      const deps = {
        ...base,
        organizations: reads,
        identityCenter: Object.assign(reads, { listPermissionSets: async () => [] }),
        runs: new InMemoryRunStore(),
      };
      const prepared = await prepareReconcileRun(deps, { runId: 'run-1', deadlineMs: 60_000 });
      if (!prepared.done) throw new Error('the preparation did not finish');
      const shard = await reconcileShard(deps, { runId: 'run-1', shard: 0, deadlineMs: 60_000 });
      const summary = await finishReconcileRun(deps, { runId: 'run-1' });
      expect({
        destructive: shard.done ? shard.summary.destructive : null,
        held: summary.heldDestructive,
        sent: queue.peek().map((m) => m.operation),
        policyLists: reads.calls['ListPolicies'],
        targetLists: reads.calls['ListTargetsForPolicy'],
      }).toStrictEqual({
        destructive: DETACHES,
        held,
        sent: DETACHES.slice(0, sent),
        policyLists: 3,
        targetLists: 5,
      });
    },
  );

  it('the worker re-reads the types of the account’s records: the RCP detach is desired, not stale', async () => {
    const { deps, org } = await setup();
    // Like the deployed adapter, whose own choice (no types given) is the types the rules use.
    const organizations = {
      readAccountStructure: (id: string, types?: readonly PolicyType[]) =>
        org.readAccountStructure(id, types ?? policyTypesOf(CONFIG)),
    };
    const verdict = await judgeOperation(
      { eventId: 'run-1', operation: detach('p-rcp00001', RCP) },
      {
        ...deps,
        organizations,
        directoryView: EMPTY_VIEW,
      },
      new AccountReads(organizations),
    );
    expect(verdict).toStrictEqual({ kind: 'desired', operation: detach('p-rcp00001', RCP) });
  });
});
