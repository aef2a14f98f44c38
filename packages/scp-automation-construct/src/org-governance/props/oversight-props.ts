/**
 * The oversight settings of {@link OrgGovernanceProps}: who hears of failures, the drift alarm,
 * the dashboard, the organization trail and the tag guard.
 */
import type { Duration } from 'aws-cdk-lib';

/**
 * Failure notifications, alarms, dashboard, organization trail and tag guard (part of
 * {@link OrgGovernanceProps}).
 *
 * @example
 * ```ts
 * const oversight: OrgGovernanceOversightProps = {
 *   failureNotificationEmails: ['platform-oncall@example.com'],
 *   guardTagKeys: ['team'],
 *   trustedTagPrincipals: ['arn:aws:iam::*:role/AccountVending'],
 *   guardTagTargetIds: ['r-abcd'],
 * };
 * ```
 */
export interface OrgGovernanceOversightProps {
  /**
   * E-mail addresses subscribed to the failure topic.
   * @default - no e-mail subscription
   */
  readonly failureNotificationEmails?: readonly string[];

  /**
   * https endpoints subscribed to the failure topic.
   * @default - no https subscription
   */
  readonly failureNotificationUrls?: readonly string[];

  /**
   * Drift operations found by reconciliation within one hour that raise the drift alarm.
   * @default 1
   */
  readonly driftAlarmThreshold?: number;

  /**
   * Create the CloudWatch dashboard.
   * @default true
   */
  readonly createDashboard?: boolean;

  /**
   * Create an organization trail (CloudTrail → encrypted S3 bucket). Requires `organizationId`.
   * @default false
   */
  readonly organizationTrail?: boolean;

  /**
   * Name of the organization trail.
   * @default - generated from the construct path (deploy-app sets 'org-governance')
   */
  readonly trailName?: string;

  /**
   * How long trail log files are kept, in whole days.
   * @default Duration.days(365)
   */
  readonly trailLogRetention?: Duration;

  /**
   * Tag keys the `accountTag` rules read. When set, the construct creates a service control
   * policy (the tag guard) denying `organizations:TagResource` / `UntagResource` on these keys
   * to every principal but `trustedTagPrincipals`, attached to `guardTagTargetIds`. SCPs never
   * restrict the management account (limit tagging there with IAM). The product never detaches
   * a policy it did not create.
   * @default - no tag guard
   */
  readonly guardTagKeys?: readonly string[];

  /**
   * IAM principal ARN patterns allowed to tag the `guardTagKeys` (`aws:PrincipalArn`: the role
   * ARN of an assumed-role session). Use the same patterns as `settings.trustedTagPrincipals`.
   * Required with `guardTagKeys`.
   * @default - none
   */
  readonly trustedTagPrincipals?: readonly string[];

  /**
   * Where the tag guard is attached: the organization root id (`r-…`), OUs or accounts.
   * Required with `guardTagKeys`.
   * @default - none
   */
  readonly guardTagTargetIds?: readonly string[];
}
