import type { DomainEvent } from '@org/event-schemas';
import type {
  Account,
  AssignmentRule,
  Attachment,
  Assignment,
  GovernanceConfig,
  OrganizationalUnit,
  OrgSnapshot,
  Scope,
  ScpRule,
} from '../src';

/** Size of a synthetic organization. */
export interface OrgSize {
  readonly accounts: number;
  readonly ous: number;
  readonly rules: number;
}

/** A seeded PRNG (mulberry32), so every run benchmarks the same organization. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = 'r-ab12';
const ENVS = ['prod', 'staging', 'dev', 'sandbox'];
const TEAMS = Array.from({ length: 200 }, (_, i) => `team-${i}`);
const COST_CENTERS = Array.from({ length: 100 }, (_, i) => `cc-${1000 + i}`);

const accountId = (i: number) => String(200000000000 + i);
const ouId = (i: number) => `ou-ab12-${String(10000000 + i)}`;
const policyId = (i: number) => `p-bench${String(i).padStart(4, '0')}`;
const psArn = (i: number) =>
  `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-${String(i).padStart(16, '0')}`;
const groupId = (i: number) => `90671234-aaaa-bbbb-cccc-${String(i).padStart(12, '0')}`;

/**
 * A synthetic organization and configuration: an OU tree up to 4 levels deep, accounts spread
 * over it with env/team/cost-center tags (2% suspended), FullAWSAccess everywhere and about half of
 * the desired state already in place (some of it stale), and rules mixing root (0.25%: ~5 rules),
 * OU (50%), tag (25%) and account (24%) scopes, 15% SCP rules and 85% assignment rules, 10% with exclusions.
 */
export function syntheticOrg(
  size: OrgSize,
  seed = 42,
): { snapshot: OrgSnapshot; config: GovernanceConfig } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ous: OrganizationalUnit[] = [];
  const depth = new Map<string, number>([[ROOT, 0]]);
  for (let i = 0; i < size.ous; i++) {
    // The first 10 OUs sit under the root; each later OU under an earlier one (depth grows
    // slowly), never deeper than the 5 levels AWS Organizations allows (then under the root).
    const candidate =
      i < 10 ? ROOT : (ous[Math.floor(random() * Math.min(i, 10 + i / 3))]?.id ?? ROOT);
    const parentId = (depth.get(candidate) ?? 0) < 5 ? candidate : ROOT;
    ous.push({ id: ouId(i), name: `ou-${i}`, parentId });
    depth.set(ouId(i), (depth.get(parentId) ?? 0) + 1);
  }
  const leafish = ous.filter((o) => (depth.get(o.id) ?? 0) <= 4);

  const accounts: Account[] = [
    { id: '111111111111', name: 'management', parentId: ROOT, status: 'ACTIVE', tags: {} },
  ];
  for (let i = 0; i < size.accounts; i++) {
    accounts.push({
      id: accountId(i),
      name: `account-${i}`,
      parentId: pick(leafish).id,
      status: random() < 0.02 ? 'SUSPENDED' : 'ACTIVE',
      tags: { env: pick(ENVS), team: pick(TEAMS), 'cost-center': pick(COST_CENTERS) },
    });
  }

  const policies = [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    ...Array.from({ length: 300 }, (_, i) => ({ id: policyId(i), name: `Policy${i}` })),
  ];
  const permissionSets = Array.from({ length: 30 }, (_, i) => ({
    name: `PermissionSet${i}`,
    arn: psArn(i),
  }));
  const principals = Array.from({ length: 300 }, (_, i) => ({
    type: 'GROUP' as const,
    name: `Group${i}`,
    id: groupId(i),
  }));

  const scope = (): Scope => {
    const r = random();
    if (r < 0.0025) return { type: 'root' };
    if (r < 0.51) return { type: 'ou', id: pick(ous).id, includeDescendants: random() < 0.8 };
    if (r < 0.76) {
      const k = random();
      if (k < 0.01) return { type: 'accountTag', key: 'cost-center' }; // any value
      if (k < 0.06) return { type: 'accountTag', key: 'env', value: pick(ENVS) };
      if (k < 0.66) return { type: 'accountTag', key: 'team', value: pick(TEAMS) };
      return { type: 'accountTag', key: 'cost-center', value: pick(COST_CENTERS) };
    }
    return { type: 'account', id: accountId(Math.floor(random() * size.accounts)) };
  };
  const exclude = () =>
    random() < 0.1
      ? {
          accounts: [accountId(Math.floor(random() * size.accounts))],
          ous: random() < 0.5 ? [pick(ous).id] : [],
        }
      : { accounts: [], ous: [] };
  const scpRules: ScpRule[] = [];
  const assignmentRules: AssignmentRule[] = [];
  for (let i = 0; i < size.rules; i++) {
    if (random() < 0.15) {
      scpRules.push({
        id: `scp-${i}`,
        policies: [`Policy${Math.floor(random() * 300)}`],
        scope: scope(),
        exclude: exclude(),
      });
    } else {
      assignmentRules.push({
        id: `asg-${i}`,
        permissionSet: `PermissionSet${Math.floor(random() * 30)}`,
        principal: { type: 'GROUP', name: `Group${Math.floor(random() * 300)}` },
        scope: scope(),
        exclude: exclude(),
      });
    }
  }
  const config: GovernanceConfig = {
    settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
    scpRules,
    assignmentRules,
    notifications: [
      {
        id: 'new-accounts',
        on: ['AccountCreated', 'ManagedAccountVended'],
        target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:111111111111:new' },
      },
    ],
  };

  // Current state: FullAWSAccess everywhere, plus a random sample of managed items (some stale).
  const attachments: Attachment[] = [{ targetId: ROOT, policyId: 'p-FullAWSAccess' }];
  const assignments: Assignment[] = [];
  for (const account of accounts) {
    attachments.push({ targetId: account.id, policyId: 'p-FullAWSAccess' });
    for (let k = 0; k < 3; k++) {
      attachments.push({
        targetId: account.id,
        policyId: policyId(k * 97 + Math.floor(random() * 97)),
        managedBy: [`scp-${Math.floor(random() * size.rules)}`],
      });
      assignments.push({
        accountId: account.id,
        permissionSetArn: psArn(Math.floor(random() * 30)),
        principalType: 'GROUP',
        principalId: groupId(Math.floor(random() * 300)),
        managedBy: [`asg-${Math.floor(random() * size.rules)}`],
      });
    }
  }
  const unique = <T>(items: T[], key: (t: T) => string) => [
    ...new Map(items.map((x) => [key(x), x])).values(),
  ];
  const snapshot: OrgSnapshot = {
    managementAccountId: '111111111111',
    rootId: ROOT,
    organizationalUnits: ous,
    accounts,
    policies,
    permissionSets,
    principals,
    attachments: unique(attachments, (a) => `${a.targetId} ${a.policyId}`),
    assignments: unique(
      assignments,
      (a) => `${a.accountId} ${a.permissionSetArn} ${a.principalId}`,
    ),
  };
  return { snapshot, config };
}

/** A stream of realistic events about existing and new accounts of a synthetic organization. */
export function syntheticEvents(snapshot: OrgSnapshot, count: number, seed = 7): DomainEvent[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const meta = (eventName: string) => ({
    eventId: 'bench',
    source: 'aws.organizations',
    detailType: 'AWS API Call via CloudTrail',
    eventName,
    time: '2026-11-01T10:00:00Z',
    region: 'us-east-1',
  });
  const events: DomainEvent[] = [];
  for (let i = 0; i < count; i++) {
    const account = pick(snapshot.accounts);
    const r = random();
    if (r < 0.4) {
      events.push({
        type: 'AccountMoved',
        accountId: account.id,
        sourceParentId: account.parentId,
        destinationParentId: pick(snapshot.organizationalUnits).id,
        meta: meta('MoveAccount'),
      });
    } else if (r < 0.8) {
      events.push({
        type: 'AccountTagsChanged',
        accountId: account.id,
        change: { kind: 'set', tags: { env: pick(ENVS), team: pick(TEAMS) } },
        meta: meta('TagResource'),
      });
    } else {
      events.push({
        type: 'AccountCreated',
        accountId: String(900000000000 + i),
        accountName: `new-${i}`,
        meta: meta('CreateAccountResult'),
      });
    }
  }
  return events;
}

/**
 * The organization after a reconcile converged (`converged`: every plan applied), then drifted
 * the way a day of events would: 1% of accounts moved, 1% re-tagged, 3% of managed items deleted
 * behind the product's back, stale managed assignments on 2% of accounts.
 */
export function withDrift(converged: OrgSnapshot, seed = 11): OrgSnapshot {
  const random = prng(seed);
  const ous = converged.organizationalUnits;
  const accounts = converged.accounts.map((a) => {
    const r = random();
    if (r < 0.01)
      return { ...a, parentId: ous[Math.floor(random() * ous.length)]?.id ?? a.parentId };
    if (r < 0.02)
      return { ...a, tags: { ...a.tags, env: ENVS[Math.floor(random() * ENVS.length)] ?? 'dev' } };
    return a;
  });
  const keep = (item: { readonly managedBy?: readonly string[] }) =>
    (item.managedBy?.length ?? 0) === 0 || random() >= 0.03;
  const stale: Assignment[] = accounts
    .filter(() => random() < 0.02)
    .map((a) => ({
      accountId: a.id,
      permissionSetArn: psArn(99), // a retired permission set no rule asks for
      principalType: 'GROUP',
      principalId: groupId(999),
      managedBy: ['retired-rule'],
    }));
  return {
    ...converged,
    accounts,
    attachments: converged.attachments.filter(keep),
    assignments: [...converged.assignments.filter(keep), ...stale],
  };
}
