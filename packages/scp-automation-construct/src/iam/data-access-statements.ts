/**
 * Exact data-plane permissions: DynamoDB actions per table, SQS send, SNS publish and the use of
 * the governance key — written out instead of CDK's broader `grantReadWriteData`-style grants.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

/** A DynamoDB data-plane action the functions use. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:Scan'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem';

/**
 * The given actions on a table (not its indexes: no function queries one).
 *
 * @example
 * ```ts
 * tableStatement('TableRules', tables.rules, ['dynamodb:GetItem', 'dynamodb:Query']);
 * ```
 */
export function tableStatement(
  sid: string,
  table: dynamodb.ITable,
  actions: readonly TableAction[],
): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid, actions: [...actions], resources: [table.tableArn] });
}

/**
 * sqs:SendMessage (also covers SendMessageBatch) on one queue.
 *
 * @example
 * ```ts
 * sendMessageStatement('EnqueueOperations', operationsQueue);
 * ```
 */
export function sendMessageStatement(sid: string, queue: sqs.IQueue): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: ['sqs:SendMessage'],
    resources: [queue.queueArn],
  });
}

/**
 * sns:Publish on one topic.
 *
 * @example
 * ```ts
 * publishStatement('ReportFailures', failureTopic);
 * ```
 */
export function publishStatement(sid: string, topic: sns.ITopic): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid, actions: ['sns:Publish'], resources: [topic.topicArn] });
}

/**
 * Use of the governance key by a function reading and writing the encrypted tables, queue and
 * topic (DynamoDB, SQS and SNS call KMS with the caller's permissions).
 *
 * @example
 * ```ts
 * keyUseStatement(key);
 * ```
 */
export function keyUseStatement(key: kms.IKey): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'UseGovernanceKey',
    actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
    resources: [key.keyArn],
  });
}
