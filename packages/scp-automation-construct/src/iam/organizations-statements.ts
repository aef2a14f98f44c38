/**
 * IAM statements for AWS Organizations: read-only discovery for planning, and policy
 * attach/detach (every policy type) for the operations worker.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { POLICY_TYPES } from '@org/scope-engine';

/**
 * Reads of one account before planning (`OrganizationsAdapter.readAccountStructure`, used by the
 * processor and the notifier): the account (DescribeAccount), its parent and tags, the OU path up
 * to the root (DescribeOrganizationalUnit, ListParents), the policy types enabled on the root
 * (ListRoots), the management account id, the policies of the types the rules use and those
 * attached to the account.
 */
export const ORGANIZATIONS_ACCOUNT_READ_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:DescribeAccount',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListParents',
  'organizations:ListRoots',
  'organizations:ListTagsForResource',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
] as const;

/**
 * Reads of the whole tree (`OrganizationsAdapter.readSnapshotStructure`, used by the reconciler):
 * the root (and its enabled policy types), every OU and account level by level with tags, every
 * policy of the types the rules use and every direct attachment. Not a superset of
 * {@link ORGANIZATIONS_ACCOUNT_READ_ACTIONS}: names come from the
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

/** Where policies are attached and which policies: used to scope AttachPolicy/DetachPolicy. */
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
 * The Organizations policy types the worker may attach and detach (every type AWS accepts; the
 * rules decide which are used). Each type's policy ARNs name it in lower case.
 */
export const ATTACHABLE_POLICY_TYPES = POLICY_TYPES;

/**
 * AttachPolicy/DetachPolicy of policies of every Organizations policy type on member accounts:
 * never on a root or an OU (`organizations:PolicyType` condition lists the types). The explicit
 * Deny of detaching the default policies (FullAWSAccess, RCPFullAWSAccess) is a separate
 * statement and wins over this Allow.
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
  const types = ATTACHABLE_POLICY_TYPES.map((type) => type.toLowerCase());
  return new iam.PolicyStatement({
    sid: 'AttachAndDetachPoliciesOnAccounts',
    actions: ['organizations:AttachPolicy', 'organizations:DetachPolicy'],
    resources: [
      `${arnPrefix}${account}:account/${organization}/*`,
      ...types.map((type) => `${arnPrefix}${account}:policy/${organization}/${type}/*`),
      // AWS-managed policies (FullAWSAccess, RCPFullAWSAccess) live under the `aws` account.
      ...types.map((type) => `${arnPrefix}aws:policy/${type}/*`),
    ],
    conditions: { StringEquals: { 'organizations:PolicyType': [...ATTACHABLE_POLICY_TYPES] } },
  });
}
