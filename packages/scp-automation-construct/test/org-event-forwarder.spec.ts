/**
 * `OrgEventForwarder`: the same patterns as the central stack, forwarded to the central bus with
 * a role limited to PutEvents on that bus, and a dead-letter queue.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  ForwardedEvents,
  InvalidPropsError,
  OrgEventForwarder,
  OrgGovernance,
  type OrgEventForwarderProps,
} from '../src';
import { expectTemplate } from './support/expect-template';

const BUS_ARN = OrgGovernance.centralEventBusArn('222222222222', 'eu-west-1');

/** A forwarder stack in us-east-1 of the management account. */
function synthForwarder(props: OrgEventForwarderProps): {
  template: Template;
  forwarder: OrgEventForwarder;
  stack: Stack;
} {
  const stack = new Stack(new App(), 'Forwarder', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  const forwarder = new OrgEventForwarder(stack, 'Forwarder', props);
  return { template: Template.fromStack(stack), forwarder, stack };
}

describe('OrgEventForwarder', () => {
  let synth: ReturnType<typeof synthForwarder>;
  beforeAll(() => {
    synth = synthForwarder({ targetEventBusArn: BUS_ARN });
  });

  it('forwards every event family to the central bus with its role and dead-letter queue', () => {
    const rules = Object.values(synth.template.findResources('AWS::Events::Rule')) as {
      Properties: {
        EventPattern: { source: string[] };
        Targets: { Arn: string; RoleArn: unknown; DeadLetterConfig: unknown }[];
      };
    }[];
    expect(rules.map((rule) => rule.Properties.EventPattern.source.join('|')).sort()).toStrictEqual(
      [
        'aws.controltower',
        'aws.organizations',
        'aws.organizations',
        'aws.organizations',
        'aws.sso',
        'aws.sso-directory|aws.identitystore',
        'aws.tag',
      ],
    );
    const roleId = synth.stack.getLogicalId(synth.forwarder.role.node.defaultChild as never);
    const queueId = synth.stack.getLogicalId(
      synth.forwarder.deadLetterQueue.node.defaultChild as never,
    );
    for (const rule of rules) {
      expect(rule.Properties.Targets).toStrictEqual([
        expect.objectContaining({
          Arn: BUS_ARN,
          RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        }),
      ]);
    }
  });

  it('forwards Identity Center and Identity Store events, successful calls only', () => {
    const template = synthForwarder({
      targetEventBusArn: BUS_ARN,
      forwardedEvents: [ForwardedEvents.IDENTITY_CENTER],
    }).template;
    const patterns = Object.values(template.findResources('AWS::Events::Rule')).map(
      (rule) => (rule as { Properties: { EventPattern: unknown } }).Properties.EventPattern,
    );
    expect(patterns).toStrictEqual([
      {
        source: ['aws.sso'],
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: {
          eventName: ['CreateAccountAssignment', 'DeleteAccountAssignment', 'CreatePermissionSet'],
          errorCode: [{ exists: false }],
        },
      },
      {
        source: ['aws.sso-directory', 'aws.identitystore'],
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: { eventName: ['CreateGroup', 'CreateUser'], errorCode: [{ exists: false }] },
      },
    ]);
  });

  it('filters failed API calls out before forwarding', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.organizations'],
        detail: Match.objectLike({ errorCode: [{ exists: false }] }),
      },
    });
  });

  it('lets its role put events on exactly the central bus, and never detach FullAWSAccess', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'NeverDetachFullAccessPolicies',
            Effect: 'Deny',
            Action: 'organizations:DetachPolicy',
            Resource: [
              {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':organizations::aws:policy/service_control_policy/p-FullAWSAccess',
                  ],
                ],
              },
              {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
                  ],
                ],
              },
            ],
          },
          { Effect: 'Allow', Action: 'events:PutEvents', Resource: BUS_ARN },
        ],
      },
    });
  });

  it('keeps undeliverable events encrypted for 14 days and alarms on them', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    expectTemplate(synth.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
  });

  it('alarms on undeliverable events to its own encrypted failure topic by default', () => {
    const topicId = synth.stack.getLogicalId(
      synth.forwarder.failureTopic?.node.defaultChild as never,
    );
    expectTemplate(synth.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      AlarmActions: [{ Ref: topicId }],
    });
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: Match.anyValue(),
    });
    expectTemplate(synth.template).toHaveResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
    });
  });

  it('subscribes failureNotificationEmails to its failure topic', () => {
    const { template } = synthForwarder({
      targetEventBusArn: BUS_ARN,
      failureNotificationEmails: ['oncall@example.com'],
    });
    expectTemplate(template).toHaveResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });

  it('notifies only the given alarmActions, without a topic of its own, when they are given', () => {
    const stack = new Stack(new App(), 'Paging', {
      env: { account: '111111111111', region: 'us-east-1' },
    });
    const paging = new sns.Topic(stack, 'Paging');
    const forwarder = new OrgEventForwarder(stack, 'Forwarder', {
      targetEventBusArn: BUS_ARN,
      alarmActions: [new actions.SnsAction(paging)],
    });
    const template = Template.fromStack(stack);
    expect(forwarder.failureTopic).toBeUndefined();
    expectTemplate(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: stack.getLogicalId(paging.node.defaultChild as never) }],
    });
    expectTemplate(template).toHaveResourceCount('AWS::SNS::Topic', 1);
  });

  it.each([
    [[ForwardedEvents.ORGANIZATIONS], 4],
    [[ForwardedEvents.CONTROL_TOWER], 1],
    [[ForwardedEvents.IDENTITY_CENTER], 2],
  ])('forwards only %p (%i rules)', (forwardedEvents, count) => {
    expectTemplate(
      synthForwarder({ targetEventBusArn: BUS_ARN, forwardedEvents }).template,
    ).toHaveResourceCount('AWS::Events::Rule', count);
  });

  it('reports every invalid prop at once', () => {
    const stack = new Stack(new App(), 'Bad');
    expect(
      () =>
        new OrgEventForwarder(stack, 'Forwarder', {
          targetEventBusArn: 'org-governance',
          forwardedEvents: [],
          alarmActions: [],
          failureNotificationEmails: ['oncall@example.com'],
        }),
    ).toThrow(
      new InvalidPropsError('Bad/Forwarder', 'OrgEventForwarder', [
        "targetEventBusArn must be an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>), got 'org-governance'",
        'forwardedEvents must not be empty (omit it to forward every kind)',
        'alarmActions must not be empty (omit it to notify the forwarder’s own failure topic)',
        'failureNotificationEmails subscribe to the forwarder’s own failure topic, which is not created with alarmActions',
      ]),
    );
  });
});
