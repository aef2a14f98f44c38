import {
  SERVICE_CONTROL_POLICY,
  type Account,
  type OrgSnapshot,
  type OrganizationalUnit,
  type PolicyType,
} from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';
import type {
  AssignmentsByPrincipal,
  ListedAccount,
  OrganizationReads,
  Page,
} from '../reconcile-shards/organization-reads';

/** AWS's largest page sizes of the lists a sharded reconcile reads. */
export const AWS_PAGE_SIZES = {
  /** `ListOrganizationalUnitsForParent`, `ListAccountsForParent`, `ListTargetsForPolicy`. */
  organizations: 20,
  /** `ListAccountAssignmentsForPrincipal`. */
  identityCenter: 100,
} as const;

/** Calls answered, per API. */
export type ReadCalls = Record<string, number>;

/** One page of `items` from the offset in `token`. */
function page<T>(items: readonly T[], token: string | undefined, size: number): Page<T> {
  const start = token === undefined ? 0 : Number(token);
  const end = start + size;
  return end < items.length
    ? { items: items.slice(start, end), nextToken: String(end) }
    : { items: items.slice(start) };
}

/** Adds one item to the list under `key`. */
function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [item]);
  else list.push(item);
}

/**
 * {@link OrganizationReads} and {@link AssignmentsByPrincipal} over a fixed snapshot, with
 * AWS's page sizes and a count of the calls per API: the organization a sharded reconcile reads
 * in tests and in the scale bench. Every policy is attached to its targets as the snapshot says.
 *
 * @example
 * ```ts
 * const reads = new SnapshotOrganizationReads(snapshot);
 * await reads.listAccounts(snapshot.rootId);
 * reads.calls; // { ListAccountsForParent: 1 }
 * ```
 */
export class SnapshotOrganizationReads implements OrganizationReads, AssignmentsByPrincipal {
  /** Calls answered so far, per API name. */
  readonly calls: ReadCalls = {};
  private readonly ousOf = new Map<string, OrganizationalUnit[]>();
  private readonly accountsOf = new Map<string, ListedAccount[]>();
  private readonly tagsOf = new Map<string, Account['tags']>();
  private readonly targetsOf = new Map<string, string[]>();
  private readonly assignmentsOf = new Map<string, AssignmentKey[]>();

  constructor(private readonly snapshot: OrgSnapshot) {
    for (const ou of snapshot.organizationalUnits) push(this.ousOf, ou.parentId, ou);
    for (const { tags, ...account } of snapshot.accounts) {
      push(this.accountsOf, account.parentId, account);
      this.tagsOf.set(account.id, tags);
    }
    for (const { targetId, policyId } of snapshot.attachments) {
      push(this.targetsOf, policyId, targetId);
    }
    for (const {
      accountId,
      permissionSetArn,
      principalType,
      principalId,
    } of snapshot.assignments) {
      const key = { accountId, permissionSetArn, principalType, principalId };
      push(this.assignmentsOf, `${principalType}#${principalId}`, key);
    }
  }

  private count(api: string): void {
    this.calls[api] = (this.calls[api] ?? 0) + 1;
  }

  /** {@inheritDoc OrganizationReads.describeRoot} */
  async describeRoot() {
    this.count('DescribeOrganization');
    this.count('ListRoots');
    const { rootId, managementAccountId, enabledPolicyTypes } = this.snapshot;
    return {
      rootId,
      managementAccountId,
      ...(enabledPolicyTypes === undefined ? {} : { enabledPolicyTypes }),
    };
  }

  /** {@inheritDoc OrganizationReads.listOrganizationalUnits} */
  async listOrganizationalUnits(parentId: string, token?: string) {
    this.count('ListOrganizationalUnitsForParent');
    return page(this.ousOf.get(parentId) ?? [], token, AWS_PAGE_SIZES.organizations);
  }

  /** {@inheritDoc OrganizationReads.listAccounts} */
  async listAccounts(parentId: string, token?: string) {
    this.count('ListAccountsForParent');
    return page(this.accountsOf.get(parentId) ?? [], token, AWS_PAGE_SIZES.organizations);
  }

  /** {@inheritDoc OrganizationReads.listTags} */
  async listTags(accountId: string) {
    this.count('ListTagsForResource');
    return this.tagsOf.get(accountId) ?? {};
  }

  /** {@inheritDoc OrganizationReads.listPolicies} (one call per type) */
  async listPolicies(policyTypes: readonly PolicyType[]) {
    this.calls['ListPolicies'] = (this.calls['ListPolicies'] ?? 0) + policyTypes.length;
    return this.snapshot.policies.filter((policy) =>
      policyTypes.includes(policy.type ?? SERVICE_CONTROL_POLICY),
    );
  }

  /** {@inheritDoc OrganizationReads.listTargets} */
  async listTargets(policyId: string, token?: string) {
    this.count('ListTargetsForPolicy');
    return page(this.targetsOf.get(policyId) ?? [], token, AWS_PAGE_SIZES.organizations);
  }

  /**
   * {@inheritDoc AssignmentsByPrincipal.listAssignmentsOfPrincipal} (one call per page of 100:
   * the whole list is answered at once, the calls are counted per page).
   */
  async listAssignmentsOfPrincipal(principalType: 'USER' | 'GROUP', principalId: string) {
    const found = this.assignmentsOf.get(`${principalType}#${principalId}`) ?? [];
    const pages = Math.max(1, Math.ceil(found.length / AWS_PAGE_SIZES.identityCenter));
    this.calls['ListAccountAssignmentsForPrincipal'] =
      (this.calls['ListAccountAssignmentsForPrincipal'] ?? 0) + pages;
    return found;
  }

  /** Calls answered, all APIs together. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0);
  }
}
