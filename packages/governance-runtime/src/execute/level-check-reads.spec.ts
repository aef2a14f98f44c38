import type { GovernanceConfig, Operation, PolicyType } from '@org/scope-engine';
import type { OperationMessage } from '../ports/operation-queue';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import {
  ADMIN_ARN,
  ADMIN_SET,
  activeAccount,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  FULL_AWS_ACCESS,
  OPS_GROUP,
  orgSnapshot,
  PROD_ADMINS_RULE,
} from '../../test/support/org-fixtures';
import { AccountReads } from './account-reads';
import { judgeOperation } from './level-check';

// What the level check asks of the Organizations port per operation type: the policy types of
// its account read (each type one ListPoliciesForTarget with the adapter, on top of the account's
// DescribeAccount, ListParents and ListTagsForResource). The adapter's requests per read are
// pinned by the benchmarks' level-check-reads spec.
const ACCOUNT = '222222222222';
const RCP: PolicyType = 'RESOURCE_CONTROL_POLICY';
const ORG = orgSnapshot({
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', RCP],
  accounts: [activeAccount(ACCOUNT, 'app', 'r-ab12', { env: 'prod' })],
  policies: [
    FULL_AWS_ACCESS,
    { id: 'p-base0001', name: 'Baseline' },
    { id: 'p-rcp00001', name: 'Perimeter', type: RCP },
  ],
  permissionSets: [ADMIN_SET],
  principals: [OPS_GROUP],
});
// An RCP rule: before, every operation read SCPs and RCPs.
const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  policyRules: [{ ...BASELINE_SCP_RULE, id: 'perimeter', type: RCP, policies: ['Perimeter'] }],
  assignmentRules: [PROD_ADMINS_RULE],
  notifications: [],
};

const create: Operation = {
  type: 'createAssignment',
  accountId: ACCOUNT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP',
  principalId: OPS_GROUP.id,
  ruleIds: ['prod-admins'],
};
const attach = (policyType: PolicyType, policyId: string, ruleId: string): Operation => ({
  type: 'attachPolicy',
  policyType,
  accountId: ACCOUNT,
  policyId,
  ruleIds: [ruleId],
});

/** The level check over a counting in-memory organization: the port's reads, with their types. */
function setup() {
  const org = new InMemoryOrganization(ORG);
  const reads: (readonly PolicyType[] | undefined)[] = [];
  const organizations = {
    readAccountStructure: (id: string, types?: readonly PolicyType[]) => {
      reads.push(types);
      return org.readAccountStructure(id, types);
    },
  };
  const deps = {
    organizations,
    identityCenter: org,
    provisionedState: new InMemoryProvisionedState(),
    rules: staticRulesSource(CONFIG),
    directoryView: {
      current: async () => ({ ...ORG, readAt: null }),
    },
  };
  const batch = new AccountReads(organizations);
  const judge = async (...messages: OperationMessage[]) => {
    const verdicts = [];
    for (const message of messages)
      verdicts.push((await judgeOperation(message, deps, batch)).kind);
    return verdicts;
  };
  return { reads, judge };
}

describe('judgeOperation: Organizations reads per operation type', () => {
  it.each([
    { name: 'createAssignment', messages: [{ eventId: 'e', operation: create }], reads: [[]] },
    {
      name: 'a status check of a creation',
      messages: [{ eventId: 'e', operation: create, pending: { requestId: 'r-1', polls: 1 } }],
      reads: [],
    },
    {
      name: 'attachPolicy SCP',
      messages: [
        { eventId: 'e', operation: attach('SERVICE_CONTROL_POLICY', 'p-base0001', 'baseline') },
      ],
      reads: [['SERVICE_CONTROL_POLICY']],
    },
    {
      name: 'attachPolicy RCP',
      messages: [{ eventId: 'e', operation: attach(RCP, 'p-rcp00001', 'perimeter') }],
      reads: [[RCP]],
    },
    {
      name: 'a batch of a create, an SCP and an RCP attach of one account',
      messages: [
        { eventId: 'e', operation: create },
        { eventId: 'e', operation: attach('SERVICE_CONTROL_POLICY', 'p-base0001', 'baseline') },
        { eventId: 'e', operation: attach(RCP, 'p-rcp00001', 'perimeter') },
        { eventId: 'e', operation: create },
      ],
      // A type the batch's read did not cover reads the account again, with the types so far.
      reads: [[], ['SERVICE_CONTROL_POLICY'], ['SERVICE_CONTROL_POLICY', RCP]],
    },
  ])('$name', async ({ messages, reads }) => {
    const { reads: made, judge } = setup();
    const verdicts = await judge(...messages);
    expect({ verdicts, reads: made }).toStrictEqual({
      verdicts: messages.map(() => 'desired'),
      reads,
    });
  });
});
