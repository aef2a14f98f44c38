/**
 * The Organizations reads a sharded reconcile makes: one page per call, so a read can stop at a
 * deadline and go on in the next invocation, and proportional to what can change (attachments
 * per policy, not per account).
 */
import type { Account, OrganizationalUnit, Policy, PolicyType } from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';

/** One page of a paginated list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Token of the next page; absent on the last one. */
  readonly nextToken?: string;
}

/** An account as listed under its parent (`ListAccountsForParent`): no tags yet. */
export type ListedAccount = Omit<Account, 'tags'>;

/**
 * Organizations, one API call per method call (each method is one page of one API).
 *
 * @example
 * ```ts
 * const page = await organizations.listAccounts('ou-1', undefined); // ListAccountsForParent
 * ```
 */
export interface OrganizationReads {
  /**
   * The root (with the policy types enabled on it, when known) and the management account
   * (`ListRoots`, `DescribeOrganization`).
   */
  describeRoot(): Promise<{
    readonly rootId: string;
    readonly managementAccountId: string;
    readonly enabledPolicyTypes?: readonly PolicyType[];
  }>;
  /** One page of the OUs directly under a parent (`ListOrganizationalUnitsForParent`). */
  listOrganizationalUnits(parentId: string, token?: string): Promise<Page<OrganizationalUnit>>;
  /** One page of the accounts directly under a parent (`ListAccountsForParent`). */
  listAccounts(parentId: string, token?: string): Promise<Page<ListedAccount>>;
  /** An account's tags (`ListTagsForResource`). */
  listTags(accountId: string): Promise<Readonly<Record<string, string>>>;
  /**
   * Every policy of `policyTypes` with its type (`ListPolicies`, one call per type and page): the
   * types the rules use or the product provisioned, among those enabled on the root.
   */
  listPolicies(policyTypes: readonly PolicyType[]): Promise<readonly Policy[]>;
  /** One page of the targets (roots, OUs, accounts) a policy is attached to (`ListTargetsForPolicy`). */
  listTargets(policyId: string, token?: string): Promise<Page<string>>;
}

/**
 * Identity Center assignments read per principal (`ListAccountAssignmentsForPrincipal`), across
 * every account in one paginated call, instead of per account and permission set.
 */
export interface AssignmentsByPrincipal {
  listAssignmentsOfPrincipal(
    principalType: 'USER' | 'GROUP',
    principalId: string,
  ): Promise<readonly AssignmentKey[]>;
}
