/**
 * Reads the whole organization with bounded concurrency and O(accounts) API calls, for the
 * policy types T the rules use (SCPs always; other types only when enabled on the root):
 * 1 DescribeOrganization + 1 ListRoots + per type 1 ListPolicies page per 20 policies
 * + per parent (root and each OU): ListOrganizationalUnitsForParent, ListAccountsForParent
 * + per OU: ListPoliciesForTarget per type
 * + per account: ListTagsForResource, ListPoliciesForTarget per type.
 */
import {
  SERVICE_CONTROL_POLICY,
  type Account,
  type OrganizationalUnit,
  type PolicyType,
} from '@org/scope-engine';
import type { OrgStructure } from '@org/governance-runtime';
import { compareStrings, type Limiter } from '../util';
import {
  describeManagementAccountId,
  listChildAccounts,
  listChildOus,
  listTags,
  type OrganizationsApi,
  readRoot,
} from './organizations-api';
import { directAttachmentsOfTypes, listPoliciesOfTypes, typesToRead } from './policy-reads';

const byId = <T extends { readonly id: string }>(a: T, b: T): number => compareStrings(a.id, b.id);

async function readOuTree(
  api: OrganizationsApi,
  limit: Limiter,
  rootId: string,
): Promise<OrganizationalUnit[]> {
  const ous: OrganizationalUnit[] = [];
  let frontier = [rootId];
  while (frontier.length > 0) {
    const children = await Promise.all(
      frontier.map((parentId) => limit(() => listChildOus(api, parentId))),
    );
    const level = children.flat();
    ous.push(...level);
    frontier = level.map((ou) => ou.id);
  }
  return ous.sort(byId);
}

/**
 * Reads the root (and its enabled policy types), OU tree, accounts (status, tags), the policies of
 * the types to read and those attached directly to OUs and accounts. Output lists are sorted by id
 * (attachments by target, then policy).
 *
 * @param policyTypes - The types the rules use (SCPs are always read).
 * @example
 * ```ts
 * const structure = await readOrgStructure(api, createLimiter(5));
 * ```
 */
export async function readOrgStructure(
  api: OrganizationsApi,
  limit: Limiter,
  policyTypes: readonly PolicyType[] = [SERVICE_CONTROL_POLICY],
): Promise<OrgStructure> {
  const [managementAccountId, root] = await Promise.all([
    limit(() => describeManagementAccountId(api)),
    limit(() => readRoot(api)),
  ]);
  const rootId = root.id;
  const types = typesToRead(policyTypes, root.enabledPolicyTypes);
  const policies = await listPoliciesOfTypes(api, limit, types);
  const organizationalUnits = await readOuTree(api, limit, rootId);
  const parents = [rootId, ...organizationalUnits.map((ou) => ou.id)];
  const untagged = (
    await Promise.all(parents.map((parentId) => limit(() => listChildAccounts(api, parentId))))
  ).flat();
  const accounts: Account[] = await Promise.all(
    untagged.map(async (account) => ({
      ...account,
      tags: await limit(() => listTags(api, account.id)),
    })),
  );
  const targets = [...organizationalUnits.map((ou) => ou.id), ...accounts.map((a) => a.id)];
  const attachments = (
    await Promise.all(
      targets.map((targetId) => directAttachmentsOfTypes(api, limit, targetId, types)),
    )
  ).flat();
  attachments.sort(
    (a, b) => compareStrings(a.targetId, b.targetId) || compareStrings(a.policyId, b.policyId),
  );
  return {
    managementAccountId,
    rootId,
    enabledPolicyTypes: root.enabledPolicyTypes,
    organizationalUnits,
    accounts: accounts.sort(byId),
    policies,
    attachments,
  };
}
