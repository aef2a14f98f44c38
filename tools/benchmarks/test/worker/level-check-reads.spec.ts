import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { WORKER_OU_READS } from '@org/handlers';
import {
  AccountReads,
  judgeOperation,
  type LevelCheckDependencies,
  type OperationMessage,
  staticRulesSource,
} from '@org/governance-runtime';
import { InMemoryProvisionedState, VirtualClock } from '@org/governance-runtime/testing';
import {
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  policyTypesOf,
} from '@org/scope-engine';
import {
  SimulatedOrganizations,
  simulatedOrganizationsClient,
} from '../../src/worker/simulated-organizations';

// The Organizations reads of the worker's level check, per operation type: the production
// adapter (its caches included) over a simulated Organizations that counts every request.
const ACCOUNT = '222222222222';
const OTHER = '333333333333';
const ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin';
const RCP = 'RESOURCE_CONTROL_POLICY';
const SCP = 'SERVICE_CONTROL_POLICY';
const TAG = 'TAG_POLICY';
const scope = { type: 'accountTag', key: 'env', value: 'prod' } as const;
const none = { accounts: [], ous: [] };

const ORG: OrgSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  enabledPolicyTypes: [SCP, RCP, TAG],
  organizationalUnits: [
    { id: 'ou-ab12-workload', name: 'Workloads', parentId: 'r-ab12' },
    { id: 'ou-ab12-prod0001', name: 'Prod', parentId: 'ou-ab12-workload' },
  ],
  accounts: [ACCOUNT, OTHER].map((id) => ({
    id,
    name: `app-${id}`,
    parentId: 'ou-ab12-prod0001',
    status: 'ACTIVE' as const,
    tags: { env: 'prod' },
  })),
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-base0001', name: 'Baseline' },
    { id: 'p-rcp00001', name: 'Perimeter', type: RCP },
    { id: 'p-tag00001', name: 'CostCenter', type: TAG },
  ],
  permissionSets: [{ name: 'Admin', arn: ADMIN }],
  principals: [{ type: 'GROUP', name: 'Ops', id: 'g-ops' }],
  attachments: [
    { targetId: ACCOUNT, policyId: 'p-FullAWSAccess' },
    { targetId: ACCOUNT, policyId: 'p-rcp00001' },
  ],
  assignments: [],
};

const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [{ id: 'baseline', policies: ['Baseline'], scope, exclude: none }],
  policyRules: [{ id: 'cost', type: TAG, policies: ['CostCenter'], scope, exclude: none }],
  assignmentRules: [
    {
      id: 'admins',
      permissionSet: 'Admin',
      principal: { type: 'GROUP', name: 'Ops' },
      scope,
      exclude: none,
    },
  ],
  notifications: [],
};

const assignment = (type: 'createAssignment' | 'deleteAssignment'): Operation => ({
  type,
  accountId: ACCOUNT,
  permissionSetArn: ADMIN,
  principalType: 'GROUP',
  principalId: 'g-ops',
  ruleIds: type === 'createAssignment' ? ['admins'] : [],
});

const OPERATIONS: Record<string, OperationMessage> = {
  createAssignment: { eventId: 'e-1', operation: assignment('createAssignment') },
  'createAssignment status check': {
    eventId: 'e-1',
    operation: assignment('createAssignment'),
    pending: { requestId: 'req-1', polls: 1 },
  },
  deleteAssignment: { eventId: 'e-1', operation: assignment('deleteAssignment') },
  'attachPolicy SCP': {
    eventId: 'e-1',
    operation: {
      type: 'attachPolicy',
      policyType: SCP,
      accountId: ACCOUNT,
      policyId: 'p-base0001',
      ruleIds: ['baseline'],
    },
  },
  'detachPolicy RCP': {
    eventId: 'e-1',
    operation: {
      type: 'detachPolicy',
      policyType: RCP,
      accountId: ACCOUNT,
      policyId: 'p-rcp00001',
      ruleIds: [],
    },
  },
};

async function setup() {
  const clock = new VirtualClock(0);
  const organizations = new SimulatedOrganizations(ORG, clock, {
    readsPerSecond: 5,
    callLatencyMs: 0,
  });
  const provisionedState = new InMemoryProvisionedState();
  await provisionedState.recordApplied(ACCOUNT, {
    kind: 'assignment',
    permissionSetArn: ADMIN,
    principalType: 'GROUP',
    principalId: 'g-ops',
    ruleIds: ['admins'],
    tagKeys: [],
  });
  await provisionedState.recordApplied(ACCOUNT, {
    kind: 'attachment',
    policyId: 'p-rcp00001',
    policyType: RCP,
    ruleIds: ['gone'],
    tagKeys: [],
  });
  const rules = staticRulesSource(CONFIG);
  // The worker's adapter: OUs cached an hour, without their names.
  const adapter = new OrganizationsAdapter(simulatedOrganizationsClient(organizations), {
    ...WORKER_OU_READS,
    now: () => clock.now(),
    policyTypes: async () => policyTypesOf(await rules.current()),
  });
  const deps: LevelCheckDependencies = {
    organizations: adapter,
    identityCenter: { listAssignments: async () => [] },
    provisionedState,
    rules,
    directoryView: {
      current: async () => ({
        permissionSets: ORG.permissionSets,
        principals: ORG.principals,
        readAt: '2026-01-01T00:00:00.000Z',
      }),
    },
  };
  const judge = (message: OperationMessage, reads: AccountReads) =>
    clock.run(() => judgeOperation(message, deps, reads));
  return { organizations, adapter, judge };
}

/** The account itself, re-read once per batch: its state, parent and tags. */
const ACCOUNT_ITSELF = { DescribeAccount: 1, ListParents: 1, ListTagsForResource: 1 };
/** A cold container's first batch: the OU path (ListParents per OU), the root, the organization. */
const CONTAINER = { DescribeOrganization: 1, ListRoots: 1 };
/** The policy list of a type (once per container) and the account's policies of that type. */
const ONE_TYPE = { ListPolicies: 1, ListPoliciesForTarget: 1 };
const coldRead = (...more: Readonly<Record<string, number>>[]) =>
  sumCounts(ACCOUNT_ITSELF, CONTAINER, { ListParents: 2 }, ...more);

describe('the level check’s Organizations reads per operation type', () => {
  // Before: every operation read every policy type the rules use or the product provisioned
  // (here SCP, TAG, RCP): 6 reads per account and batch, 15 in a cold container (2 per OU).
  it.each([
    {
      name: 'createAssignment',
      verdict: 'desired',
      reads: 3,
      warm: ACCOUNT_ITSELF,
      cold: coldRead(),
    },
    { name: 'createAssignment status check', verdict: 'desired', reads: 0, warm: {}, cold: {} },
    {
      name: 'deleteAssignment',
      verdict: 'stale',
      reads: 3,
      warm: ACCOUNT_ITSELF,
      cold: coldRead(),
    },
    {
      name: 'attachPolicy SCP',
      verdict: 'desired',
      reads: 4,
      warm: sumCounts(ACCOUNT_ITSELF, { ListPoliciesForTarget: 1 }),
      cold: coldRead(ONE_TYPE),
    },
    {
      name: 'detachPolicy RCP',
      verdict: 'desired',
      reads: 4,
      warm: sumCounts(ACCOUNT_ITSELF, { ListPoliciesForTarget: 1 }),
      cold: coldRead(ONE_TYPE),
    },
  ])('$name: $reads reads per account and batch', async ({ name, verdict, reads, warm, cold }) => {
    const message = OPERATIONS[name];
    const { organizations, adapter, judge } = await setup();
    // A cold container's first batch.
    const batch = new AccountReads(adapter);
    const first = await judge(message, batch);
    const coldCounts = organizations.counts();
    organizations.resetCounts();
    // The same operation again in the same batch: no read.
    await judge(message, batch);
    const sameBatch = organizations.counts();
    // A later batch of the same container (warm caches).
    await judge(message, new AccountReads(adapter));
    const warmCounts = organizations.counts();
    expect({
      verdict: first.kind,
      cold: coldCounts,
      sameBatch,
      warm: warmCounts,
      reads: total(warmCounts),
    }).toStrictEqual({ verdict, cold, sameBatch: {}, warm, reads });
  });
});

/** The requests of `counts`. */
function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** The sum of request counts, sorted by command name. */
function sumCounts(...counts: Readonly<Record<string, number>>[]): Record<string, number> {
  const sum = new Map<string, number>();
  for (const count of counts)
    for (const [name, n] of Object.entries(count)) sum.set(name, (sum.get(name) ?? 0) + n);
  return Object.fromEntries([...sum].sort(([a], [b]) => a.localeCompare(b)));
}
