/**
 * Generated organizations, rules and events for the parity property: an OU tree, accounts (some
 * not ACTIVE, some tagged), SCP attachments and assignments (some managed, some not), rules over
 * every scope type with exclusions and names that do not resolve, notifications on every event
 * they may listen to, and events about known and unknown accounts.
 *
 * The engine's property tests have richer generators in `packages/scope-engine/test/property`;
 * they are not importable from another project's tests (each tsconfig's rootDir is its project).
 */
import type { DomainEvent, EventMeta } from '@org/event-schemas';
import type { Account, Exclusions, GovernanceConfig, OrgSnapshot, Scope } from '@org/scope-engine';
import fc from 'fast-check';

const ROOT = 'r-ab12';
const MGMT = '100000000000';
const OU_IDS = ['ou-ab12-00000001', 'ou-ab12-00000002', 'ou-ab12-00000003', 'ou-ab12-00000004'];
const ACCOUNT_IDS = Array.from({ length: 6 }, (_, i) => String(100000000000 + i));
const POLICIES = [
  { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
  { id: 'p-aaaa0001', name: 'A' },
  { id: 'p-aaaa0002', name: 'B' },
  { id: 'p-aaaa0003', name: 'C' },
];
const PERMISSION_SETS = [
  { name: 'ReadOnly', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1' },
  { name: 'Admin', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-2' },
];
const PRINCIPALS = [
  { type: 'GROUP' as const, name: 'G1', id: 'g-1' },
  { type: 'USER' as const, name: 'U1', id: 'u-1' },
];
const RULE_IDS = ['r0', 'r1', 'r2', 'r3', 'old'];
const TAG_KEYS = ['env', 'team'];
const tags = fc.dictionary(fc.constantFrom(...TAG_KEYS), fc.constantFrom('prod', 'dev'), {
  maxKeys: 2,
});
const managedBy = fc.option(fc.subarray(RULE_IDS, { minLength: 1 }), { nil: undefined });

const meta = (eventName: string, source = 'aws.organizations'): EventMeta => ({
  eventId: `evt-${eventName}`,
  source,
  detailType: 'AWS API Call via CloudTrail',
  eventName,
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
});

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const uniqueBy = <T>(items: readonly T[], key: (item: T) => string): T[] => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

/** Random organizations. */
export const arbOrg: fc.Arbitrary<OrgSnapshot> = fc
  .record({
    ouParents: fc.tuple(...OU_IDS.map((_, i) => fc.integer({ min: -1, max: i - 1 }))),
    accounts: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ACCOUNT_IDS),
        parent: fc.integer({ min: -1, max: OU_IDS.length - 1 }),
        status: fc.constantFrom('ACTIVE', 'ACTIVE', 'SUSPENDED'),
        tags,
      }),
      { selector: (a) => a.id, minLength: 1 },
    ),
    attachments: fc.array(fc.record({ a: fc.nat(), p: fc.nat(), managedBy }), { maxLength: 8 }),
    assignments: fc.array(fc.record({ a: fc.nat(), ps: fc.nat(), pr: fc.nat(), managedBy }), {
      maxLength: 6,
    }),
  })
  .map(({ ouParents, accounts, attachments, assignments }) => {
    const ous = OU_IDS.map((id, i) => ({
      id,
      name: `OU${i}`,
      parentId: (ouParents[i] ?? -1) < 0 ? ROOT : pick(OU_IDS, ouParents[i] ?? 0),
    }));
    const accountList: Account[] = accounts.map((a) => ({
      id: a.id,
      name: `acct-${a.id}`,
      parentId: a.id === MGMT || a.parent < 0 ? ROOT : pick(OU_IDS, a.parent),
      status: a.id === MGMT ? 'ACTIVE' : a.status,
      tags: a.tags,
    }));
    return {
      managementAccountId: MGMT,
      rootId: ROOT,
      organizationalUnits: ous,
      accounts: accountList,
      policies: POLICIES,
      permissionSets: PERMISSION_SETS,
      principals: PRINCIPALS,
      attachments: uniqueBy(
        attachments.map((x) => ({
          targetId: pick(accountList, x.a).id,
          policyId: pick(POLICIES, x.p).id,
          ...(x.managedBy === undefined ? {} : { managedBy: x.managedBy }),
        })),
        (x) => `${x.targetId} ${x.policyId}`,
      ),
      assignments: uniqueBy(
        assignments.map((x) => {
          const principal = pick(PRINCIPALS, x.pr);
          return {
            accountId: pick(accountList, x.a).id,
            permissionSetArn: pick(PERMISSION_SETS, x.ps).arn,
            principalType: principal.type,
            principalId: principal.id,
            ...(x.managedBy === undefined ? {} : { managedBy: x.managedBy }),
          };
        }),
        (x) => `${x.accountId} ${x.permissionSetArn} ${x.principalType} ${x.principalId}`,
      ),
    };
  });

const arbScope: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant({ type: 'root' as const }),
  fc.record({
    type: fc.constant('ou' as const),
    id: fc.constantFrom(...OU_IDS),
    includeDescendants: fc.boolean(),
  }),
  fc.record({ type: fc.constant('account' as const), id: fc.constantFrom(...ACCOUNT_IDS) }),
  fc.record(
    {
      type: fc.constant('accountTag' as const),
      key: fc.constantFrom(...TAG_KEYS),
      value: fc.constantFrom('prod', 'dev'),
    },
    { requiredKeys: ['type', 'key'] },
  ),
);
const arbExclusions: fc.Arbitrary<Exclusions> = fc.record({
  accounts: fc.subarray(ACCOUNT_IDS, { maxLength: 1 }),
  ous: fc.subarray(OU_IDS, { maxLength: 1 }),
});

/** Random rules and notifications. */
export const arbConfig: fc.Arbitrary<GovernanceConfig> = fc
  .record({
    maxScpsPerTarget: fc.integer({ min: 1, max: 5 }),
    includeManagementAccount: fc.boolean(),
    scp: fc.array(
      fc.record({
        policies: fc.subarray(['p-aaaa0001', 'B', 'C', 'Missing'], { minLength: 1, maxLength: 2 }),
        scope: arbScope,
        exclude: arbExclusions,
      }),
      { maxLength: 3 },
    ),
    asg: fc.array(
      fc.record({
        permissionSet: fc.constantFrom('ReadOnly', 'Admin', 'Missing'),
        principal: fc.record({
          type: fc.constantFrom('GROUP' as const, 'USER' as const),
          name: fc.constantFrom('G1', 'U1', 'Nobody'),
        }),
        scope: arbScope,
        exclude: arbExclusions,
      }),
      { maxLength: 3 },
    ),
    listens: fc.subarray([
      'AccountCreated' as const,
      'AccountJoined' as const,
      'ManagedAccountVended' as const,
      'CreateAccountFailed' as const,
    ]),
  })
  .map(({ maxScpsPerTarget, includeManagementAccount, scp, asg, listens }) => ({
    settings: { maxScpsPerTarget, includeManagementAccount },
    scpRules: scp.map((rule, i) => ({ id: `r${i}`, ...rule })),
    assignmentRules: asg.map((rule, i) => ({ id: `r${i + 2}`, ...rule })),
    notifications:
      listens.length === 0
        ? []
        : [
            {
              id: 'n',
              on: listens,
              target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:1:t' },
            },
          ],
  }));

/** Random events about known and unknown accounts and OUs. */
export function arbEvent(org: OrgSnapshot): fc.Arbitrary<DomainEvent> {
  const accountId = fc.constantFrom(...org.accounts.map((a) => a.id), '200000000000');
  const parent = fc.constantFrom(ROOT, ...org.organizationalUnits.map((o) => o.id));
  return fc.oneof(
    accountId.map((id): DomainEvent => ({
      type: 'AccountCreated',
      accountId: id,
      accountName: 'new',
      meta: meta('CreateAccountResult'),
    })),
    accountId.map((id): DomainEvent => ({
      type: 'AccountJoined',
      accountId: id,
      meta: meta('AcceptHandshake'),
    })),
    fc.tuple(accountId, parent).map(([id, destination]): DomainEvent => ({
      type: 'AccountMoved',
      accountId: id,
      sourceParentId: ROOT,
      destinationParentId: destination,
      meta: meta('MoveAccount'),
    })),
    fc.tuple(accountId, tags).map(([id, t]): DomainEvent => ({
      type: 'AccountTagsChanged',
      accountId: id,
      change: { kind: 'set', tags: t },
      meta: meta('TagResource'),
    })),
    fc.tuple(accountId, fc.subarray(TAG_KEYS)).map(([id, keys]): DomainEvent => ({
      type: 'AccountTagsChanged',
      accountId: id,
      change: { kind: 'remove', keys },
      meta: meta('UntagResource'),
    })),
    accountId.map((id): DomainEvent => ({
      type: 'AccountRemoved',
      accountId: id,
      meta: meta('RemoveAccountFromOrganization'),
    })),
    fc
      .tuple(accountId, fc.option(parent, { nil: null }), fc.constantFrom('SUCCEEDED', 'FAILED'))
      .map(([id, ouId, state]): DomainEvent => ({
        type: 'ManagedAccountVended',
        operation: 'CreateManagedAccount',
        lifecycle: 'created',
        state: state as 'SUCCEEDED' | 'FAILED',
        accountId: state === 'FAILED' ? null : id,
        accountName: 'vended',
        ouId,
        ouName: null,
        message: null,
        meta: meta('CreateManagedAccount', 'aws.controltower'),
      })),
    fc.constant<DomainEvent>({
      type: 'OrganizationalUnitCreated',
      ouId: 'ou-ab12-00000009',
      name: 'New',
      parentId: ROOT,
      meta: meta('CreateOrganizationalUnit'),
    }),
    fc.constant<DomainEvent>({
      type: 'CreateAccountFailed',
      accountName: 'x',
      failureReason: 'EMAIL_ALREADY_EXISTS',
      meta: meta('CreateAccountResult'),
    }),
  );
}

/** An organization, its rules and an event about it. */
export const arbScenario = fc
  .tuple(arbOrg, arbConfig)
  .chain(([org, config]) => arbEvent(org).map((event) => ({ org, config, event })));
