import { assignmentKey, compareStrings, type Planner, type PrincipalType } from '@org/scope-engine';

/** Whether a granted assignment exists already or is created by the reconcile plan. */
export type GrantState = 'assigned' | 'to create';

/**
 * One cell of the access matrix: a principal reaches an account through a permission set,
 * because of the rules in `ruleIds` (sorted, as the engine's desired state lists them).
 */
export interface AccessGrant {
  readonly principalType: PrincipalType;
  readonly principalId: string;
  /** The principal's name in the snapshot (its id when the snapshot does not name it). */
  readonly principalName: string;
  readonly permissionSetArn: string;
  /** The permission set's name in the snapshot (its ARN when the snapshot does not name it). */
  readonly permissionSetName: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly ruleIds: readonly string[];
  readonly state: GrantState;
}

/**
 * Who can reach which account once the reconcile plan is applied: every assignment of the
 * engine's desired state, one grant per principal × permission set × account, sorted by
 * principal (type, name, id), permission set (name, ARN), then account (name, id).
 */
export interface AccessMatrix {
  readonly grants: readonly AccessGrant[];
}

/** Grants that share a principal and permission set, or an account (see {@link groupGrants}). */
export interface AccessGroup {
  /** The identity of what the grants share: principal and permission set, or account. */
  readonly key: string;
  readonly grants: readonly AccessGrant[];
}

/**
 * Builds the access matrix from the planner's desired state of every account (the state the
 * reconcile plan converges to), so it grants exactly what the rules grant: inactive accounts and
 * the management account (unless the configuration includes it) get no grants, and assignments
 * no rule justifies (made by hand) are not part of it.
 *
 * @example
 * ```ts
 * const matrix = buildAccessMatrix(Planner.create(snapshot, config));
 * matrix.grants.length; // principal × permission set × account cells
 * ```
 */
export function buildAccessMatrix(planner: Planner): AccessMatrix {
  const { refs, index } = planner;
  const grants: AccessGrant[] = [];
  for (const account of planner.snapshot.accounts) {
    const existing = new Set(index.assignmentsOf(account.id).map(assignmentKey));
    for (const want of planner.desiredState(account).assignments) {
      grants.push({
        principalType: want.principalType,
        principalId: want.principalId,
        principalName: refs.principalName(want.principalType, want.principalId) ?? want.principalId,
        permissionSetArn: want.permissionSetArn,
        permissionSetName: refs.permissionSetName(want.permissionSetArn) ?? want.permissionSetArn,
        accountId: account.id,
        accountName: account.name,
        ruleIds: want.ruleIds,
        state: existing.has(assignmentKey(want)) ? 'assigned' : 'to create',
      });
    }
  }
  return { grants: grants.sort(byPrincipal) };
}

/**
 * Groups the grants for the two views of the page: `'principal'` — for each principal and
 * permission set, the accounts it reaches (matrix order); `'account'` — for each account, who
 * can reach it (account name and id, then principal and permission set).
 *
 * @example
 * ```ts
 * groupGrants(matrix, 'account').map((g) => g.grants[0]?.accountName); // ['data-prod', …]
 * ```
 */
export function groupGrants(matrix: AccessMatrix, by: 'principal' | 'account'): AccessGroup[] {
  const sorted = by === 'principal' ? matrix.grants : [...matrix.grants].sort(byAccount);
  const keyOf =
    by === 'principal'
      ? (g: AccessGrant) =>
          `${g.principalType} ${g.principalName} ${g.principalId} ${g.permissionSetName} ${g.permissionSetArn}`
      : (g: AccessGrant) => `${g.accountName} ${g.accountId}`;
  const groups: { key: string; grants: AccessGrant[] }[] = [];
  const byKey = new Map<string, AccessGrant[]>();
  for (const grant of sorted) {
    const key = keyOf(grant);
    const group = byKey.get(key);
    if (group !== undefined) group.push(grant);
    else {
      const grants = [grant];
      byKey.set(key, grants);
      groups.push({ key, grants });
    }
  }
  return groups;
}

function principalOrder(a: AccessGrant, b: AccessGrant): number {
  return (
    compareStrings(a.principalType, b.principalType) ||
    compareStrings(a.principalName, b.principalName) ||
    compareStrings(a.principalId, b.principalId) ||
    compareStrings(a.permissionSetName, b.permissionSetName) ||
    compareStrings(a.permissionSetArn, b.permissionSetArn)
  );
}

function accountOrder(a: AccessGrant, b: AccessGrant): number {
  return compareStrings(a.accountName, b.accountName) || compareStrings(a.accountId, b.accountId);
}

function byPrincipal(a: AccessGrant, b: AccessGrant): number {
  return principalOrder(a, b) || accountOrder(a, b);
}

function byAccount(a: AccessGrant, b: AccessGrant): number {
  return accountOrder(a, b) || principalOrder(a, b);
}
