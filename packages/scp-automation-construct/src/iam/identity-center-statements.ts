/**
 * IAM statements for IAM Identity Center (SSO Admin) and the Identity Store.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Reads to resolve permission sets and principals and to list existing assignments. */
export const SSO_READ_ACTIONS = [
  'sso:ListInstances',
  'sso:ListPermissionSets',
  'sso:DescribePermissionSet',
  'sso:ListAccountAssignments',
  'sso:ListPermissionSetsProvisionedToAccount',
] as const;

/** Identity Store reads to resolve a principal name to its id. */
export const IDENTITY_STORE_READ_ACTIONS = [
  'identitystore:GetGroupId',
  'identitystore:GetUserId',
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
 * Identity Center and Identity Store reads. `Resource: '*'`: ListInstances has no resource-level
 * permissions, and principals/permission sets are looked up by name across the instance.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(identityCenterReadStatement());
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
 * Create/delete account assignments and poll their status, on the given instance (or any) with
 * any of its permission sets, on AWS accounts only.
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
    actions: [...SSO_ASSIGNMENT_WRITE_ACTIONS, 'sso:ListAccountAssignments', 'sso:ListInstances'],
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
