/**
 * Thin, retried wrappers over the SSO Admin read APIs, returning domain types.
 */
import {
  DescribePermissionSetCommand,
  paginateListAccountAssignments,
  paginateListAccountAssignmentsForPrincipal,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListInstances,
  paginateListPermissionSets,
  paginateListPermissionSetsProvisionedToAccount,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { PermissionSet } from '@org/scope-engine';
import type { AssignmentKey } from '@org/governance-runtime';
import { ResourceNotFoundError, UnexpectedResponseError } from '../errors';
import { callAws, collectPages, type RetryPolicy } from '../retry';
import { compareStrings, mapWithConcurrency } from '../util';

/** What every SSO Admin call needs. */
export interface SsoAdminApi {
  readonly client: SSOAdminClient;
  readonly retryPolicy: RetryPolicy;
}

/** The IAM Identity Center instance the adapters work on. */
export interface IdentityCenterInstance {
  readonly instanceArn: string;
  readonly identityStoreId: string;
}

/** The first (organization) Identity Center instance (`ListInstances`). */
export async function readInstance(api: SsoAdminApi): Promise<IdentityCenterInstance> {
  const operation = 'ListInstances';
  const pages = await collectPages(
    (token) => paginateListInstances({ client: api.client, startingToken: token }, {}),
    (page) => page.NextToken,
    { operation },
    api.retryPolicy,
  );
  const instance = pages.flatMap((page) => page.Instances ?? [])[0];
  if (!instance?.InstanceArn || !instance.IdentityStoreId) {
    throw new ResourceNotFoundError('No IAM Identity Center instance is enabled', {
      context: { operation },
    });
  }
  return { instanceArn: instance.InstanceArn, identityStoreId: instance.IdentityStoreId };
}

async function describePermissionSet(
  api: SsoAdminApi,
  instanceArn: string,
  permissionSetArn: string,
): Promise<PermissionSet> {
  const operation = 'DescribePermissionSet';
  const output = await callAws(
    { operation, permissionSetArn },
    () =>
      api.client.send(
        new DescribePermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: permissionSetArn,
        }),
      ),
    api.retryPolicy,
  );
  const name = output.PermissionSet?.Name;
  if (name === undefined) {
    throw new UnexpectedResponseError(`${operation} returned no Name`, {
      context: { operation, permissionSetArn },
    });
  }
  return { name, arn: permissionSetArn };
}

/** Every permission set (ListPermissionSets + DescribePermissionSet), sorted by name. */
export async function listPermissionSets(
  api: SsoAdminApi,
  instanceArn: string,
  concurrency: number,
): Promise<PermissionSet[]> {
  const pages = await collectPages(
    (token) =>
      paginateListPermissionSets(
        { client: api.client, startingToken: token },
        { InstanceArn: instanceArn },
      ),
    (page) => page.NextToken,
    { operation: 'ListPermissionSets' },
    api.retryPolicy,
  );
  const arns = pages.flatMap((page) => page.PermissionSets ?? []);
  const sets = await mapWithConcurrency(arns, concurrency, (arn) =>
    describePermissionSet(api, instanceArn, arn),
  );
  return sets.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.arn, b.arn));
}

/** ARNs of the permission sets provisioned to an account. */
export async function listPermissionSetsProvisionedTo(
  api: SsoAdminApi,
  instanceArn: string,
  accountId: string,
): Promise<string[]> {
  const pages = await collectPages(
    (token) =>
      paginateListPermissionSetsProvisionedToAccount(
        { client: api.client, startingToken: token },
        { InstanceArn: instanceArn, AccountId: accountId },
      ),
    (page) => page.NextToken,
    { operation: 'ListPermissionSetsProvisionedToAccount', accountId },
    api.retryPolicy,
  );
  return pages.flatMap((page) => page.PermissionSets ?? []);
}

/** The assignments of one permission set on one account. */
export async function listAccountAssignments(
  api: SsoAdminApi,
  instanceArn: string,
  accountId: string,
  permissionSetArn: string,
): Promise<AssignmentKey[]> {
  const operation = 'ListAccountAssignments';
  const pages = await collectPages(
    (token) =>
      paginateListAccountAssignments(
        { client: api.client, startingToken: token },
        { InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: permissionSetArn },
      ),
    (page) => page.NextToken,
    { operation, accountId, permissionSetArn },
    api.retryPolicy,
  );
  return pages
    .flatMap((page) => page.AccountAssignments ?? [])
    .map((assignment) => {
      const { PrincipalId: principalId, PrincipalType: principalType } = assignment;
      if (principalId === undefined || (principalType !== 'USER' && principalType !== 'GROUP')) {
        throw new UnexpectedResponseError(`${operation} returned an incomplete assignment`, {
          context: { operation, accountId, permissionSetArn },
        });
      }
      return { accountId, permissionSetArn, principalType, principalId };
    });
}

/**
 * Every account assignment of one principal, across all accounts, in one paginated call
 * (`ListAccountAssignmentsForPrincipal`, up to 100 per page). AWS answers it only in the
 * management account of an organization instance.
 */
export async function listAssignmentsForPrincipal(
  api: SsoAdminApi,
  instanceArn: string,
  principalType: 'USER' | 'GROUP',
  principalId: string,
): Promise<AssignmentKey[]> {
  const operation = 'ListAccountAssignmentsForPrincipal';
  const pages = await collectPages(
    (token) =>
      paginateListAccountAssignmentsForPrincipal(
        { client: api.client, startingToken: token, pageSize: 100 },
        { InstanceArn: instanceArn, PrincipalType: principalType, PrincipalId: principalId },
      ),
    (page) => page.NextToken,
    { operation, principalId },
    api.retryPolicy,
  );
  return pages
    .flatMap((page) => page.AccountAssignments ?? [])
    .map((assignment) => {
      const { AccountId: accountId, PermissionSetArn: permissionSetArn } = assignment;
      if (accountId === undefined || permissionSetArn === undefined) {
        throw new UnexpectedResponseError(`${operation} returned an incomplete assignment`, {
          context: { operation, principalId },
        });
      }
      return { accountId, permissionSetArn, principalType, principalId };
    });
}

/** The accounts a permission set is provisioned to (`ListAccountsForProvisionedPermissionSet`). */
export async function listAccountsForPermissionSet(
  api: SsoAdminApi,
  instanceArn: string,
  permissionSetArn: string,
): Promise<string[]> {
  const pages = await collectPages(
    (token) =>
      paginateListAccountsForProvisionedPermissionSet(
        { client: api.client, startingToken: token, pageSize: 100 },
        { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn },
      ),
    (page) => page.NextToken,
    { operation: 'ListAccountsForProvisionedPermissionSet', permissionSetArn },
    api.retryPolicy,
  );
  return pages.flatMap((page) => page.AccountIds ?? []);
}
