/**
 * Reads the whole organization with bounded concurrency and O(accounts) API calls:
 * 1 DescribeOrganization + 1 ListRoots + 1 ListPolicies page per 20 SCPs
 * + per parent (root and each OU): ListOrganizationalUnitsForParent, ListAccountsForParent
 * + per OU: ListPoliciesForTarget
 * + per account: ListTagsForResource, ListPoliciesForTarget.
 */
import type { Account, Attachment, OrganizationalUnit } from '@org/scope-engine';
import type { OrgStructure } from '@org/governance-runtime';
import { compareStrings, type Limiter } from '../util';
import {
  describeManagementAccountId,
  listChildAccounts,
  listChildOus,
  listDirectScpIds,
  listScps,
  listTags,
  type OrganizationsApi,
  readRootId,
} from './organizations-api';

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

async function directAttachments(
  api: OrganizationsApi,
  limit: Limiter,
  targetId: string,
): Promise<Attachment[]> {
  const policyIds = await limit(() => listDirectScpIds(api, targetId));
  return policyIds.map((policyId) => ({ targetId, policyId }));
}

/**
 * Reads roots, OU tree, accounts (status, tags), SCPs and the SCPs attached directly to OUs and
 * accounts. Output lists are sorted by id (attachments by target, then policy).
 *
 * @example
 * ```ts
 * const structure = await readOrgStructure(api, createLimiter(5));
 * ```
 */
export async function readOrgStructure(
  api: OrganizationsApi,
  limit: Limiter,
): Promise<OrgStructure> {
  const [managementAccountId, rootId, policies] = await Promise.all([
    limit(() => describeManagementAccountId(api)),
    limit(() => readRootId(api)),
    limit(() => listScps(api)),
  ]);
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
    await Promise.all(targets.map((targetId) => directAttachments(api, limit, targetId)))
  ).flat();
  attachments.sort(
    (a, b) => compareStrings(a.targetId, b.targetId) || compareStrings(a.policyId, b.policyId),
  );
  return {
    managementAccountId,
    rootId,
    organizationalUnits,
    accounts: accounts.sort(byId),
    policies,
    attachments,
  };
}
