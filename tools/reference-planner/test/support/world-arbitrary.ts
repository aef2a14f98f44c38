/**
 * Generated worlds for the differential test: a small organization (nested OUs, accounts with
 * tags and states, policies, permission sets, principals, items managed or not), a configuration
 * whose rules use every scope kind and exclusion, and events about that organization. Small id
 * pools make rules, exclusions and items collide often.
 */
import fc from 'fast-check';
import type {
  RefConfig,
  RefEvent,
  RefExclusions,
  RefPolicyType,
  RefScope,
  RefSnapshot,
} from '../../src';

/** An organization with its configuration. */
export interface World {
  readonly snapshot: RefSnapshot;
  readonly config: RefConfig;
}

const ROOT = 'r-root';
const TAGS: Readonly<Record<string, readonly string[]>> = {
  env: ['prod', 'test'],
  team: ['a', 'b'],
};
const POLICY_REFS = ['P1', 'p-2', 'P3', 'p-4', 'FullAWSAccess', 'NoSuchPolicy'];
/** Names and ids of policies of every type (a few names repeat across types). */
const TYPED_POLICY_REFS = ['R1', 'p-r2', 'RCPFullAWSAccess', 'T1', 'P1', 'B1', 'p-b1', 'p-2'];
const OTHER_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
] as const satisfies readonly RefPolicyType[];
/** Policies besides the SCPs: RCPs (with the RCP default), tag and backup policies. */
const TYPED_POLICIES: RefSnapshot['policies'] = [
  { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY' },
  { id: 'p-r1', name: 'R1', type: 'RESOURCE_CONTROL_POLICY' },
  { id: 'p-r2', name: 'R2', type: 'RESOURCE_CONTROL_POLICY' },
  { id: 'p-t1', name: 'T1', type: 'TAG_POLICY' },
  { id: 'p-t2', name: 'P1', type: 'TAG_POLICY' },
  { id: 'p-b1', name: 'B1', type: 'BACKUP_POLICY' },
];
const PERMISSION_SET_REFS = ['ReadOnly', 'arn:ps/admin', 'NoSuchSet'];
const PRINCIPAL_REFS = [
  { type: 'GROUP', name: 'G1' },
  { type: 'GROUP', id: 'g-2' },
  { type: 'USER', name: 'U1' },
  { type: 'USER', name: 'G1' },
  { type: 'GROUP', name: 'Ghosts' },
];
const ACCOUNT_IDS = Array.from({ length: 8 }, (_, i) => `10000000000${i}`);

const tagsArb = fc.record(
  {
    env: fc.constantFrom('prod', 'test'),
    team: fc.constantFrom('a', 'b'),
    other: fc.constant('x'),
  },
  { requiredKeys: [] },
);

const structureArb = fc
  .record({
    ouParents: fc.array(fc.nat(), { minLength: 0, maxLength: 6 }),
    accounts: fc.uniqueArray(
      fc.record({
        index: fc.nat({ max: ACCOUNT_IDS.length - 1 }),
        parent: fc.nat(),
        status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'),
        tags: tagsArb,
      }),
      { minLength: 1, maxLength: 7, selector: (a) => a.index },
    ),
    management: fc.nat(),
  })
  .map(({ ouParents, accounts, management }) => {
    // OU i hangs under the root or an earlier OU: a tree.
    const ous = ouParents.map((p, i) => ({
      id: `ou-${i}`,
      name: `Ou${i}`,
      parentId: p % (i + 1) === 0 ? ROOT : `ou-${(p % (i + 1)) - 1}`,
    }));
    const parents = [ROOT, ...ous.map((ou) => ou.id)];
    const list = accounts.map((a) => ({
      id: ACCOUNT_IDS[a.index] ?? '',
      name: `acct${a.index}`,
      parentId: parents[a.parent % parents.length] ?? ROOT,
      status: a.status,
      tags: a.tags as Record<string, string>,
    }));
    return { ous, accounts: list, managementAccountId: list[management % list.length]?.id ?? '' };
  });

const ruleIdsArb = fc.constantFrom<readonly string[] | undefined>(
  undefined,
  [],
  ['s0'],
  ['a0'],
  ['s1', 'x9'],
);

function scopeArb(ouIds: readonly string[], accountIds: readonly string[]): fc.Arbitrary<RefScope> {
  const ous = [...ouIds, 'ou-unknown'];
  return fc.oneof(
    fc.constant({ type: 'root' as const }),
    fc.record({
      type: fc.constant('ou' as const),
      id: fc.constantFrom(...ous),
      includeDescendants: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('account' as const),
      id: fc.constantFrom(...accountIds, '999999999999'),
    }),
    fc.record(
      {
        type: fc.constant('accountTag' as const),
        key: fc.constantFrom('env', 'team', 'other'),
        value: fc.constantFrom(...(TAGS['env'] ?? []), ...(TAGS['team'] ?? [])),
      },
      { requiredKeys: ['type', 'key'] },
    ),
  );
}

function excludeArb(
  ouIds: readonly string[],
  accountIds: readonly string[],
): fc.Arbitrary<RefExclusions> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ accounts: [], ous: [] }) },
    {
      weight: 1,
      arbitrary: fc.record({
        accounts: fc.subarray([...accountIds]),
        ous: fc.subarray([...ouIds]),
      }),
    },
  );
}

/** A generated organization with rules, items and settings. */
export const worldArb: fc.Arbitrary<World> = structureArb.chain((structure) => {
  const ouIds = structure.ous.map((ou) => ou.id);
  const accountIds = structure.accounts.map((a) => a.id);
  const scope = scopeArb(ouIds, accountIds);
  const exclude = excludeArb(ouIds, accountIds);
  return fc
    .record({
      attachments: fc.uniqueArray(
        fc.record({
          targetId: fc.constantFrom(...accountIds),
          policyId: fc.constantFrom(
            'p-FullAWSAccess',
            'p-1',
            'p-2',
            'p-3',
            'p-4',
            ...TYPED_POLICIES.map((p) => p.id),
          ),
          managedBy: ruleIdsArb,
        }),
        { maxLength: 10, selector: (a) => `${a.targetId} ${a.policyId}` },
      ),
      assignments: fc.uniqueArray(
        fc.record({
          accountId: fc.constantFrom(...accountIds),
          permissionSetArn: fc.constantFrom('arn:ps/ro', 'arn:ps/admin'),
          principal: fc.constantFrom(['GROUP', 'g-1'], ['GROUP', 'g-2'], ['USER', 'u-1']),
          managedBy: ruleIdsArb,
        }),
        {
          maxLength: 8,
          selector: (a) => `${a.accountId} ${a.permissionSetArn} ${a.principal.join(' ')}`,
        },
      ),
      scpRules: fc.array(
        fc.record({ policies: fc.subarray(POLICY_REFS, { minLength: 1 }), scope, exclude }),
        { maxLength: 5 },
      ),
      policyRules: fc.array(
        fc.record({
          type: fc.constantFrom(...OTHER_TYPES),
          policies: fc.subarray(TYPED_POLICY_REFS, { minLength: 1 }),
          scope,
          exclude,
        }),
        { maxLength: 4 },
      ),
      enabledPolicyTypes: fc.option(fc.subarray([...OTHER_TYPES]), { nil: undefined }),
      maxPoliciesPerTarget: fc.option(
        fc.record(
          {
            RESOURCE_CONTROL_POLICY: fc.integer({ min: 1, max: 3 }),
            TAG_POLICY: fc.integer({ min: 1, max: 2 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      assignmentRules: fc.array(
        fc.record({
          permissionSet: fc.constantFrom(...PERMISSION_SET_REFS),
          principal: fc.constantFrom(...PRINCIPAL_REFS),
          scope,
          exclude,
        }),
        { maxLength: 4 },
      ),
      maxScpsPerTarget: fc.integer({ min: 1, max: 5 }),
      includeManagementAccount: fc.boolean(),
    })
    .map((g): World => ({
      snapshot: {
        managementAccountId: structure.managementAccountId,
        rootId: ROOT,
        ...(g.enabledPolicyTypes === undefined ? {} : { enabledPolicyTypes: g.enabledPolicyTypes }),
        organizationalUnits: structure.ous,
        accounts: structure.accounts,
        policies: [
          { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
          ...[1, 2, 3, 4].map((i) => ({ id: `p-${i}`, name: `P${i}` })),
          ...TYPED_POLICIES,
        ],
        permissionSets: [
          { name: 'ReadOnly', arn: 'arn:ps/ro' },
          { name: 'Admin', arn: 'arn:ps/admin' },
        ],
        principals: [
          { type: 'GROUP', name: 'G1', id: 'g-1' },
          { type: 'GROUP', name: 'G2', id: 'g-2' },
          { type: 'USER', name: 'U1', id: 'u-1' },
        ],
        attachments: g.attachments.map(({ managedBy, ...a }) =>
          managedBy === undefined ? a : { ...a, managedBy },
        ),
        assignments: g.assignments.map(({ principal, managedBy, ...a }) => ({
          ...a,
          principalType: principal[0] ?? 'GROUP',
          principalId: principal[1] ?? '',
          ...(managedBy === undefined ? {} : { managedBy }),
        })),
      },
      config: {
        settings: {
          maxScpsPerTarget: g.maxScpsPerTarget,
          ...(g.maxPoliciesPerTarget === undefined
            ? {}
            : { maxPoliciesPerTarget: g.maxPoliciesPerTarget }),
          includeManagementAccount: g.includeManagementAccount,
        },
        scpRules: g.scpRules.map((r, i) => ({ id: `s${i}`, ...r })),
        policyRules: g.policyRules.map((r, i) => ({ id: `t${i}`, ...r })),
        assignmentRules: g.assignmentRules.map((r, i) => ({ id: `a${i}`, ...r })),
        notifications: [
          {
            id: 'n-case',
            on: ['ManagedAccountVended'],
            target: {
              type: 'supportCase',
              subject: 'New {accountId} {accountName}',
              body: 'In {ouId} ({ouName}) by {eventName}',
            },
          },
          {
            id: 'n-hook',
            on: ['AccountCreated', 'AccountJoined', 'CreateAccountFailed'],
            target: { type: 'webhook' },
          },
        ],
      },
    }));
});

/**
 * An event about the world's organization (known parents only; accounts known or new, but a move or
 * tag change only of a known account: the engine plans those of an unknown account with partial
 * knowledge, `NotInSnapshot`, which the reference does not model — the engine's own tests cover it).
 */
export function eventArb(world: World): fc.Arbitrary<RefEvent> {
  const parents = [ROOT, ...world.snapshot.organizationalUnits.map((ou) => ou.id)];
  const account = fc.constantFrom(...ACCOUNT_IDS);
  const knownIds = world.snapshot.accounts.map((a) => a.id);
  const known = knownIds.length > 0 ? fc.constantFrom(...knownIds) : account;
  const name = fc.constantFrom(null, 'new-name');
  const meta = (eventName: string) => fc.constant({ eventName });
  const tags = tagsArb.map((t) => t as Record<string, string>);
  return fc.oneof(
    fc.record({
      type: fc.constant('AccountCreated' as const),
      accountId: account,
      accountName: name,
      meta: meta('CreateAccountResult'),
    }),
    fc.record({
      type: fc.constant('AccountJoined' as const),
      accountId: account,
      meta: meta('AcceptHandshake'),
    }),
    fc.record({
      type: fc.constant('AccountMoved' as const),
      accountId: known,
      destinationParentId: fc.constantFrom(...parents),
      meta: meta('MoveAccount'),
    }),
    fc.record({
      type: fc.constant('AccountTagsChanged' as const),
      accountId: known,
      change: fc.oneof(
        fc.record({ kind: fc.constant('replace' as const), tags, changedKeys: fc.constant([]) }),
        fc.record({ kind: fc.constant('set' as const), tags }),
        fc.record({
          kind: fc.constant('remove' as const),
          keys: fc.subarray(['env', 'team', 'other']),
        }),
      ),
      meta: meta('TagResource'),
    }),
    fc.record({
      type: fc.constant('AccountRemoved' as const),
      accountId: account,
      meta: meta('RemoveAccountFromOrganization'),
    }),
    fc.record({
      type: fc.constant('ManagedAccountVended' as const),
      operation: fc.constantFrom('CreateManagedAccount' as const, 'UpdateManagedAccount' as const),
      state: fc.constantFrom('SUCCEEDED', 'SUCCEEDED', 'FAILED', 'IN_PROGRESS'),
      accountId: fc.option(account),
      accountName: name,
      ouId: fc.option(fc.constantFrom(...parents)),
      ouName: fc.option(fc.constant('Vended OU')),
      meta: meta('CreateManagedAccount'),
    }),
    fc.record({
      type: fc.constant('OrganizationalUnitCreated' as const),
      ouId: fc.constantFrom('ou-new', ...parents.slice(1)),
      name: fc.constant('New'),
      parentId: fc.constantFrom(...parents),
      meta: meta('CreateOrganizationalUnit'),
    }),
    fc.record({
      type: fc.constant('CreateAccountFailed' as const),
      accountName: name,
      meta: meta('CreateAccountResult'),
    }),
  );
}
