/**
 * The customer-managed KMS key that encrypts the product's data at rest: DynamoDB tables, SQS
 * queues, the failure topic and the log groups.
 */
import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Settings of the {@link GovernanceKey}. */
export interface GovernanceKeyProps {
  /** What happens to the key when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A rotating KMS key whose policy also lets the AWS services that write into the product's
 * encrypted resources use it: CloudWatch Logs (log groups), CloudWatch (alarm notifications to
 * the encrypted topic) and EventBridge (rule-target dead-letter queue).
 *
 * @example
 * ```ts
 * const key = new GovernanceKey(this, 'Key', { removalPolicy: RemovalPolicy.RETAIN }).key;
 * ```
 */
export class GovernanceKey extends Construct {
  /** The key. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: GovernanceKeyProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the org governance tables, queues, topic and logs',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    allowServiceUse(this.key);
  }
}

/**
 * Adds to the key's policy what CloudWatch Logs (log groups), CloudWatch (alarm notifications to
 * the encrypted topic) and EventBridge (rule-target dead-letter queue) of this account need. An
 * imported key's policy cannot be changed here: it must allow the same already.
 *
 * @example
 * ```ts
 * allowServiceUse(props.encryptionKey);
 * ```
 */
export function allowServiceUse(key: kms.IKey): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisAccountLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowAlarmsAndEventBridgeOfThisAccount',
      principals: [
        new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
        new iam.ServicePrincipal('events.amazonaws.com'),
      ],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  );
}
