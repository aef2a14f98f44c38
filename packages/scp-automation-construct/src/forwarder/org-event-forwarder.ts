/**
 * `OrgEventForwarder`: in us-east-1 of the management account (Organizations and `aws.tag`
 * events), in the Control Tower home region and in the Identity Center home region, forwards the
 * handled events to the central bus of `OrgGovernance` in another account or region.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ORG_EVENT_RULES, type OrgEventRuleSpec } from '../events/org-event-patterns';
import { OrgEventRules } from '../events/org-event-rules';
import { protectedPolicyDenyStatement } from '../iam/protected-policy-statements';
import { EVENT_BUS_ARN_PATTERN } from '../validation/patterns';
import { mismatches, validateAll, type ValidationRule } from '../validation/validation-rule';
import { ForwarderFailureTopic } from './forwarder-failure-topic';
import { ForwardedEvents, type OrgEventForwarderProps } from './org-event-forwarder-props';

/** Where each kind of forwarded events arises (the origin of its rules). */
const ORIGIN_OF: Readonly<Record<ForwardedEvents, OrgEventRuleSpec['origin']>> = {
  [ForwardedEvents.ORGANIZATIONS]: 'organizations',
  [ForwardedEvents.CONTROL_TOWER]: 'controlTower',
  [ForwardedEvents.IDENTITY_CENTER]: 'identityCenter',
};

const RULES: readonly ValidationRule<OrgEventForwarderProps>[] = [
  {
    fails: (p) =>
      p.targetEventBusArn === undefined || mismatches(p.targetEventBusArn, EVENT_BUS_ARN_PATTERN),
    message: (p) =>
      `targetEventBusArn must be an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>), got '${p.targetEventBusArn}'`,
  },
  {
    fails: (p) => p.forwardedEvents !== undefined && p.forwardedEvents.length === 0,
    message: () => 'forwardedEvents must not be empty (omit it to forward every kind)',
  },
  {
    fails: (p) =>
      (p.forwardedEvents ?? []).some((kind) => !Object.values(ForwardedEvents).includes(kind)),
    message: (p) =>
      `forwardedEvents may contain only ${Object.values(ForwardedEvents).join(', ')}, got ${(p.forwardedEvents ?? []).join(', ')}`,
  },
  {
    fails: (p) => p.alarmActions !== undefined && p.alarmActions.length === 0,
    message: () =>
      'alarmActions must not be empty (omit it to notify the forwarder’s own failure topic)',
  },
  {
    fails: (p) => p.alarmActions !== undefined && (p.failureNotificationEmails ?? []).length > 0,
    message: () =>
      'failureNotificationEmails subscribe to the forwarder’s own failure topic, which is not created with alarmActions',
  },
];

/**
 * Rules on the default bus forwarding the product's events to the central bus, through a role
 * allowed events:PutEvents on exactly that bus; undeliverable events go to a dead-letter queue
 * whose depth is alarmed on.
 *
 * @example
 * ```ts
 * new OrgEventForwarder(usEast1Stack, 'Forwarder', {
 *   targetEventBusArn: OrgGovernance.centralEventBusArn('222222222222', 'eu-west-1'),
 * });
 * ```
 */
export class OrgEventForwarder extends Construct {
  /** The forwarding rules, by event family. */
  readonly rules: ReadonlyMap<string, events.Rule>;
  /** Role EventBridge uses to put events on the central bus. */
  readonly role: iam.IRole;
  /** Events that could not be delivered to the central bus. */
  readonly deadLetterQueue: sqs.IQueue;
  /** Alarm on the dead-letter queue's depth (critical), with `alarmActions` or the failure topic. */
  readonly deadLetterQueueAlarm: cloudwatch.Alarm;
  /** The forwarder's own failure topic, when no `alarmActions` were given. */
  readonly failureTopic?: sns.ITopic;

  constructor(scope: Construct, id: string, props: OrgEventForwarderProps) {
    super(scope, id);
    validateAll(this, 'OrgEventForwarder', props, RULES);
    const forwarded = props.forwardedEvents ?? Object.values(ForwardedEvents);
    const centralBus = events.EventBus.fromEventBusArn(this, 'CentralBus', props.targetEventBusArn);

    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      // SQS-managed encryption: EventBridge can write to it without a key policy in every region.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the forwarding rules.',
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: 'Forwards org governance events to the central event bus',
    });
    // The EventBus target grants the role events:PutEvents on exactly the central bus.
    role.addToPrincipalPolicy(protectedPolicyDenyStatement());

    const origins = forwarded.map((kind): OrgEventRuleSpec['origin'] => ORIGIN_OF[kind]);
    this.rules = new OrgEventRules(this, 'Rules', {
      specs: ORG_EVENT_RULES.filter((spec) => origins.includes(spec.origin)),
      targetFor: () => new targets.EventBus(centralBus, { role, deadLetterQueue }),
    }).rules;
    this.deadLetterQueueAlarm = new cloudwatch.Alarm(this, 'DeadLetterQueueDepth', {
      alarmDescription:
        '[critical] Org governance events could not be forwarded to the central bus',
      metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmActions === undefined) {
      const topic = new ForwarderFailureTopic(this, 'Failures', {
        emails: props.failureNotificationEmails ?? [],
      }).topic;
      this.failureTopic = topic;
      this.deadLetterQueueAlarm.addAlarmAction(new actions.SnsAction(topic));
    } else {
      this.deadLetterQueueAlarm.addAlarmAction(...props.alarmActions);
    }
    this.role = role;
    this.deadLetterQueue = deadLetterQueue;
  }
}
