/**
 * Thin, retried wrappers over the Organizations read APIs, returning domain types.
 */
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  type Account as SdkAccount,
  ListParentsCommand,
  type OrganizationsClient,
  type OrganizationsPaginationConfiguration,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListPoliciesForTarget,
  paginateListRoots,
  paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import {
  isPolicyType,
  SERVICE_CONTROL_POLICY,
  type Account,
  type OrganizationalUnit,
  type Policy,
  type PolicyType,
} from '@org/scope-engine';
import { type AdapterErrorContext, UnexpectedResponseError } from '../errors';
import { awsErrorName, callAws, collectPages, type RetryPolicy } from '../retry';
import { compareStrings } from '../util';
import { toAccountStatus } from './account-status';

/** What every Organizations read needs. */
export interface OrganizationsApi {
  readonly client: OrganizationsClient;
  readonly retryPolicy: RetryPolicy;
}

function required<T>(value: T | undefined, field: string, operation: string): T {
  if (value === undefined || value === null) {
    throw new UnexpectedResponseError(`${operation} returned no ${field}`, {
      context: { operation },
    });
  }
  return value;
}

/**
 * Every page of an Organizations list call, each page retried (`collectPages`): `open` opens the
 * call's paginator on this API's client at a starting token.
 */
function listPages<Page extends { readonly NextToken?: string }>(
  api: OrganizationsApi,
  open: (config: OrganizationsPaginationConfiguration) => AsyncIterable<Page>,
  context: AdapterErrorContext,
): Promise<Page[]> {
  return collectPages(
    (token) => open({ client: api.client, startingToken: token }),
    (page) => page.NextToken,
    context,
    api.retryPolicy,
  );
}

/** An account without tags, as the list/describe APIs return it. */
export type UntaggedAccount = Omit<Account, 'tags'>;

/** An account's own fields (no parent, no tags). */
export type AccountFields = Omit<Account, 'tags' | 'parentId'>;

function toAccountFields(account: SdkAccount, operation: string): AccountFields {
  return {
    id: required(account.Id, 'account Id', operation),
    name: account.Name ?? '',
    ...(account.Email === undefined ? {} : { email: account.Email }),
    status: toAccountStatus(account.State, account.Status),
  };
}

/** The management account id (`DescribeOrganization`). */
export async function describeManagementAccountId(api: OrganizationsApi): Promise<string> {
  const operation = 'DescribeOrganization';
  const output = await callAws(
    { operation },
    () => api.client.send(new DescribeOrganizationCommand({})),
    api.retryPolicy,
  );
  return required(output.Organization?.MasterAccountId, 'MasterAccountId', operation);
}

/** The root: its id and the policy types enabled on it. */
export interface RootInfo {
  readonly id: string;
  /**
   * Types whose status is ENABLED (a type being enabled or disabled is left out), sorted; SCPs
   * always count as enabled, as they did before the product knew other policy types.
   */
  readonly enabledPolicyTypes: readonly PolicyType[];
}

/** The root id and its enabled policy types (`ListRoots`, one call). */
export async function readRoot(api: OrganizationsApi): Promise<RootInfo> {
  const operation = 'ListRoots';
  const pages = await listPages(api, (config) => paginateListRoots(config, {}), { operation });
  const root = pages.flatMap((page) => page.Roots ?? [])[0];
  const enabled = new Set<PolicyType>([SERVICE_CONTROL_POLICY]);
  for (const t of root?.PolicyTypes ?? [])
    if (t.Status === 'ENABLED' && isPolicyType(t.Type)) enabled.add(t.Type);
  const enabledPolicyTypes = [...enabled].sort();
  return { id: required(root?.Id, 'root', operation), enabledPolicyTypes };
}

/** The root id (`ListRoots`). */
export async function readRootId(api: OrganizationsApi): Promise<string> {
  return (await readRoot(api)).id;
}

/** The OUs directly under a parent. */
export async function listChildOus(
  api: OrganizationsApi,
  parentId: string,
): Promise<OrganizationalUnit[]> {
  const operation = 'ListOrganizationalUnitsForParent';
  const pages = await listPages(
    api,
    (config) => paginateListOrganizationalUnitsForParent(config, { ParentId: parentId }),
    { operation, targetId: parentId },
  );
  return pages
    .flatMap((page) => page.OrganizationalUnits ?? [])
    .map((ou) => ({ id: required(ou.Id, 'OU Id', operation), name: ou.Name ?? '', parentId }));
}

/** The accounts directly under a parent (without tags). */
export async function listChildAccounts(
  api: OrganizationsApi,
  parentId: string,
): Promise<UntaggedAccount[]> {
  const operation = 'ListAccountsForParent';
  const pages = await listPages(
    api,
    (config) => paginateListAccountsForParent(config, { ParentId: parentId }),
    { operation, targetId: parentId },
  );
  return pages
    .flatMap((page) => page.Accounts ?? [])
    .map((account) => ({ ...toAccountFields(account, operation), parentId }));
}

/** A resource's tags as a map. */
export async function listTags(
  api: OrganizationsApi,
  resourceId: string,
): Promise<Record<string, string>> {
  const operation = 'ListTagsForResource';
  const pages = await listPages(
    api,
    (config) => paginateListTagsForResource(config, { ResourceId: resourceId }),
    { operation, targetId: resourceId },
  );
  const tags = pages.flatMap((page) => page.Tags ?? []);
  return Object.fromEntries(tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}

/** Ids of the policies of `type` (SCPs by default) attached directly to a target, sorted. */
export async function listDirectPolicyIds(
  api: OrganizationsApi,
  targetId: string,
  type: PolicyType = SERVICE_CONTROL_POLICY,
): Promise<string[]> {
  const operation = 'ListPoliciesForTarget';
  const pages = await listPages(
    api,
    (config) => paginateListPoliciesForTarget(config, { TargetId: targetId, Filter: type }),
    { operation, targetId },
  );
  return pages
    .flatMap((page) => page.Policies ?? [])
    .map((policy) => required(policy.Id, 'policy Id', operation))
    .sort();
}

/** Ids of the SCPs attached directly to a target, sorted. */
export function listDirectScpIds(api: OrganizationsApi, targetId: string): Promise<string[]> {
  return listDirectPolicyIds(api, targetId, SERVICE_CONTROL_POLICY);
}

/**
 * Every policy of `type` (SCPs by default) in the organization, sorted by id. SCPs carry no
 * `type` (the snapshot's default), other policies carry theirs.
 */
export async function listPoliciesOfType(
  api: OrganizationsApi,
  type: PolicyType = SERVICE_CONTROL_POLICY,
): Promise<Policy[]> {
  const operation = 'ListPolicies';
  const pages = await listPages(api, (config) => paginateListPolicies(config, { Filter: type }), {
    operation,
  });
  return pages
    .flatMap((page) => page.Policies ?? [])
    .map((policy) => ({
      id: required(policy.Id, 'policy Id', operation),
      name: policy.Name ?? '',
      ...(type === SERVICE_CONTROL_POLICY ? {} : { type }),
    }))
    .sort((a, b) => compareStrings(a.id, b.id));
}

/** Every SCP of the organization, sorted by id. */
export function listScps(api: OrganizationsApi): Promise<Policy[]> {
  return listPoliciesOfType(api, SERVICE_CONTROL_POLICY);
}

/** The parent of an account or OU: its id and whether it is the root. */
export async function readParent(
  api: OrganizationsApi,
  childId: string,
): Promise<{ readonly id: string; readonly isRoot: boolean }> {
  const operation = 'ListParents';
  const output = await callAws(
    { operation, targetId: childId },
    () => api.client.send(new ListParentsCommand({ ChildId: childId })),
    api.retryPolicy,
  );
  const parent = required(output.Parents?.[0], 'parent', operation);
  return { id: required(parent.Id, 'parent Id', operation), isRoot: parent.Type === 'ROOT' };
}

/** An OU's name (`DescribeOrganizationalUnit`). */
export async function describeOuName(api: OrganizationsApi, ouId: string): Promise<string> {
  const operation = 'DescribeOrganizationalUnit';
  const output = await callAws(
    { operation, targetId: ouId },
    () => api.client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ouId })),
    api.retryPolicy,
  );
  return output.OrganizationalUnit?.Name ?? '';
}

/** An account's own fields, or `null` when it is not in the organization. */
export async function describeAccount(
  api: OrganizationsApi,
  accountId: string,
): Promise<AccountFields | null> {
  const operation = 'DescribeAccount';
  const output = await callAws(
    { operation, accountId },
    async () => {
      try {
        return await api.client.send(new DescribeAccountCommand({ AccountId: accountId }));
      } catch (error) {
        if (awsErrorName(error) === 'AccountNotFoundException') return null;
        throw error;
      }
    },
    api.retryPolicy,
  );
  return output === null
    ? null
    : toAccountFields(required(output.Account, 'Account', operation), operation);
}
