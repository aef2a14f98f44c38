/**
 * Expected policy fragments that several template tests look for (test helper).
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';

/** The statement of a resource policy that denies every request not made over TLS. */
export const DENY_INSECURE_TRANSPORT = Match.objectLike({
  Effect: 'Deny',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/**
 * The resources of `type` (a resource policy: `AWS::SQS::QueuePolicy`, `AWS::S3::BucketPolicy`…)
 * whose document holds {@link DENY_INSECURE_TRANSPORT}.
 *
 * @example
 * ```ts
 * expect(Object.keys(tlsOnlyPolicies(template, 'AWS::SQS::QueuePolicy'))).toHaveLength(3);
 * ```
 */
export function tlsOnlyPolicies(template: Template, type: string): Record<string, unknown> {
  return template.findResources(type, {
    Properties: {
      PolicyDocument: { Statement: Match.arrayWith([DENY_INSECURE_TRANSPORT]) },
    },
  });
}

/**
 * The condition that limits a KMS grant to the executions of one state machine of the fixtures'
 * account (111111111111, us-east-1): the encryption context names its ARN.
 *
 * @example
 * ```ts
 * expect(statement.Condition).toStrictEqual(stateMachineEncryptionContext('Reconcile1234'));
 * ```
 */
export function stateMachineEncryptionContext(stateMachineName: string): unknown {
  return {
    StringEquals: {
      'kms:EncryptionContext:aws:states:stateMachineArn': {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            `:states:us-east-1:111111111111:stateMachine:${stateMachineName}`,
          ],
        ],
      },
    },
  };
}
