/**
 * Deterministic synthetic organizations for scale tests and benchmarks.
 */
import type { Account, Attachment, OrganizationalUnit, OrgSnapshot } from '@org/scope-engine';

/** Shape of a generated organization. */
export interface GeneratedOrgOptions {
  /** Member accounts (the management account comes on top). */
  readonly accounts: number;
  /**
   * OUs: 4 under the root, the rest in 4 chains below them (OU i under OU i-4), a chain starting
   * again under its first OU once it is 5 levels deep (AWS Organizations' nesting limit).
   */
  readonly organizationalUnits: number;
  /** Every n-th account is SUSPENDED. @default 40 */
  readonly suspendedEvery?: number;
}

const ENVS = ['prod', 'dev', 'test'];
const TEAMS = ['payments', 'search', 'identity', 'data', 'platform'];
const POLICY_IDS = ['p-gen00001', 'p-gen00002', 'p-gen00003', 'p-gen00004', 'p-gen00005'];
function tagsOf(k: number): Record<string, string> {
  return k % 7 === 0 ? {} : { env: ENVS[k % 3] ?? 'dev', team: TEAMS[k % 5] ?? 'platform' };
}

/** AWS Organizations nests OUs at most 5 levels under the root. */
const MAX_OU_DEPTH = 5;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * A synthetic organization: nested OUs, tagged accounts (`env`, `team`), a few suspended, SCPs
 * attached to OUs and accounts, two permission sets, two groups, one user, some assignments.
 *
 * @example
 * ```ts
 * const org = generateOrgSnapshot({ accounts: 220, organizationalUnits: 24 });
 * ```
 */
export function generateOrgSnapshot(options: GeneratedOrgOptions): OrgSnapshot {
  const rootId = 'r-gen0';
  const managementAccountId = '100000000000';
  const depths: number[] = [];
  const ous: OrganizationalUnit[] = Array.from({ length: options.organizationalUnits }, (_, i) => {
    const parent = i < 4 ? null : (depths[i - 4] ?? 0) < MAX_OU_DEPTH ? i - 4 : i % 4;
    depths.push(parent === null ? 1 : (depths[parent] ?? 0) + 1);
    return {
      id: `ou-gen0-${pad(i, 8)}`,
      name: `ou-${i}`,
      parentId: parent === null ? rootId : `ou-gen0-${pad(parent, 8)}`,
    };
  });
  const members: Account[] = Array.from({ length: options.accounts }, (_, k) => ({
    id: String(200_000_000_000 + k),
    name: `account-${k}`,
    email: `account-${k}@example.com`,
    parentId:
      k % 10 === 0 || ous.length === 0 ? rootId : (ous[k % ous.length] as OrganizationalUnit).id,
    status: k % (options.suspendedEvery ?? 40) === 39 ? 'SUSPENDED' : 'ACTIVE',
    tags: tagsOf(k),
  }));
  const management: Account = {
    id: managementAccountId,
    name: 'management',
    email: 'management@example.com',
    parentId: rootId,
    status: 'ACTIVE',
    tags: {},
  };
  const attachments: Attachment[] = [
    ...ous.map((ou) => ({ targetId: ou.id, policyId: 'p-FullAWSAccess' })),
    ...ous
      .filter((_, i) => i % 3 === 0)
      .map((ou, i) => ({ targetId: ou.id, policyId: POLICY_IDS[i % 5] as string })),
    ...[management, ...members].map((account) => ({
      targetId: account.id,
      policyId: 'p-FullAWSAccess',
    })),
    ...members
      .filter((_, k) => k % 3 === 0)
      .map((account, k) => ({
        targetId: account.id,
        policyId: POLICY_IDS[k % 5] as string,
        managedBy: ['generated'],
      })),
  ];
  const readOnly = 'arn:aws:sso:::permissionSet/ssoins-gen0000000000000/ps-gen0000000000001';
  const admin = 'arn:aws:sso:::permissionSet/ssoins-gen0000000000000/ps-gen0000000000002';
  return {
    managementAccountId,
    rootId,
    organizationalUnits: ous,
    accounts: [management, ...members],
    policies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
      ...POLICY_IDS.map((id, i) => ({ id, name: `Guardrail${i + 1}` })),
    ],
    permissionSets: [
      { name: 'ReadOnly', arn: readOnly },
      { name: 'AdministratorAccess', arn: admin },
    ],
    principals: [
      { type: 'GROUP', name: 'Auditors', id: 'g-gen-auditors' },
      { type: 'GROUP', name: 'Admins', id: 'g-gen-admins' },
      { type: 'USER', name: 'jdoe', id: 'u-gen-jdoe' },
    ],
    attachments,
    assignments: members
      .filter((_, k) => k % 11 === 0)
      .map((account) => ({
        accountId: account.id,
        permissionSetArn: readOnly,
        principalType: 'GROUP' as const,
        principalId: 'g-gen-auditors',
        managedBy: ['generated'],
      })),
  };
}
