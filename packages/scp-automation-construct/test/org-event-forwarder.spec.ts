/**
 * `OrgEventForwarder`: the same patterns as the central stack, forwarded to the central bus with
 * a role limited to PutEvents on that bus, and a dead-letter queue.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
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
    expect(rules.map((rule) => rule.Properties.EventPattern.source[0]).sort()).toStrictEqual([
      'aws.controltower',
      'aws.organizations',
      'aws.organizations',
      'aws.tag',
    ]);
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

  it('filters failed API calls out before forwarding', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.organizations'],
        detail: Match.objectLike({ errorCode: [{ exists: false }] }),
      },
    });
  });

  it('lets its role put events on exactly the central bus', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: BUS_ARN }],
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

  it.each([
    [[ForwardedEvents.ORGANIZATIONS], 3],
    [[ForwardedEvents.CONTROL_TOWER], 1],
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
        }),
    ).toThrow(
      new InvalidPropsError('Bad/Forwarder', 'OrgEventForwarder', [
        "targetEventBusArn must be an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>), got 'org-governance'",
        'forwardedEvents must not be empty (omit it to forward both kinds)',
      ]),
    );
  });
});
