/**
 * The Organizations, Identity Center and Identity Store adapters of the functions that use them,
 * one factory each (the processor and the notifier use none of the Identity Center ones).
 */
import { budgetRequests, organizationsBudget, type RequestBudget } from '@org/aws-adapters';
import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import {
  OrganizationsAdapter,
  type OrganizationsAdapterOptions,
  type PolicyTypeSource,
} from '@org/aws-adapters/organizations';
import {
  IdentityCenterAdapter,
  type IdentityCenterAdapterOptions,
} from '@org/aws-adapters/sso-admin';
import type { ServiceBudgets } from '@org/governance-runtime';
import type { IdentityCenterConfig } from '../config/handler-config';
import { assumedRoleCredentials, roleSessionName } from './assumed-role-credentials';
import {
  type ClientTarget,
  identityStoreClient,
  organizationsClient,
  ssoAdminClient,
  stsClient,
} from './clients';

/**
 * Where Identity Center clients connect: as the function, or — with `SSO_ROLE_ARN` — as the
 * delegated administrator role, assumed once for every Identity Center client of the function
 * and refreshed before it expires.
 *
 * @example
 * ```ts
 * const asAdministrator = identityCenterTarget(target);
 * const identityCenter = identityCenterAdapter(asAdministrator);
 * const directory = directoryAdapter(asAdministrator, identityCenter);
 * ```
 */
export function identityCenterTarget<
  Target extends ClientTarget & { readonly config: IdentityCenterConfig },
>(target: Target): Target {
  const roleArn = target.config.identityCenterRoleArn;
  if (roleArn === undefined) return target;
  const credentials = assumedRoleCredentials({
    roleArn,
    sessionName: roleSessionName(target.functionName),
    sts: stsClient(target),
  });
  return { ...target, credentials };
}

/**
 * Organizations (accounts, OUs, policies). `policyTypes` names the policy types the rules use
 * (only those are read); without it only SCPs are read. With `budgets`, every request first takes
 * a token of the shared Organizations read or write budget. `ous`: how OUs are read for single
 * accounts (see {@link OrganizationsAdapterOptions}).
 */
export function organizationsAdapter(
  target: ClientTarget,
  policyTypes?: PolicyTypeSource,
  budgets?: Pick<ServiceBudgets, 'organizationsReads' | 'organizationsWrites'>,
  ous: Pick<OrganizationsAdapterOptions, 'ouCacheTtlMs' | 'ouNames'> = {},
): OrganizationsAdapter {
  const client = organizationsClient(target);
  if (budgets !== undefined) budgetRequests(client, organizationsBudget(budgets));
  return new OrganizationsAdapter(client, {
    ...ous,
    ...(policyTypes === undefined ? {} : { policyTypes }),
  });
}

/**
 * Identity Center (permission sets, assignments) on the configured instance, else the one
 * `sso:ListInstances` finds (once), with the credentials of `target` (see
 * {@link identityCenterTarget}). `maxAttempts: 1` when `retryPolicy` retries through the
 * Identity Center quota. With `budget`, every request first takes a token of it (the Identity
 * Center rate every caller shares).
 *
 * @example
 * ```ts
 * const identityCenter = identityCenterAdapter(target, { budget: budgets.identityCenter });
 * ```
 */
export function identityCenterAdapter(
  target: ClientTarget & { readonly config: IdentityCenterConfig },
  options: Pick<IdentityCenterAdapterOptions, 'retryPolicy'> & {
    readonly maxAttempts?: number;
    readonly budget?: RequestBudget;
  } = {},
): IdentityCenterAdapter {
  const instance = target.config.identityCenterInstance;
  const client = ssoAdminClient(target, options.maxAttempts);
  const { budget } = options;
  if (budget !== undefined) budgetRequests(client, () => budget);
  return new IdentityCenterAdapter(client, {
    ...(instance === undefined ? {} : { instance }),
    ...(options.retryPolicy === undefined ? {} : { retryPolicy: options.retryPolicy }),
  });
}

/**
 * Identity Store (principals by name or id) of the instance `identityCenter` uses. With `budget`,
 * every request first takes a token of it (the Identity Center rate every caller shares).
 */
export function directoryAdapter(
  target: ClientTarget & { readonly config: IdentityCenterConfig },
  identityCenter: IdentityCenterAdapter,
  budget?: RequestBudget,
): DirectoryAdapter {
  const client = identityStoreClient(target);
  if (budget !== undefined) budgetRequests(client, () => budget);
  return new DirectoryAdapter(
    client,
    target.config.identityCenterInstance?.identityStoreId ??
      (async () => (await identityCenter.describeInstance()).identityStoreId),
  );
}
