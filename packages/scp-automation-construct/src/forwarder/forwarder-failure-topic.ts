/**
 * The forwarder's own failure topic: the default action of its dead-letter queue alarm when the
 * consumer gives no `alarmActions`, so undeliverable events always notify someone who subscribes.
 */
import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { FailureTopic } from '../notifications/failure-topic';

/** Settings of {@link ForwarderFailureTopic}. */
export interface ForwarderFailureTopicProps {
  /** E-mail addresses subscribed to the topic. */
  readonly emails: readonly string[];
}

/**
 * A KMS-encrypted, TLS-only topic with a rotating key of its own that CloudWatch alarms of this
 * account may publish with (the AWS-managed SNS key cannot be used by alarms).
 *
 * @example
 * ```ts
 * const topic = new ForwarderFailureTopic(this, 'Failures', { emails: ['ops@example.com'] }).topic;
 * ```
 */
export class ForwarderFailureTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: ForwarderFailureTopicProps) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the org event forwarder failure topic',
      enableKeyRotation: true,
      // Notifications are transient: nothing stays encrypted under this key after the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.topic = new FailureTopic(this, 'Topic', {
      encryptionKey: key,
      emails: props.emails,
      httpsUrls: [],
    }).topic;
  }
}
