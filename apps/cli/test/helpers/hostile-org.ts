import { parseOrgSnapshot, type OrgSnapshot } from '@org/scope-engine';
import { readFileSync } from 'node:fs';
import { example } from './run';

/**
 * examples/org.yaml plus, for each payload `i`, an OU, an account, an SCP (attached, unmanaged), a
 * permission set and a group (assigned, unmanaged) named with that payload.
 */
export function hostileOrg(payloads: readonly string[]): OrgSnapshot {
  const org = parseOrgSnapshot(readFileSync(example('org.yaml'), 'utf8'), 'org.yaml');
  const ids = (i: number) => ({
    account: `1234567890${String(i).padStart(2, '0')}`,
    ou: `ou-ab12-9999999${i}`,
    policy: `p-hostile0${i}`,
    arn: `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-999999999999999${i}`,
    principal: `99999999-0000-0000-0000-00000000000${i}`,
  });
  return {
    ...org,
    organizationalUnits: [
      ...org.organizationalUnits,
      ...payloads.map((p, i) => ({ id: ids(i).ou, name: `OU ${p}`, parentId: org.rootId })),
    ],
    accounts: [
      ...org.accounts,
      ...payloads.map((p, i) => ({
        id: ids(i).account,
        name: p,
        parentId: ids(i).ou,
        status: 'ACTIVE' as const,
        tags: { env: 'prod', [`k${i}`]: `v${p}` },
      })),
    ],
    policies: [
      ...org.policies,
      ...payloads.map((p, i) => ({ id: ids(i).policy, name: `SCP ${p}` })),
    ],
    permissionSets: [
      ...org.permissionSets,
      ...payloads.map((p, i) => ({ name: `PS ${p}`, arn: ids(i).arn })),
    ],
    principals: [
      ...org.principals,
      ...payloads.map((p, i) => ({
        type: 'GROUP' as const,
        name: `Group ${p}`,
        id: ids(i).principal,
      })),
    ],
    attachments: [
      ...org.attachments,
      ...payloads.map((_p, i) => ({ targetId: ids(i).account, policyId: ids(i).policy })),
    ],
    assignments: [
      ...org.assignments,
      ...payloads.map((_p, i) => ({
        accountId: ids(i).account,
        permissionSetArn: ids(i).arn,
        principalType: 'GROUP' as const,
        principalId: ids(i).principal,
      })),
    ],
  };
}
