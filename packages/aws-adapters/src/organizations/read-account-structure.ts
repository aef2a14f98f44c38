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

/**
 * Walks from a parent id up to the root with `ListParents` + `DescribeOrganizationalUnit`.
 *
 * @example
 * ```ts
 * const { ancestors, rootId } = await readAncestry(api, 'ou-ab12-22222222', false);
 * ```
 */
export async function readAncestry(
  api: OrganizationsApi,
  parentId: string,
  parentIsRoot: boolean,
): Promise<{ readonly ancestors: OrganizationalUnit[]; readonly rootId: string }> {
  const ancestors: OrganizationalUnit[] = [];
  let current = { id: parentId, isRoot: parentIsRoot };
  while (!current.isRoot) {
    const [name, parent] = await Promise.all([
      describeOuName(api, current.id),
      readParent(api, current.id),
    ]);
    ancestors.push({ id: current.id, name, parentId: parent.id });
    current = parent;
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
 * const found = await readAccountWithAncestry(api, '222222222222');
 * ```
 */
export async function readAccountWithAncestry(
  api: OrganizationsApi,
  accountId: string,
): Promise<AccountWithAncestry | null> {
  const current = await readCurrentAccount(api, accountId);
  if (current === null) return null;
  const { ancestors, rootId } = await readAncestry(
    api,
    current.account.parentId,
    current.parentIsRoot,
  );
  return { account: current.account, ancestors, rootId };
}
