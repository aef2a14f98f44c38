import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import { staticRulesSource } from '../rules/rules-source';
import { reconcileAccounts } from './reconcile-accounts';
import { inMemoryPorts } from '../../test/support/in-memory-ports';
import {
  activeAccount,
  AUDITORS_RULE,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  WORKLOADS_OU,
  AUDITORS_GROUP,
  READ_ONLY_SET,
  orgSnapshot,
} from '../../test/support/org-fixtures';

const account = (id: string) => activeAccount(id, id, WORKLOADS_OU.id);

const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: [WORKLOADS_OU],
  accounts: ['222222222222', '333333333333', '444444444444'].map(account),
  policies: [{ id: 'p-base0001', name: 'Baseline' }],
  permissionSets: [READ_ONLY_SET],
  principals: [AUDITORS_GROUP],
});

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [AUDITORS_RULE],
  notifications: [],
};

describe('reconcileAccounts', () => {
  it('reads and plans only the accounts asked for; an account that left is departed', async () => {
    const { org, queue, deps } = inMemoryPorts(ORG);
    const reads: string[] = [];
    const organizations = {
      readSnapshotStructure: () => Promise.reject(new Error('a whole-organization read')),
      readAccountStructure: (accountId: string) => {
        reads.push(`structure ${accountId}`);
        return org.readAccountStructure(accountId);
      },
    };
    const identityCenter = {
      listPermissionSets: () => org.listPermissionSets(),
      listAssignments: (accountId: string, arns?: readonly string[]) => {
        reads.push(`assignments ${accountId}`);
        return org.listAssignments(accountId, arns);
      },
    };
    const result = await reconcileAccounts(
      { ...deps, organizations, identityCenter, rules: staticRulesSource(CONFIG) },
      { runId: 'on-demand', accountIds: ['333333333333', '999999999999'] },
    );
    expect({
      reads: reads.sort(),
      accounts: [...new Set(queue.peek().map((m) => m.operation.accountId))],
      types: queue.peek().map((m) => m.operation.type),
      departed: result.departedAccountIds,
    }).toStrictEqual({
      reads: ['assignments 333333333333', 'structure 333333333333', 'structure 999999999999'],
      accounts: ['333333333333'],
      types: [queue.peek()[0]?.operation.type, 'createAssignment'],
      departed: ['999999999999'],
    });
  });
});
