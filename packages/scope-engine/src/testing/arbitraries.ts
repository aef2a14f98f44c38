/**
 * Generated organizations, rules and events for property tests (the engine's plan properties, the
 * runtime's deployed-versus-preview parity): an OU tree, accounts (some not ACTIVE, some tagged),
 * SCP attachments and assignments (some managed, some not), rules over every scope type with
 * exclusions and names that do not resolve, notifications on any subset of the events they may
 * listen to, and events about known and unknown accounts.
 */
import type { DomainEvent } from '@org/event-schemas';
import fc from 'fast-check';
import type { AssignmentRule, Exclusions, Notification } from '../model/governance-config';
import type { GovernanceConfig, Scope, ScpRule } from '../model/governance-config';
import type { Account, OrgSnapshot } from '../model/org-snapshot';
import { eventMeta as meta } from './event-meta';

const ROOT = 'r-ab12';
const MGMT = '100000000000';
const OU_IDS = [
  'ou-ab12-00000001',
  'ou-ab12-00000002',
  'ou-ab12-00000003',
  'ou-ab12-00000004',
  'ou-ab12-00000005',
];
const ACCOUNT_IDS = Array.from({ length: 8 }, (_, i) => String(100000000000 + i));
const POLICIES = [
  { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
  { id: 'p-aaaa0001', name: 'A' },
  { id: 'p-aaaa0002', name: 'B' },
  { id: 'p-aaaa0003', name: 'C' },
  { id: 'p-aaaa0004', name: 'D' },
];
const PERMISSION_SETS = [
  { name: 'ReadOnly', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1' },
  { name: 'Admin', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-2' },
];
const PRINCIPALS = [
  { type: 'GROUP' as const, name: 'G1', id: 'g-1' },
  { type: 'GROUP' as const, name: 'G2', id: 'g-2' },
  { type: 'USER' as const, name: 'U1', id: 'u-1' },
];
const RULE_IDS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'old'];
const TAG_KEYS = ['env', 'team'];
const TAG_VALUES = ['prod', 'dev', ''];

const managedBy = fc.option(fc.subarray(RULE_IDS), { nil: undefined });
const tags = fc.dictionary(fc.constantFrom(...TAG_KEYS), fc.constantFrom(...TAG_VALUES), {
  maxKeys: 2,
});

/** Random organizations: an OU tree, accounts (some inactive), and current items (some unmanaged). */
export const arbOrg: fc.Arbitrary<OrgSnapshot> = fc
  .record({
    ouParents: fc.tuple(...OU_IDS.map((_, i) => fc.integer({ min: -1, max: i - 1 }))),
    ouCount: fc.integer({ min: 0, max: OU_IDS.length }),
    accounts: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ACCOUNT_IDS),
        parent: fc.integer({ min: -1, max: OU_IDS.length - 1 }),
        status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'),
        tags,
      }),
      { selector: (a) => a.id, minLength: 1, maxLength: ACCOUNT_IDS.length },
    ),
    attachments: fc.array(fc.record({ a: fc.nat(), p: fc.nat(), managedBy }), { maxLength: 12 }),
    assignments: fc.array(fc.record({ a: fc.nat(), ps: fc.nat(), pr: fc.nat(), managedBy }), {
      maxLength: 10,
    }),
  })
  .map(({ ouParents, ouCount, accounts, attachments, assignments }) => {
    const ous = OU_IDS.slice(0, ouCount).map((id, i) => ({
      id,
      name: `OU${i}`,
      parentId: (ouParents[i] ?? -1) < 0 ? ROOT : (OU_IDS[ouParents[i] ?? 0] ?? ROOT),
    }));
    const parentOf = (i: number) => (i < 0 || i >= ous.length ? ROOT : (ous[i]?.id ?? ROOT));
    const accountList: Account[] = accounts.map((a) => ({
      id: a.id,
      name: `acct-${a.id}`,
      parentId: a.id === MGMT ? ROOT : parentOf(a.parent),
      status: a.id === MGMT ? 'ACTIVE' : a.status,
      tags: a.tags,
    }));
    const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;
    const uniqueBy = <T>(items: T[], key: (t: T) => string) => [
      ...new Map(items.map((i) => [key(i), i])).values(),
    ];
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
      value: fc.constantFrom(...TAG_VALUES),
    },
    { requiredKeys: ['type', 'key'] },
  ),
);
const arbExclusions: fc.Arbitrary<Exclusions> = fc.record({
  accounts: fc.subarray(ACCOUNT_IDS, { maxLength: 2 }),
  ous: fc.subarray(OU_IDS, { maxLength: 1 }),
});
const NOTIFIED_EVENTS: Notification['on'][number][] = [
  'AccountCreated',
  'AccountJoined',
  'ManagedAccountVended',
  'CreateAccountFailed',
];
const policyRefs = [...POLICIES.map((p) => p.id), ...POLICIES.map((p) => p.name), 'Missing'];

/**
 * Random configurations: every scope type, exclusions, names that do not resolve, small SCP limits,
 * one notification on a random subset of the events (none when the subset is empty).
 */
export const arbConfig: fc.Arbitrary<GovernanceConfig> = fc
  .record({
    maxScpsPerTarget: fc.integer({ min: 1, max: 6 }),
    includeManagementAccount: fc.boolean(),
    scp: fc.array(
      fc.record({
        policies: fc.subarray(policyRefs, { minLength: 1, maxLength: 3 }),
        scope: arbScope,
        exclude: arbExclusions,
      }),
      { maxLength: 4 },
    ),
    asg: fc.array(
      fc.record({
        permissionSet: fc.constantFrom(
          'ReadOnly',
          'Admin',
          PERMISSION_SETS[0]?.arn ?? '',
          'Missing',
        ),
        principal: fc.oneof(
          fc.record({
            type: fc.constantFrom('GROUP' as const, 'USER' as const),
            name: fc.constantFrom('G1', 'G2', 'U1', 'Nobody'),
          }),
          fc.record({
            type: fc.constantFrom('GROUP' as const, 'USER' as const),
            id: fc.constantFrom('g-1', 'u-1', 'x-9'),
          }),
        ),
        scope: arbScope,
        exclude: arbExclusions,
      }),
      { maxLength: 4 },
    ),
    listens: fc.subarray(NOTIFIED_EVENTS),
  })
  .map(({ maxScpsPerTarget, includeManagementAccount, scp, asg, listens }) => {
    const notifications: Notification[] =
      listens.length === 0
        ? []
        : [
            {
              id: 'n',
              on: listens,
              target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:1:t' },
            },
          ];
    return {
      settings: { maxScpsPerTarget, includeManagementAccount },
      scpRules: scp.map((r, i): ScpRule => ({ id: `r${i}`, ...r })),
      assignmentRules: asg.map((r, i): AssignmentRule => ({ id: `r${i + 2}`, ...r })),
      notifications,
    };
  });

/** Random domain events about known and unknown accounts and OUs (never an unknown destination). */
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
    fc.tuple(accountId, parent).map(([id, dest]): DomainEvent => ({
      type: 'AccountMoved',
      accountId: id,
      sourceParentId: ROOT,
      destinationParentId: dest,
      meta: meta('MoveAccount'),
    })),
    fc.tuple(accountId, tags).map(([id, t]): DomainEvent => ({
      type: 'AccountTagsChanged',
      accountId: id,
      change: { kind: 'replace', tags: t, changedKeys: Object.keys(t) },
      meta: meta('TagChangeOnResource'),
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
      .tuple(
        accountId,
        fc.option(parent, { nil: null }),
        fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const),
        fc.constantFrom('CreateManagedAccount' as const, 'UpdateManagedAccount' as const),
      )
      .map(([id, ouId, state, operation]): DomainEvent => ({
        type: 'ManagedAccountVended',
        operation,
        lifecycle: operation === 'CreateManagedAccount' ? 'created' : 'updated',
        state,
        accountId: state === 'FAILED' ? null : id,
        accountName: 'vended',
        ouId,
        ouName: null,
        message: null,
        meta: meta(operation, 'aws.controltower'),
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

/** An org, a config and an event about that org. */
export const arbScenario = fc
  .tuple(arbOrg, arbConfig)
  .chain(([org, config]) => arbEvent(org).map((event) => ({ org, config, event })));
