/**
 * Reads one account and what planning for it needs: its ancestors (OU path to the root) and its
 * direct SCPs. About 4 + 2 × depth API calls.
 */
import type { Account, OrganizationalUnit } from '@org/scope-engine';
import {
  describeAccount,
  describeOuName,
  listTags,
  type OrganizationsApi,
  readParent,
} from './organizations-api';

/** An account with the OUs above it, nearest first, and the root id. */
export interface AccountWithAncestry {
  readonly account: Account;
  /** From the account's parent OU up to (excluding) the root. */
  readonly ancestors: readonly OrganizationalUnit[];
  readonly rootId: string;
}

/** An OU with whether its parent is the root. */
export interface OuWithParent {
  readonly ou: OrganizationalUnit;
  readonly parentIsRoot: boolean;
}

/** Looks an OU up by id (the adapter caches it: OUs cannot move, names rarely change). */
export type OuLookup = (ouId: string) => Promise<OuWithParent>;

/**
 * One OU with its name and parent (`DescribeOrganizationalUnit` + `ListParents`); without
 * `withName`, its parent only (`ListParents`), the OU named by its id.
 *
 * @example
 * ```ts
 * const { ou, parentIsRoot } = await lookUpOu(api, 'ou-ab12-22222222');
 * ```
 */
export async function lookUpOu(
  api: OrganizationsApi,
  ouId: string,
  withName = true,
): Promise<OuWithParent> {
  const [name, parent] = await Promise.all([
    withName ? describeOuName(api, ouId) : ouId,
    readParent(api, ouId),
  ]);
  return { ou: { id: ouId, name, parentId: parent.id }, parentIsRoot: parent.isRoot };
}

/**
 * Walks from a parent id up to the root.
 *
 * @example
 * ```ts
 * const { ancestors, rootId } = await readAncestry((id) => lookUpOu(api, id), 'ou-ab12-22222222', false);
 * ```
 */
export async function readAncestry(
  lookup: OuLookup,
  parentId: string,
  parentIsRoot: boolean,
): Promise<{ readonly ancestors: OrganizationalUnit[]; readonly rootId: string }> {
  const ancestors: OrganizationalUnit[] = [];
  let current = { id: parentId, isRoot: parentIsRoot };
  while (!current.isRoot) {
    const { ou, parentIsRoot: nextIsRoot } = await lookup(current.id);
    ancestors.push(ou);
    current = { id: ou.parentId, isRoot: nextIsRoot };
  }
  return { ancestors, rootId: current.id };
}

/** An account re-read now, and whether its parent is the root. */
export interface CurrentAccount {
  readonly account: Account;
  readonly parentIsRoot: boolean;
}

/**
 * The account re-read now (DescribeAccount, ListParents, ListTagsForResource), or `null` when it
 * is not in the organization.
 *
 * @example
 * ```ts
 * const current = await readCurrentAccount(api, '222222222222');
 * ```
 */
export async function readCurrentAccount(
  api: OrganizationsApi,
  accountId: string,
): Promise<CurrentAccount | null> {
  const fields = await describeAccount(api, accountId);
  if (fields === null) return null;
  const [parent, tags] = await Promise.all([readParent(api, accountId), listTags(api, accountId)]);
  return { account: { ...fields, parentId: parent.id, tags }, parentIsRoot: parent.isRoot };
}

/**
 * The account with its ancestry, or `null` when it is not in the organization.
 *
 * @example
 * ```ts
 * const found = await readAccountWithAncestry(api, '222222222222', cachedLookup);
 * ```
 */
export async function readAccountWithAncestry(
  api: OrganizationsApi,
  accountId: string,
  lookup: OuLookup = (ouId) => lookUpOu(api, ouId),
): Promise<AccountWithAncestry | null> {
  const current = await readCurrentAccount(api, accountId);
  if (current === null) return null;
  const { ancestors, rootId } = await readAncestry(
    lookup,
    current.account.parentId,
    current.parentIsRoot,
  );
  return { account: current.account, ancestors, rootId };
}
