import type {
  AssignmentRule,
  GovernanceConfig,
  OrgSnapshot,
  OrganizationalUnit,
  ScpRule,
} from '@org/scope-engine';

/** The shape of the bench's organization. */
export interface SyntheticOrgShape {
  readonly accounts: number;
  /** Top-level OUs under the root; each has `childOus` children. @default 20 × 49 (1,000 OUs) */
  readonly topOus?: number;
  readonly childOus?: number;
  /** Service control policies besides FullAWSAccess. @default 60 */
  readonly policies?: number;
  readonly permissionSets?: number;
  readonly groups?: number;
  readonly teams?: number;
}

/** The organization, its rules, and what the bench knows about them. */
export interface SyntheticOrg {
  readonly snapshot: OrgSnapshot;
  readonly config: GovernanceConfig;
  readonly ruleCount: number;
}

const ROOT = 'r-scal';
const NONE = { accounts: [], ous: [] };
const FULL_AWS_ACCESS = 'p-FullAWSAccess';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A large organization as the bench's workload: about 1,000 OUs (20 top-level OUs of 49
 * children each), `accounts` accounts spread evenly over the child OUs and tagged with a team
 * and an environment, 60 SCPs plus FullAWSAccess attached directly to every account and OU (as
 * AWS does), 50 permission sets and 500 groups; and about 2,000 rules: 400 SCP rules on OUs,
 * 600 assignment rules on OUs (with descendants) and 1,000 on `team` tags. Nothing the rules ask
 * for exists yet (the product's first run on the organization).
 *
 * @example
 * ```ts
 * const { snapshot, config } = syntheticOrg({ accounts: 50_000 });
 * ```
 */
export function syntheticOrg(shape: SyntheticOrgShape): SyntheticOrg {
  const topOus = shape.topOus ?? 20;
  const childOus = shape.childOus ?? 49;
  const policyCount = shape.policies ?? 60;
  const permissionSetCount = shape.permissionSets ?? 50;
  const groupCount = shape.groups ?? 500;
  const teams = shape.teams ?? 50;
  const ous: OrganizationalUnit[] = [];
  const leaves: string[] = [];
  for (let t = 0; t < topOus; t += 1) {
    const top = `ou-scal-${pad(t, 4)}0000`;
    ous.push({ id: top, name: `top-${t}`, parentId: ROOT });
    for (let c = 1; c <= childOus; c += 1) {
      const child = `ou-scal-${pad(t, 4)}${pad(c, 4)}`;
      ous.push({ id: child, name: `team-${t}-${c}`, parentId: top });
      leaves.push(child);
    }
  }
  const accounts = Array.from({ length: shape.accounts }, (_, a) => ({
    id: String(300_000_000_000 + a),
    name: `account-${a}`,
    parentId: leaves[a % leaves.length] ?? ROOT,
    status: 'ACTIVE' as const,
    tags: { team: `team-${a % teams}`, env: ['prod', 'staging', 'dev', 'sandbox'][a % 4] ?? 'dev' },
  }));
  const policies = [
    { id: FULL_AWS_ACCESS, name: 'FullAWSAccess' },
    ...Array.from({ length: policyCount }, (_, p) => ({
      id: `p-scal${pad(p, 4)}`,
      name: `guardrail-${p}`,
    })),
  ];
  const permissionSets = Array.from({ length: permissionSetCount }, (_, s) => ({
    name: `permission-set-${s}`,
    arn: `arn:aws:sso:::permissionSet/ssoins-scale/ps-${pad(s, 16)}`,
  }));
  const principals = Array.from({ length: groupCount }, (_, g) => ({
    type: 'GROUP' as const,
    name: `group-${g}`,
    id: `g-${pad(g, 8)}`,
  }));
  const scpRules: ScpRule[] = Array.from({ length: 400 }, (_, r) => ({
    id: `scp-${r}`,
    policies: [`guardrail-${r % policyCount}`],
    scope: { type: 'ou', id: ous[(r * 7) % ous.length]?.id ?? ROOT, includeDescendants: true },
    exclude: NONE,
  }));
  const assignment = (id: string, r: number, scope: AssignmentRule['scope']): AssignmentRule => ({
    id,
    permissionSet: `permission-set-${r % permissionSetCount}`,
    principal: { type: 'GROUP', name: `group-${(r * 13) % groupCount}` },
    scope,
    exclude: NONE,
  });
  const assignmentRules: AssignmentRule[] = [
    ...Array.from({ length: 600 }, (_, r) =>
      assignment(`ou-access-${r}`, r, {
        type: 'ou',
        id: ous[(r * 11) % ous.length]?.id ?? ROOT,
        includeDescendants: true,
      }),
    ),
    ...Array.from({ length: 1000 }, (_, r) =>
      assignment(`team-access-${r}`, r + 600, {
        type: 'accountTag',
        key: 'team',
        value: `team-${r % teams}`,
      }),
    ),
  ];
  const attachments = [...ous.map((ou) => ou.id), ...accounts.map((a) => a.id)].map((targetId) => ({
    targetId,
    policyId: FULL_AWS_ACCESS,
  }));
  return {
    snapshot: {
      managementAccountId: '299999999999',
      rootId: ROOT,
      organizationalUnits: ous,
      accounts,
      policies,
      permissionSets,
      principals,
      attachments: [{ targetId: ROOT, policyId: FULL_AWS_ACCESS }, ...attachments],
      assignments: [],
    },
    config: {
      settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
      scpRules,
      assignmentRules,
      notifications: [],
    },
    ruleCount: scpRules.length + assignmentRules.length,
  };
}
