/**
 * The organization a chaos run starts from (source ids; seeding gives moto's): nested OUs,
 * tagged and suspended accounts, guardrail SCPs, permission sets, principals — and items the
 * product must respect: unmanaged attachments and assignments (made by hand), items it provisioned
 * earlier (`managedBy` of a current rule) and stale ones (`managedBy` of a retired rule).
 */
import {
  type Account,
  type Assignment,
  type Attachment,
  FULL_AWS_ACCESS_POLICY_ID,
  type OrganizationalUnit,
  type OrgSnapshot,
} from '@org/scope-engine';
import type { SeededRandom } from '../random/seeded-random';

/** Source ids of the starting organization's fixed parts. */
export const SOURCE = {
  rootId: 'r-chao',
  managementAccountId: '100000000000',
  ous: {
    workloads: 'ou-chao-workload',
    prod: 'ou-chao-prod',
    payments: 'ou-chao-payments',
    data: 'ou-chao-data',
    nonprod: 'ou-chao-nonprod',
    dev: 'ou-chao-dev',
    test: 'ou-chao-test',
    sandbox: 'ou-chao-sandbox',
    security: 'ou-chao-security',
  },
  permissionSets: {
    readOnly: 'arn:aws:sso:::permissionSet/ssoins-chaos00000000000/ps-chaos000000000001',
    admin: 'arn:aws:sso:::permissionSet/ssoins-chaos00000000000/ps-chaos000000000002',
    billing: 'arn:aws:sso:::permissionSet/ssoins-chaos00000000000/ps-chaos000000000003',
  },
  principals: {
    auditors: 'g-chaos-auditors',
    admins: 'g-chaos-admins',
    finance: 'g-chaos-finance',
    jdoe: 'u-chaos-jdoe',
  },
} as const;

/** Guardrail SCP names (ids `p-chaos00N`). */
export const GUARDRAILS = [
  'Guardrail1',
  'Guardrail2',
  'Guardrail3',
  'Guardrail4',
  'Guardrail5',
  'Guardrail6',
] as const;

/** Tag values the world draws from. */
export const TAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  env: ['prod', 'dev', 'test'],
  team: ['payments', 'data', 'platform'],
  owner: ['alice', 'bob'],
};

const guardrailId = (index: number) => `p-chaos00${index + 1}`;

function organizationalUnits(): OrganizationalUnit[] {
  const { rootId, ous } = SOURCE;
  return [
    { id: ous.workloads, name: 'Workloads', parentId: rootId },
    { id: ous.sandbox, name: 'Sandbox', parentId: rootId },
    { id: ous.security, name: 'Security', parentId: rootId },
    { id: ous.prod, name: 'Prod', parentId: ous.workloads },
    { id: ous.nonprod, name: 'NonProd', parentId: ous.workloads },
    { id: ous.payments, name: 'Payments', parentId: ous.prod },
    { id: ous.data, name: 'Data', parentId: ous.prod },
    { id: ous.dev, name: 'Dev', parentId: ous.nonprod },
    { id: ous.test, name: 'Test', parentId: ous.nonprod },
  ];
}

function randomTags(random: SeededRandom): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, chance] of [
    ['env', 0.7],
    ['team', 0.5],
    ['owner', 0.3],
  ] as const) {
    if (random.chance(chance)) tags[key] = random.pick(TAG_VALUES[key] ?? []);
  }
  return tags;
}

function memberAccounts(random: SeededRandom, count: number): Account[] {
  const parents = [SOURCE.rootId, ...organizationalUnits().map((ou) => ou.id)];
  return Array.from({ length: count }, (_, k) => ({
    id: String(200_000_000_000 + k),
    name: `chaos-${String(k).padStart(3, '0')}`,
    email: `chaos-${k}@example.com`,
    parentId: random.pick(parents),
    status: k % 10 === 9 ? 'SUSPENDED' : 'ACTIVE',
    tags: randomTags(random),
  }));
}

/** Direct attachments: FullAWSAccess everywhere, unmanaged guardrails, provisioned and stale ones. */
function attachments(management: Account, members: readonly Account[]): Attachment[] {
  const everywhere = [
    ...organizationalUnits().map((ou) => ou.id),
    management.id,
    ...members.map((a) => a.id),
  ].map((targetId) => ({ targetId, policyId: FULL_AWS_ACCESS_POLICY_ID }));
  const byHand: Attachment[] = [
    { targetId: management.id, policyId: guardrailId(0) },
    ...members
      .filter((_, k) => k % 5 === 2)
      .map((a, k) => ({ targetId: a.id, policyId: guardrailId(k % GUARDRAILS.length) })),
  ];
  const provisioned: Attachment[] = members
    .filter((_, k) => k % 4 === 1)
    .map((a) => ({ targetId: a.id, policyId: guardrailId(0), managedBy: ['baseline'] }));
  const stale: Attachment[] = members
    .filter((_, k) => k % 7 === 3)
    .map((a) => ({ targetId: a.id, policyId: guardrailId(4), managedBy: ['retired-rule'] }));
  const taken = new Set(byHand.map((a) => `${a.targetId}#${a.policyId}`));
  return [
    ...everywhere,
    ...byHand,
    ...[...provisioned, ...stale].filter((a) => !taken.has(`${a.targetId}#${a.policyId}`)),
  ];
}

function assignments(members: readonly Account[]): Assignment[] {
  const { permissionSets: ps, principals: p } = SOURCE;
  const item = (accountId: string, arn: string, id: string, managedBy?: string[]): Assignment => ({
    accountId,
    permissionSetArn: arn,
    principalType: id.startsWith('u-') ? 'USER' : 'GROUP',
    principalId: id,
    ...(managedBy === undefined ? {} : { managedBy }),
  });
  return [
    ...members.filter((_, k) => k % 6 === 0).map((a) => item(a.id, ps.admin, p.admins)),
    ...members
      .filter((_, k) => k % 3 === 1)
      .map((a) => item(a.id, ps.readOnly, p.auditors, ['auditors-readonly'])),
    ...members
      .filter((_, k) => k % 8 === 5)
      .map((a) => item(a.id, ps.billing, p.finance, ['retired-rule'])),
  ];
}

/**
 * The starting organization with `accounts` member accounts (every tenth one suspended).
 *
 * @example
 * ```ts
 * const snapshot = initialOrganization(new SeededRandom('7'), 24);
 * const seeded = await seedSnapshot(moto, snapshot);
 * ```
 */
export function initialOrganization(random: SeededRandom, accounts: number): OrgSnapshot {
  const management: Account = {
    id: SOURCE.managementAccountId,
    name: 'management',
    email: 'management@example.com',
    parentId: SOURCE.rootId,
    status: 'ACTIVE',
    tags: {},
  };
  const members = memberAccounts(random, accounts);
  const { permissionSets: ps, principals: p } = SOURCE;
  return {
    managementAccountId: management.id,
    rootId: SOURCE.rootId,
    organizationalUnits: organizationalUnits(),
    accounts: [management, ...members],
    policies: [
      { id: FULL_AWS_ACCESS_POLICY_ID, name: 'FullAWSAccess' },
      ...GUARDRAILS.map((name, i) => ({ id: guardrailId(i), name })),
    ],
    permissionSets: [
      { name: 'ReadOnly', arn: ps.readOnly },
      { name: 'AdministratorAccess', arn: ps.admin },
      { name: 'Billing', arn: ps.billing },
    ],
    principals: [
      { type: 'GROUP', name: 'Auditors', id: p.auditors },
      { type: 'GROUP', name: 'Admins', id: p.admins },
      { type: 'GROUP', name: 'Finance', id: p.finance },
      { type: 'USER', name: 'jdoe', id: p.jdoe },
    ],
    attachments: attachments(management, members),
    assignments: assignments(members),
  };
}
