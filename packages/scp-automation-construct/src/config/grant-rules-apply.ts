/**
 * The permissions `orgctl rules apply` needs on an `OrgGovernance`'s resources (a pipeline's
 * post-deployment step, an operator role).
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

/** The resources `orgctl rules apply` uses. */
export interface RulesApplyResources {
  /** Rules table: the rules, and the tags with the deployment's grants. */
  readonly rulesTable: dynamodb.ITable;
  /** Provisioned-state table: pause switch, provisioned state, directory view, run record. */
  readonly stateTable: dynamodb.ITable;
  /** Audit table: the run's entries. */
  readonly auditTable: dynamodb.ITable;
  /** Operations queue (`--queue-url`). */
  readonly operationsQueue: sqs.IQueue;
  /** The key of the tables and the queue. */
  readonly encryptionKey: kms.IKey;
  /** Admits a role to the operations queue's policy. */
  readonly admitSender: (role: iam.IRole) => void;
}

/** The rules repository's calls, and the two that read the deployment's grants. */
export const RULES_APPLY_RULES_TABLE_ACTIONS = [
  'dynamodb:DescribeTable',
  'dynamodb:ListTagsOfResource',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:BatchWriteItem',
] as const;

/** The state table calls of a rules apply run (pause switch, state, directory view, run record). */
export const RULES_APPLY_STATE_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:BatchWriteItem',
] as const;

/** `true` when the principal is an IAM role (the operations queue's policy admits roles only). */
function isRole(principal: iam.IPrincipal): principal is iam.IRole {
  return 'roleArn' in principal && 'roleName' in principal;
}

/**
 * Grants `grantee` what `orgctl rules apply` does with `resources`; a role is also admitted to
 * the operations queue and may send to it.
 *
 * @example
 * ```ts
 * grantRulesApply(project, { rulesTable, stateTable, auditTable, operationsQueue, encryptionKey, admitSender });
 * ```
 */
export function grantRulesApply(
  grantee: iam.IGrantable,
  resources: RulesApplyResources,
): iam.Grant {
  let grant = resources.rulesTable
    .grant(grantee, ...RULES_APPLY_RULES_TABLE_ACTIONS)
    .combine(resources.stateTable.grant(grantee, ...RULES_APPLY_STATE_TABLE_ACTIONS))
    .combine(resources.auditTable.grant(grantee, 'dynamodb:PutItem'))
    .combine(resources.encryptionKey.grantEncryptDecrypt(grantee));
  const principal = grantee.grantPrincipal;
  if (isRole(principal)) {
    resources.admitSender(principal);
    grant = grant.combine(resources.operationsQueue.grantSendMessages(grantee));
  }
  return grant;
}
