/**
 * Props of the {@link OrgGovernance} construct.
 */
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { GovernanceConfigLike } from '@org/contracts';
import type { GovernanceConfigSource } from '../config/governance-config-source';
import type { OrgGovernanceOptions } from './org-governance-options';

/** Log level of the Lambda functions (Powertools logger). */
export enum HandlerLogLevel {
  /** Everything, including each API call's parameters. */
  DEBUG = 'DEBUG',
  /** One line per event, plan and operation. */
  INFO = 'INFO',
  /** Skips, retries and ignored events. */
  WARN = 'WARN',
  /** Failures only. */
  ERROR = 'ERROR',
}

/**
 * Props of {@link OrgGovernance}. Only `config` is required.
 *
 * @example
 * ```ts
 * const props: OrgGovernanceProps = {
 *   config: GovernanceConfigSource.fromFile('governance.yaml'),
 *   organizationId: 'o-exampleorg1',
 *   failureNotificationEmails: ['platform-oncall@example.com'],
 * };
 * ```
 */
export interface OrgGovernanceProps extends OrgGovernanceOptions {
  /**
   * The governance configuration (docs/configuration.md): the file `orgctl rules apply` stores
   * (`GovernanceConfigSource.fromFile('governance.yaml')`), its text, or only what the deployment
   * depends on (`GovernanceConfigSource.fromGrants`). It scopes the notifier's permissions
   * (Support cases, exactly the webhook secrets and SNS topics it names), adds role provisioning
   * in the management account only with `includeManagementAccount`, and decides which
   * Organizations events also reach the notifier. The rules table is tagged with these grants
   * (and the stack outputs their hash, `GovernanceConfigHash`): `orgctl rules apply` refuses a
   * file that needs more than the deployed stack grants.
   * @default - `governanceConfig` (one of the two is required)
   */
  readonly config?: GovernanceConfigSource;

  /**
   * The validated governance configuration (docs/configuration.md). It scopes the functions' permissions
   * (Support cases, exactly the webhook secrets and SNS topics it names, role provisioning in the
   * management account only with `includeManagementAccount`) and decides which Organizations
   * events also reach the notifier. The rules themselves are stored in the rules table by
   * `orgctl rules apply` — the one writer of that table's layout, which also reconciles the
   * accounts a change affects (deploy-app's `deploy` target runs it after `cdk deploy`).
   * @default - `config` (one of the two is required)
   * @deprecated use `config: GovernanceConfigSource.fromFile('governance.yaml')` — the same file
   * `orgctl rules apply` stores, read and validated at synthesis.
   */
  readonly governanceConfig?: GovernanceConfigLike;

  /**
   * The organization's management account id.
   * @default - the account of the stack (the construct is deployed in the management account)
   */
  readonly managementAccountId?: string;

  /**
   * The organization id. When set, the central event bus admits events from any account of the
   * organization (`aws:PrincipalOrgID`), and SCP permissions are limited to this organization.
   * Required when the stack is not in the management account (a delegated administrator): the
   * management account's forwarders could not put events on the bus otherwise.
   * @default - the bus admits only this account; permissions match any organization id
   */
  readonly organizationId?: string;

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
   * Create the rules on this account's default event bus too (deployments in us-east-1 of the
   * management account, or in the Control Tower home region, receive the events there).
   * @default true
   */
  readonly consumeDefaultBus?: boolean;

  /**
   * Name of the central event bus that `OrgEventForwarder`s send to (they address it by ARN:
   * `governance.eventBusName`, or `OrgGovernance.centralEventBusArn(account, region, name)`).
   * @default - generated from the construct path, known at synthesis (deploy-app sets 'org-governance')
   */
  readonly eventBusName?: string;

  /**
   * Receives of one operation before it moves to the dead-letter queue.
   * @default 5
   */
  readonly operationsMaxReceiveCount?: number;

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

  /**
   * Organizations read requests per second that every caller together may make (AWS publishes
   * about 5 per second for `ListPoliciesForTarget` and throttles other reads near it).
   * @default 5
   */
  readonly organizationsReadsPerSecond?: number;

  /**
   * Organizations write requests (`AttachPolicy`, `DetachPolicy`) per second that every caller
   * together may make (AWS publishes about 2 per second).
   * @default 2
   */
  readonly organizationsWritesPerSecond?: number;

  /**
   * How long the processor, notifier, worker and reconciler cache the rules (and the stored
   * directory view) per container, in whole seconds up to an hour. A rules change reaches the
   * planners within this time.
   * @default Duration.seconds(60)
   */
  readonly rulesCacheTtl?: Duration;

  /**
   * Reserved concurrency of the worker, and the queue's maximum concurrency when 2 or more.
   * @default - no reservation; the queue's maximum concurrency is `workerMaxConcurrency`
   * @deprecated use `workerMaxConcurrency`, and `functions.worker.reservedConcurrentExecutions`
   * only when a reservation is wanted (a new account's unreserved quota may be 10).
   */
  readonly workerReservedConcurrency?: number;

  /**
   * Operations one worker invocation receives (FIFO: at most 10).
   * @default 10
   */
  readonly workerBatchSize?: number;

  /**
   * Retries of a failed asynchronous invocation (processor, notifier) before the event goes to
   * the failed-events queue (0-2).
   * @default 2
   */
  readonly asyncRetryAttempts?: number;

  /**
   * Scheduled reconciles only report drift (metric, audit log) and enqueue nothing — for a
   * first rollout, to see what the rules would change. On-demand runs may override it.
   * @default false
   */
  readonly reconcileDryRun?: boolean;

  /**
   * When the reconciler runs.
   * @default Schedule.rate(Duration.days(1))
   */
  readonly reconcileSchedule?: events.Schedule;

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
   * Retention of every log group (a function's `logRetention` overrides it).
   * @default RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Log level of the functions.
   * @default HandlerLogLevel.INFO
   */
  readonly logLevel?: HandlerLogLevel;

  /**
   * How long audit log entries are kept (DynamoDB TTL), in whole days.
   * @default Duration.days(365) - the handlers' `DEFAULT_AUDIT_RETENTION_DAYS`
   */
  readonly auditRetention?: Duration;

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
   * What happens to the tables, queues, key and buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Folder holding the Lambda bundles (`<function>/index.js`).
   * @default - the `assets/` folder shipped with this package
   */
  readonly assetsDirectory?: string;

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
