import { type GovernanceConfig, type OrgSnapshot } from '@org/scope-engine';
import { staticRulesSource } from '@org/governance-runtime';
import {
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryProvisionedState,
  VirtualClock,
} from '@org/governance-runtime/testing';
import { executeLocally } from '../src/live/execute-locally';

const ORG: OrgSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  organizationalUnits: [],
  accounts: [
    { id: '222222222222', name: 'a', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
    { id: '333333333333', name: 'b', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
  ],
  policies: [
    { id: 'p-aaaa1111', name: 'A' },
    { id: 'p-bbbb2222', name: 'B' },
  ],
  permissionSets: [],
  principals: [],
  attachments: [{ targetId: '333333333333', policyId: 'p-aaaa1111' }],
  assignments: [],
};
const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [],
  assignmentRules: [],
  notifications: [],
};
const attach = (accountId: string, policyId: string) => ({
  eventId: 'run-1',
  operation: {
    type: 'attachPolicy' as const,
    policyType: 'SERVICE_CONTROL_POLICY' as const,
    accountId,
    policyId,
    ruleIds: ['r'],
  },
});

describe('executeLocally', () => {
  it('applies, counts what already held, and stops an account after its first failure', async () => {
    const org = new InMemoryOrganization(ORG);
    const organizations = {
      attachPolicy: async (policyId: string, targetId: string) => {
        if (policyId === 'p-bbbb2222' && targetId === '222222222222') {
          throw Object.assign(new Error('denied'), { code: 'AccessDenied' });
        }
        return org.attachPolicy(policyId, targetId);
      },
      detachPolicy: (policyId: string, targetId: string) => org.detachPolicy(policyId, targetId),
    };
    const queue = new InMemoryOperationQueue();
    await queue.send([
      attach('222222222222', 'p-aaaa1111'),
      attach('222222222222', 'p-bbbb2222'),
      attach('222222222222', 'p-aaaa1111'),
      attach('333333333333', 'p-aaaa1111'),
      attach('333333333333', 'p-bbbb2222'),
    ]);
    const audit = new InMemoryAuditLog();
    const outcome = await executeLocally(
      queue,
      {
        organizations,
        identityCenter: org,
        provisionedState: new InMemoryProvisionedState(),
        audit,
        clock: new VirtualClock(0),
      },
      staticRulesSource(CONFIG),
    );
    expect({ outcome, audited: audit.entries().map((e) => e.outcome) }).toStrictEqual({
      outcome: {
        applied: 2,
        alreadyInState: 1,
        pending: 0,
        failed: [
          'attachPolicy 222222222222 p-bbbb2222: AccessDenied: denied',
          'attachPolicy 222222222222 p-aaaa1111: not run, an earlier operation failed',
        ],
      },
      audited: ['applied', 'alreadyInState', 'applied'],
    });
  });
});
