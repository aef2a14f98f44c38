/**
 * A small organization and configuration from the specification's examples, for the reference
 * planner's own tests.
 */
import type { RefConfig, RefScpRule, RefSnapshot } from '../../src';

/** root → Workloads → Prod → Deep; root → Sandbox; the management account under the root. */
export const EXAMPLE_ORG: RefSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  organizationalUnits: [
    { id: 'ou-work', name: 'Workloads', parentId: 'r-ab12' },
    { id: 'ou-prod', name: 'Prod', parentId: 'ou-work' },
    { id: 'ou-deep', name: 'Deep', parentId: 'ou-prod' },
    { id: 'ou-sand', name: 'Sandbox', parentId: 'r-ab12' },
  ],
  accounts: [
    { id: '111111111111', name: 'mgmt', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
    {
      id: '222222222222',
      name: 'prod',
      parentId: 'ou-prod',
      status: 'ACTIVE',
      tags: { env: 'prod' },
    },
    {
      id: '333333333333',
      name: 'deep',
      parentId: 'ou-deep',
      status: 'ACTIVE',
      tags: { env: 'test' },
    },
    {
      id: '444444444444',
      name: 'sand',
      parentId: 'ou-sand',
      status: 'ACTIVE',
      tags: { team: 'a' },
    },
    { id: '555555555555', name: 'gone', parentId: 'ou-prod', status: 'SUSPENDED', tags: {} },
  ],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-1', name: 'One' },
    { id: 'p-2', name: 'Two' },
    { id: 'p-3', name: 'Three' },
  ],
  permissionSets: [{ name: 'ReadOnly', arn: 'arn:ps/ro' }],
  principals: [{ type: 'GROUP', name: 'Auditors', id: 'g-aud' }],
  attachments: [],
  assignments: [],
};

/** An SCP rule with no exclusions. */
export function scpRule(id: string, policies: string[], scope: RefScpRule['scope']): RefScpRule {
  return { id, policies, scope, exclude: { accounts: [], ous: [] } };
}

/** A configuration with only these SCP rules. */
export function scpConfig(rules: RefScpRule[], maxScpsPerTarget = 10): RefConfig {
  return {
    settings: { maxScpsPerTarget, includeManagementAccount: false },
    scpRules: rules,
    assignmentRules: [],
    notifications: [],
  };
}
