/**
 * Where events enter `OrgGovernance`: the central event bus (forwarders send there), the rules on
 * it (and on the default bus), and the reconcile schedule — each rule targets its function (the
 * schedule: the reconcile state machine) with delivery retries and a dead-letter queue.
 */
import { Annotations, Duration, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { protectedPolicyDenyStatement } from '../iam/protected-policy-statements';
import {
  notifiableOrganizationsRuleFor,
  ORG_EVENT_RULES,
  type OrgEventRuleSpec,
} from './org-event-patterns';
import { OrgEventRules } from './org-event-rules';

/** Settings of {@link GovernanceEventRouting}. */
export interface GovernanceEventRoutingProps {
  /** The events notifications listen to (which Organizations events also reach the notifier). */
  readonly notifiedEvents: readonly string[];
  /** Name of the central bus. */
  readonly eventBusName: string;
  /** Also create the rules on the account's default bus. */
  readonly consumeDefaultBus: boolean;
  /**
   * The Identity Center home region. Where it is not the stack's region, the default bus gets
   * no Identity Center rules (the events arise there, and an `OrgEventForwarder` sends them to
   * the central bus).
   */
  readonly identityCenterRegion: string;
  /** When a whole-organization reconcile runs. */
  readonly reconcileSchedule: events.Schedule;
  /** Handles Organizations, Identity Center and Identity Store events. */
  readonly processor: lambda.IFunction;
  /** Handles Control Tower vending and notifiable Organizations events. */
  readonly notifier: lambda.IFunction;
  /** Started on the schedule (a reconcile run of the whole organization). */
  readonly reconcileStateMachine: sfn.IStateMachine;
  /** Where undeliverable events go. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * The central bus, the event rules and the reconcile schedule.
 *
 * @example
 * ```ts
 * const routing = new GovernanceEventRouting(this, 'Events', { notifiedEvents: ['AccountJoined'], eventBusName: 'org-governance',
 *   consumeDefaultBus: true, identityCenterRegion: 'eu-west-1', reconcileSchedule, processor, notifier,
 *   reconcileStateMachine,
 *   deadLetterQueue });
 * routing.allowEventsFromOrganization('o-exampleorg1');
 * ```
 */
export class GovernanceEventRouting extends Construct {
  /** The central bus. */
  readonly eventBus: events.EventBus;
  /** The role EventBridge starts the reconcile state machine with (states:StartExecution on it only). */
  readonly scheduleRole: iam.Role;

  constructor(scope: Construct, id: string, props: GovernanceEventRoutingProps) {
    super(scope, id);
    this.eventBus = new events.EventBus(this, 'EventBus', { eventBusName: props.eventBusName });
    // EventBridge retries only failed deliveries (throttling, service errors) — as long as it can.
    const ruleTarget = (fn: lambda.IFunction): events.IRuleTarget =>
      new targets.LambdaFunction(fn, {
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 185,
        maxEventAge: Duration.hours(24),
      });
    const notifiable = notifiableOrganizationsRuleFor(props.notifiedEvents);
    const specs = [...ORG_EVENT_RULES, ...(notifiable === null ? [] : [notifiable])];
    const targetFor = (spec: OrgEventRuleSpec): events.IRuleTarget =>
      ruleTarget(spec.handler === 'processor' ? props.processor : props.notifier);
    new OrgEventRules(this, 'CentralBusRules', { eventBus: this.eventBus, specs, targetFor });
    const identityCenterHere = this.isStackRegion(props.identityCenterRegion);
    if (!identityCenterHere) {
      Annotations.of(this).addInfo(
        `Identity Center events arise in ${props.identityCenterRegion}: deploy an OrgEventForwarder ` +
          `there (forwardedEvents: [ForwardedEvents.IDENTITY_CENTER]) targeting ${props.eventBusName}`,
      );
    }
    if (props.consumeDefaultBus) {
      const local = specs.filter((spec) => spec.origin !== 'identityCenter' || identityCenterHere);
      new OrgEventRules(this, 'DefaultBusRules', { specs: local, targetFor });
    }
    this.scheduleRole = new iam.Role(this, 'ReconcileScheduleRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: 'Starts the scheduled reconcile run',
    });
    this.scheduleRole.addToPrincipalPolicy(protectedPolicyDenyStatement());
    new events.Rule(this, 'ReconcileSchedule', {
      description: 'Scheduled reconciliation: repairs whatever events missed',
      schedule: props.reconcileSchedule,
      targets: [
        new targets.SfnStateMachine(props.reconcileStateMachine, {
          // The whole organization, in the configured mode (the execution name is the run id).
          input: events.RuleTargetInput.fromObject({}),
          role: this.scheduleRole,
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }

  /** Whether `region` is this stack's region (an environment-agnostic stack may be anywhere). */
  private isStackRegion(region: string): boolean {
    const here = Stack.of(this).region;
    return Token.isUnresolved(here) || Token.isUnresolved(region) || region === here;
  }

  /**
   * Lets every account of the organization put events on the central bus, and nobody outside it
   * (`aws:PrincipalOrgID`).
   *
   * @example
   * ```ts
   * routing.allowEventsFromOrganization('o-exampleorg1');
   * ```
   */
  allowEventsFromOrganization(organizationId: string): void {
    this.eventBus.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowPutEventsFrom-${organizationId}`,
        principals: [new iam.StarPrincipal()],
        actions: ['events:PutEvents'],
        resources: [this.eventBus.eventBusArn],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      }),
    );
  }
}
