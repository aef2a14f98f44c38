/**
 * The processing settings of {@link OrgGovernanceProps}: retries, batches, Organizations request
 * rates, rules caching, the reconcile schedule and audit retention.
 */
import type { Duration } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';

/**
 * How the functions process events and operations (part of {@link OrgGovernanceProps}).
 *
 * @example
 * ```ts
 * const processing: OrgGovernanceProcessingProps = {
 *   reconcileDryRun: true,
 *   reconcileSchedule: events.Schedule.rate(Duration.hours(12)),
 * };
 * ```
 */
export interface OrgGovernanceProcessingProps {
  /**
   * Receives of one operation before it moves to the dead-letter queue.
   * @default 5
   */
  readonly operationsMaxReceiveCount?: number;

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
   * How long audit log entries are kept (DynamoDB TTL), in whole days.
   * @default Duration.days(365) - the handlers' `DEFAULT_AUDIT_RETENTION_DAYS`
   */
  readonly auditRetention?: Duration;
}
