/**
 * The Identity Center settings of {@link OrgGovernanceProps}: which instance, through which role
 * and region, and how fast the workers may call it.
 */
import type { Duration } from 'aws-cdk-lib';

/**
 * Where and how fast the functions call IAM Identity Center (part of {@link OrgGovernanceProps}).
 *
 * @example
 * ```ts
 * const identityCenter: OrgGovernanceIdentityCenterProps = {
 *   identityCenterRegion: 'eu-west-1',
 *   identityCenterRequestsPerSecond: 10,
 * };
 * ```
 */
export interface OrgGovernanceIdentityCenterProps {
  /**
   * IAM Identity Center instance ARN (give `identityStoreId` with it).
   * @default - discovered by the worker and the reconciler with sso:ListInstances
   */
  readonly ssoInstanceArn?: string;

  /**
   * Identity Store id of the Identity Center instance (give `ssoInstanceArn` with it).
   * @default - discovered by the worker and the reconciler with sso:ListInstances
   */
  readonly identityStoreId?: string;

  /**
   * Role the worker, the reconciler and the processor (the functions that call Identity Center;
   * the processor only to describe a new group or user) assume to call SSO Admin and the
   * Identity Store, e.g. in the Identity Center delegated-administrator account. They get
   * sts:AssumeRole on exactly this ARN; no function gets sso:/identitystore: permissions of its
   * own.
   * @default - the worker, the reconciler and the processor call Identity Center with their own roles
   */
  readonly identityCenterRoleArn?: string;

  /**
   * The home region of IAM Identity Center: where its and the Identity Store's CloudTrail events
   * arise (in the account that administers it), and where the functions call Identity Center and
   * the Identity Store (`IDENTITY_CENTER_REGION`). When it is not this stack's region, the
   * default bus gets no Identity Center rules: deploy an `OrgEventForwarder` with
   * `ForwardedEvents.IDENTITY_CENTER` in that region to send them to the central bus.
   * @default - the stack's region
   */
  readonly identityCenterRegion?: string;

  /**
   * Longest time the worker polls an assignment's creation/deletion status before re-queueing
   * the operation with its request id, so a status check never blocks a worker longer. The
   * worker's timeout is this plus 30 seconds.
   * @default Duration.seconds(20) - the worker's default (`DEFAULT_STATUS_WAIT_SECONDS` of `@org/contracts`)
   */
  readonly assignmentStatusWait?: Duration;

  /**
   * Delay before the worker first polls an assignment's creation/deletion status (whole
   * milliseconds, 0 to 60,000).
   * @default Duration.millis(800) - the worker's default
   */
  readonly assignmentStatusFirstPoll?: Duration;

  /**
   * Identity Center admin requests per second that all workers together may make (the
   * instance's quota is 20 per second, shared with every other caller; leave room for them).
   * @default 20
   */
  readonly identityCenterRequestsPerSecond?: number;

  /**
   * Assignment creations in progress at once across all workers (Identity Center allows 10
   * outstanding asynchronous creations per instance).
   * @default 10
   */
  readonly identityCenterMaxOutstandingCreates?: number;
}
