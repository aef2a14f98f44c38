/**
 * The reference planner with several policy types at once, on a hand-made case from the
 * specification's wording, and the engine's Planner on the same case (parity).
 */
import { planReconcile } from '@org/scope-engine';
import { referenceReconcile, type RefConfig, type RefSnapshot } from '../src';
import { engineConfig, engineSnapshot } from './support/engine-world';
import { operationLines, skipLines } from './support/compare';

const APP = '222222222222';
const NONE = { accounts: [], ous: [] };
const ROOT = { type: 'root' } as const;

/** An account with the SCP and RCP defaults, an old managed RCP and tag policy. */
const ORG: RefSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-1',
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY'],
  organizationalUnits: [],
  accounts: [
    { id: '111111111111', name: 'mgmt', parentId: 'r-1', status: 'ACTIVE', tags: {} },
    { id: APP, name: 'app', parentId: 'r-1', status: 'ACTIVE', tags: {} },
  ],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-scp1', name: 'DenyLeaveOrg' },
    { id: 'p-scp2', name: 'DenyRegions' },
    { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY' },
    { id: 'p-rcp1', name: 'Perimeter', type: 'RESOURCE_CONTROL_POLICY' },
    { id: 'p-rcp2', name: 'Old', type: 'RESOURCE_CONTROL_POLICY' },
    { id: 'p-tag1', name: 'CostCenter', type: 'TAG_POLICY' },
    { id: 'p-tag2', name: 'Owner', type: 'TAG_POLICY' },
    { id: 'p-bak1', name: 'Daily', type: 'BACKUP_POLICY' },
  ],
  permissionSets: [],
  principals: [],
  attachments: [
    { targetId: APP, policyId: 'p-FullAWSAccess' },
    { targetId: APP, policyId: 'p-RCPFullAWSAccess', managedBy: ['gone'] },
    { targetId: APP, policyId: 'p-rcp2', managedBy: ['gone'] },
    { targetId: APP, policyId: 'p-tag2', managedBy: ['gone'] },
  ],
  assignments: [],
};

const CONFIG: RefConfig = {
  settings: {
    maxScpsPerTarget: 2,
    maxPoliciesPerTarget: { RESOURCE_CONTROL_POLICY: 2, TAG_POLICY: 1 },
    includeManagementAccount: false,
  },
  scpRules: [{ id: 'scps', policies: ['DenyLeaveOrg', 'DenyRegions'], scope: ROOT, exclude: NONE }],
  policyRules: [
    {
      id: 'rcps',
      type: 'RESOURCE_CONTROL_POLICY',
      policies: ['Perimeter'],
      scope: ROOT,
      exclude: NONE,
    },
    {
      id: 'tags',
      type: 'TAG_POLICY',
      policies: ['CostCenter', 'Daily'],
      scope: ROOT,
      exclude: NONE,
    },
    { id: 'backups', type: 'BACKUP_POLICY', policies: ['Daily'], scope: ROOT, exclude: NONE },
  ],
  assignmentRules: [],
  notifications: [],
};

describe('reference planner: several policy types', () => {
  it('counts slots per type, detaches managed items of every type but the defaults, skips disabled types', () => {
    const plan = referenceReconcile(ORG, CONFIG);
    expect({
      operations: operationLines(plan.operations),
      skipped: skipLines(plan.skipped),
    }).toStrictEqual({
      operations: [
        `${APP} attachPolicy RESOURCE_CONTROL_POLICY p-rcp1 rules=[rcps]`,
        `${APP} attachPolicy SERVICE_CONTROL_POLICY p-scp1 rules=[scps]`,
        `${APP} attachPolicy TAG_POLICY p-tag1 rules=[tags]`,
        `${APP} detachPolicy RESOURCE_CONTROL_POLICY p-rcp2 rules=[]`,
        `${APP} detachPolicy TAG_POLICY p-tag2 rules=[]`,
      ],
      skipped: [
        '111111111111 backups ManagementAccount',
        '111111111111 rcps ManagementAccount',
        '111111111111 scps ManagementAccount',
        '111111111111 tags ManagementAccount',
        `${APP} backups PolicyTypeNotEnabled`,
        `${APP} scps ScpLimitExceeded`,
        // 'Daily' is a backup policy: a tag rule does not find it.
        `${APP} tags PolicyNotFound`,
      ],
    });
  });

  it('the engine plans the same', () => {
    const engine = planReconcile(engineSnapshot(ORG), engineConfig(CONFIG));
    const reference = referenceReconcile(ORG, CONFIG);
    expect({
      operations: operationLines(engine.operations),
      skipped: skipLines(engine.skipped),
    }).toStrictEqual({
      operations: operationLines(reference.operations),
      skipped: skipLines(reference.skipped),
    });
  });
});
