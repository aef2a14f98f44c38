/**
 * IAM statements for AWS Organizations: read-only discovery for planning, and SCP
 * attach/detach for the operations worker.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Reads the processor needs to re-read an account (parent, tags, policies) before planning. */
export const ORGANIZATIONS_ACCOUNT_READ_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:DescribeAccount',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListRoots',
  'organizations:ListParents',
  'organizations:ListTagsForResource',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
] as const;

/** Reads the reconciler needs on top of {@link ORGANIZATIONS_ACCOUNT_READ_ACTIONS}: walking the whole tree. */
export const ORGANIZATIONS_FULL_READ_ACTIONS = [
  ...ORGANIZATIONS_ACCOUNT_READ_ACTIONS,
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
] as const;

/**
 * Organizations read actions. `Resource: '*'`: ListRoots, ListPolicies and DescribeOrganization
 * support no resource-level permissions, and the others must read any
 * account, OU or policy of the organization.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(organizationsReadStatement(ORGANIZATIONS_FULL_READ_ACTIONS));
 * ```
 */
export function organizationsReadStatement(actions: readonly string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'ReadOrganization',
    actions: [...actions],
    resources: ['*'],
  });
}

/** Where SCPs are attached and which policies: used to scope AttachPolicy/DetachPolicy. */
export interface ScpAttachmentScope {
  /**
   * The management account id (the account component of Organizations ARNs).
   * @default - any account (`*`)
   */
  readonly managementAccountId?: string;
  /**
   * The organization id.
   * @default - any organization (`o-*`)
   */
  readonly organizationId?: string;
}

/**
 * AttachPolicy/DetachPolicy limited to service control policies on member accounts: never on a
 * root or an OU, never another policy type (`organizations:PolicyType` condition).
 *
 * @example
 * ```ts
 * worker.addToRolePolicy(scpAttachmentStatement({ organizationId: 'o-exampleorg1' }));
 * ```
 */
export function scpAttachmentStatement(scope: ScpAttachmentScope): iam.PolicyStatement {
  const account = scope.managementAccountId ?? '*';
  const organization = scope.organizationId ?? 'o-*';
  const arnPrefix = `arn:${Aws.PARTITION}:organizations::`;
  return new iam.PolicyStatement({
    sid: 'AttachAndDetachScpsOnAccounts',
    actions: ['organizations:AttachPolicy', 'organizations:DetachPolicy'],
    resources: [
      `${arnPrefix}${account}:account/${organization}/*`,
      `${arnPrefix}${account}:policy/${organization}/service_control_policy/*`,
      // AWS-managed SCPs (FullAWSAccess) live under the `aws` account.
      `${arnPrefix}aws:policy/service_control_policy/*`,
    ],
    conditions: { StringEquals: { 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY' } },
  });
}
