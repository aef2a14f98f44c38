/**
 * An asynchronous-invocation failure destination that grants exactly `sqs:SendMessage` on the
 * queue (CDK's `SqsDestination` grants `kms:ReEncrypt*` and `kms:GenerateDataKey*` on top; the
 * functions already hold the exact KMS actions they need on the governance key).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Sends failed asynchronous invocations (after the retries) to an SQS queue.
 *
 * @example
 * ```ts
 * new lambda.Function(this, 'Fn', { ...props, onFailure: new SqsFailureDestination(failedEvents) });
 * ```
 */
export class SqsFailureDestination implements lambda.IDestination {
  constructor(private readonly queue: sqs.IQueue) {}

  /** Grants the function sqs:SendMessage on the queue and returns the queue ARN. */
  bind(_scope: Construct, fn: lambda.IFunction): lambda.DestinationConfig {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendFailedInvocations',
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
      }),
    );
    return { destination: this.queue.queueArn };
  }
}
