/**
 * IAM statements for AWS Organizations: read-only discovery for planning, and SCP
 * attach/detach for the operations worker.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Reads of one account before planning (`OrganizationsAdapter.readAccountStructure`, used by the
 * processor and the notifier): the account (DescribeAccount), its parent and tags, the OU path up
 * to the root (DescribeOrganizationalUnit, ListParents — the root is the parent of type ROOT, so
 * no ListRoots), the management account id, the SCPs and those attached to the account.
 */
export const ORGANIZATIONS_ACCOUNT_READ_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:DescribeAccount',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListParents',
  'organizations:ListTagsForResource',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
] as const;

/**
 * Reads of the whole tree (`OrganizationsAdapter.readSnapshotStructure`, used by the reconciler):
 * the root, every OU and account level by level with tags, every SCP and every direct
 * attachment. Not a superset of {@link ORGANIZATIONS_ACCOUNT_READ_ACTIONS}: names come from the
 * listings, so no Describe of an account or OU and no ListParents.
 */
export const ORGANIZATIONS_FULL_READ_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
  'organizations:ListTagsForResource',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
  // A sharded run reads attachments per policy: one call per 20 targets, not one per account.
  'organizations:ListTargetsForPolicy',
] as const;

/**
 * Organizations read actions. `Resource: '*'`: DescribeOrganization, ListPolicies and ListRoots
 * support no resource-level permissions, and the others must read any account, OU or policy of
 * the organization.
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
