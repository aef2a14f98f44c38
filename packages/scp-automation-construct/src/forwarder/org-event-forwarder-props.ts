/**
 * Props of the {@link OrgEventForwarder} construct.
 */
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** Which events a forwarder forwards. */
export enum ForwardedEvents {
  /** Organizations CloudTrail events and `aws.tag` account tag changes (us-east-1 of the management account). */
  ORGANIZATIONS = 'organizations',
  /** Control Tower CreateManagedAccount/UpdateManagedAccount (the Control Tower home region). */
  CONTROL_TOWER = 'controlTower',
  /**
   * IAM Identity Center assignment and permission-set calls, and Identity Store group and user
   * creations (the Identity Center home region of the account that administers it).
   */
  IDENTITY_CENTER = 'identityCenter',
}

/**
 * Props of {@link OrgEventForwarder}.
 *
 * @example
 * ```ts
 * const props: OrgEventForwarderProps = {
 *   targetEventBusArn: OrgGovernance.centralEventBusArn('222222222222', 'eu-west-1'),
 *   forwardedEvents: [ForwardedEvents.ORGANIZATIONS],
 * };
 * ```
 */
export interface OrgEventForwarderProps {
  /** ARN of the central event bus of `OrgGovernance` (another account and/or region). */
  readonly targetEventBusArn: string;

  /**
   * Which events to forward (each kind arises in one region only: forwarding a kind from
   * elsewhere forwards nothing).
   * @default - every kind: Organizations, Control Tower and Identity Center events
   */
  readonly forwardedEvents?: readonly ForwardedEvents[];

  /**
   * Actions of the dead-letter queue alarm (critical: events did not reach the central bus), e.g.
   * an SNS topic of this region that pages the same people as the central stack's critical alarms.
   * Not empty: an alarm nobody hears is no alarm.
   * @default - the forwarder's own failure topic (`OrgEventForwarder.failureTopic`)
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];

  /**
   * E-mail addresses subscribed to the forwarder's own failure topic (only without
   * `alarmActions`).
   * @default - none (subscribe to `OrgEventForwarder.failureTopic`)
   */
  readonly failureNotificationEmails?: readonly string[];
}
