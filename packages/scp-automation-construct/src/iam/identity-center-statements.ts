/**
 * IAM statements for IAM Identity Center (SSO Admin) and the Identity Store.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * SSO Admin reads of the reconciler's full read: every permission set with its name (the directory
 * view it stores for the processor) and, per account, the assignments of the permission sets the
 * rules or the provisioned state name (`ListAccountAssignments` with an explicit permission set,
 * so never `ListPermissionSetsProvisionedToAccount`).
 */
export const SSO_READ_ACTIONS = [
  'sso:ListPermissionSets',
  'sso:DescribePermissionSet',
  'sso:ListAccountAssignments',
  // A sharded run reads assignments per principal, across every account in one paginated call.
  'sso:ListAccountAssignmentsForPrincipal',
] as const;

/** Identity Store reads: a principal the rules name by name (`Get*Id`) or by id (`Describe*`). */
export const IDENTITY_STORE_READ_ACTIONS = [
  'identitystore:GetGroupId',
  'identitystore:GetUserId',
  'identitystore:DescribeGroup',
  'identitystore:DescribeUser',
] as const;

/**
 * Identity Store reads of the processor: the name of a group or user created after the rules
 * that name it (the directory event carries its id; CloudTrail no longer logs its name).
 */
export const DIRECTORY_PRINCIPAL_READ_ACTIONS = [
  'identitystore:DescribeGroup',
  'identitystore:DescribeUser',
] as const;

/** Assignment changes and their asynchronous status. */
export const SSO_ASSIGNMENT_WRITE_ACTIONS = [
  'sso:CreateAccountAssignment',
  'sso:DeleteAccountAssignment',
  'sso:DescribeAccountAssignmentCreationStatus',
  'sso:DescribeAccountAssignmentDeletionStatus',
] as const;

/**
 * Identity Center and Identity Store reads of the reconciler. `Resource: '*'`: permission sets and
 * principals are looked up by name across the instance.
 *
 * @example
 * ```ts
 * reconciler.addToRolePolicy(identityCenterReadStatement());
 * ```
 */
export function identityCenterReadStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'ReadIdentityCenter',
    actions: [...SSO_READ_ACTIONS, ...IDENTITY_STORE_READ_ACTIONS],
    resources: ['*'],
  });
}

/**
 * DescribeGroup / DescribeUser of any group or user of the organization's identity stores (an
 * organization instance of Identity Center lives in the management account).
 *
 * @example
 * ```ts
 * processor.addToRolePolicy(directoryPrincipalReadStatement('111111111111'));
 * ```
 */
export function directoryPrincipalReadStatement(managementAccountId: string): iam.PolicyStatement {
  const identityStore = `arn:${Aws.PARTITION}:identitystore:`;
  return new iam.PolicyStatement({
    sid: 'DescribeDirectoryPrincipals',
    actions: [...DIRECTORY_PRINCIPAL_READ_ACTIONS],
    resources: [
      `${identityStore}:${managementAccountId}:identitystore/*`,
      `${identityStore}::group/*`,
      `${identityStore}::user/*`,
    ],
  });
}

/**
 * `sso:ListInstances`, for functions that find the Identity Center instance (and its identity
 * store) themselves because no `ssoInstanceArn` / `identityStoreId` is configured.
 * `Resource: '*'`: ListInstances has no resource-level permissions.
 *
 * @example
 * ```ts
 * worker.addToRolePolicy(instanceDiscoveryStatement());
 * ```
 */
export function instanceDiscoveryStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DiscoverIdentityCenterInstance',
    actions: ['sso:ListInstances'],
    resources: ['*'],
  });
}

/**
 * Create/delete account assignments, poll their status and — after a `ConflictException` — list
 * the assignments of that permission set, on the given instance (or any) with any of its
 * permission sets, on AWS accounts only.
 *
 * @example
 * ```ts
 * worker.addToRolePolicy(assignmentWriteStatement('arn:aws:sso:::instance/ssoins-1111111111111111'));
 * ```
 */
export function assignmentWriteStatement(instanceArn?: string): iam.PolicyStatement {
  const sso = `arn:${Aws.PARTITION}:sso:::`;
  return new iam.PolicyStatement({
    sid: 'ManageAccountAssignments',
    actions: [...SSO_ASSIGNMENT_WRITE_ACTIONS, 'sso:ListAccountAssignments'],
    resources: [instanceArn ?? `${sso}instance/*`, `${sso}permissionSet/*/*`, `${sso}account/*`],
  });
}

/** IAM actions Identity Center performs with the caller's permissions in the management account. */
export const MANAGEMENT_ACCOUNT_ROLE_PROVISIONING_ACTIONS = [
  'iam:GetRole',
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'iam:GetSAMLProvider',
] as const;

/**
 * Only when assignment rules include the management account: Identity Center's service-linked
 * role may not provision roles in the management account, so CreateAccountAssignment /
 * DeleteAccountAssignment there use the caller's IAM permissions (the console requires
 * AWSSSOMasterAccountAdministrator + IAMFullAccess for the same reason). Limited to the roles
 * Identity Center owns (`aws-reserved/sso.amazonaws.com/`) and its SAML provider.
 *
 * @example
 * ```ts
 * worker.addToRolePolicy(managementAccountRoleProvisioningStatement('111111111111'));
 * ```
 */
export function managementAccountRoleProvisioningStatement(
  managementAccountId: string,
): iam.PolicyStatement {
  const iamArn = `arn:${Aws.PARTITION}:iam::${managementAccountId}:`;
  return new iam.PolicyStatement({
    sid: 'ProvisionIdentityCenterRolesInManagementAccount',
    actions: [...MANAGEMENT_ACCOUNT_ROLE_PROVISIONING_ACTIONS],
    resources: [
      `${iamArn}role/aws-reserved/sso.amazonaws.com/*`,
      `${iamArn}saml-provider/AWSSSO_*_DO_NOT_DELETE`,
    ],
  });
}

/**
 * sts:AssumeRole on exactly the delegated-administrator role that makes the SSO Admin and
 * Identity Store calls.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(assumeIdentityCenterRoleStatement('arn:aws:iam::333333333333:role/OrgGovernanceIdentityCenter'));
 * ```
 */
export function assumeIdentityCenterRoleStatement(roleArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'AssumeIdentityCenterRole',
    actions: ['sts:AssumeRole'],
    resources: [roleArn],
  });
}
