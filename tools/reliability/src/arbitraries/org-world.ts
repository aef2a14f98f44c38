import * as fc from 'fast-check';
import { hostileString } from './hostile-strings';
import { ledgerFor, ledgerSeed } from './tag-trust';

/** The root of every generated organization. */
export const ROOT_ID = 'r-ab12';
/** OU ids (index i may only have parents among the root and OUs before it: no cycles). */
export const OU_IDS = [1, 2, 3, 4, 5].map((i) => `ou-ab12-0000000${i}`);
/** Account ids; the first one is the management account. */
export const ACCOUNT_IDS = [...Array(10).keys()].map(
  (i) => `1000000000${String(i).padStart(2, '0')}`,
);
/** SCPs: `p-FullAWSAccess` and six others named Pol1…Pol6. */
export const POLICIES = [
  { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
  ...[1, 2, 3, 4, 5, 6].map((i) => ({ id: `p-aaaaaaa${i}`, name: `Pol${i}` })),
];
/** Permission sets PS1…PS3. */
export const PERMISSION_SETS = [1, 2, 3].map((i) => ({
  name: `PS${i}`,
  arn: `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-000000000000000${i}`,
}));
/** Identity Center groups G1…G3 and user U1. */
export const PRINCIPALS = [
  ...[1, 2, 3].map((i) => ({
    type: 'GROUP' as const,
    name: `G${i}`,
    id: `90000000-0000-0000-0000-00000000000${i}`,
  })),
  { type: 'USER' as const, name: 'U1', id: '90000000-0000-0000-0000-000000000009' },
];
/** Tag keys and values rules look for. */
export const TAG_KEYS = ['env', 'team'];
export const TAG_VALUES = ['prod', 'dev', 'a'];
/** Rule ids a snapshot's `managedBy` may name (some exist in the config, some no longer do). */
export const RULE_IDS = ['r0', 'r1', 'r2', 'r3', 'a0', 'a1', 'a2', 'a3', 'gone'];

const parentFor = (ouIndex: number) => fc.constantFrom(ROOT_ID, ...OU_IDS.slice(0, ouIndex));
const anyParent = fc.constantFrom(ROOT_ID, ...OU_IDS);
const accountId = fc.constantFrom(...ACCOUNT_IDS);
/** Control characters and lone surrogates, which a snapshot refuses in names (AWS has none). */
const CONTROL = /[\p{Cc}\p{Cs}]/gu;
/** Hostile names a snapshot accepts: control characters become `?`, at most 50 characters. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  hostileString
    .map((s) => [...s.replace(CONTROL, '?')].slice(0, 50).join(''))
    .filter((s) => s.length > 0 && s.length <= 50),
);
const tags = fc.dictionary(fc.constantFrom(...TAG_KEYS, 'owner'), fc.constantFrom(...TAG_VALUES), {
  maxKeys: 3,
  noNullPrototype: true,
});
const managedBy = fc.oneof(
  fc.constant(undefined),
  fc.uniqueArray(fc.constantFrom(...RULE_IDS), { maxLength: 2 }),
);
const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * A raw organization snapshot document (`org.yaml`) over the id pools above: an acyclic OU tree,
 * accounts in every status with tags and sometimes hostile names, a subset of the policies,
 * permission sets and principals, attachments/assignments that are managed or not — on any
 * account, the management account included — and (in some worlds) a tag ledger whose entries hold
 * the current value or a stale one, set by trusted and untrusted taggers.
 *
 * @example
 * ```ts
 * const snapshot = parseOrgSnapshot(fc.sample(orgSnapshotDocument, 1)[0]);
 * ```
 */
export const orgSnapshotDocument = fc
  .record({
    ous: fc.tuple(
      ...OU_IDS.map((id, i) =>
        fc.option(fc.record({ id: fc.constant(id), name, parentId: parentFor(i) })),
      ),
    ),
    accounts: fc.uniqueArray(
      fc.record({
        id: accountId,
        name,
        parentId: anyParent,
        status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'),
        tags,
      }),
      { selector: (a) => a.id, minLength: 1, maxLength: ACCOUNT_IDS.length },
    ),
    policies: fc.subarray(POLICIES),
    permissionSets: fc.subarray(PERMISSION_SETS),
    principals: fc.subarray(PRINCIPALS),
    attachments: fc.uniqueArray(
      fc.record({
        targetId: fc.constantFrom(...ACCOUNT_IDS, ...OU_IDS),
        policyId: fc.constantFrom(...POLICIES.map((p) => p.id)),
        managedBy,
      }),
      { selector: (a) => `${a.targetId} ${a.policyId}`, maxLength: 14 },
    ),
    assignments: fc.uniqueArray(
      fc.record({
        accountId,
        permissionSetArn: fc.constantFrom(...PERMISSION_SETS.map((p) => p.arn)),
        principal: fc.constantFrom(...PRINCIPALS),
        managedBy,
      }),
      { selector: (a) => `${a.accountId} ${a.permissionSetArn} ${a.principal.id}`, maxLength: 10 },
    ),
    // Who set the tags (read when the rules trust only some taggers); absent in some worlds.
    tagLedger: fc.option(fc.array(ledgerSeed([...TAG_KEYS, 'owner']), { maxLength: 12 }), {
      nil: undefined,
    }),
  })
  .map((w) => {
    // OUs whose parent was left out move under the root, so every parent exists.
    const present = new Set(w.ous.filter((ou) => ou !== null).map((ou) => ou.id));
    const ous = w.ous
      .filter((ou) => ou !== null)
      .map((ou) => ({
        ...ou,
        parentId: ou.parentId === ROOT_ID || present.has(ou.parentId) ? ou.parentId : ROOT_ID,
      }));
    const known = (id: string) => id === ROOT_ID || present.has(id);
    const accounts = w.accounts.map((a) => ({
      ...a,
      parentId: known(a.parentId) ? a.parentId : ROOT_ID,
    }));
    const accountIds = new Set(accounts.map((a) => a.id));
    const policyIds = new Set(w.policies.map((p) => p.id));
    return {
      managementAccountId: ACCOUNT_IDS[0],
      rootId: ROOT_ID,
      organizationalUnits: ous,
      accounts,
      policies: w.policies,
      permissionSets: w.permissionSets,
      principals: w.principals,
      attachments: w.attachments
        .filter((a) => policyIds.has(a.policyId))
        .filter((a) => accountIds.has(a.targetId) || present.has(a.targetId))
        // Attachments on the management account are managed or not like any other (an old
        // version or a hand edit may have recorded one): the planner must leave them alone, as
        // SCPs are never planned for the management account.
        .map(withoutUndefined),
      assignments: w.assignments
        .filter((a) => accountIds.has(a.accountId))
        .map(({ principal, ...a }) =>
          withoutUndefined({ ...a, principalType: principal.type, principalId: principal.id }),
        ),
      ...(w.tagLedger === undefined ? {} : { tagLedger: ledgerFor(accounts, w.tagLedger) }),
    };
  });
