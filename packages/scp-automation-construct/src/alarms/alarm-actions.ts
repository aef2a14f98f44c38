/**
 * Who hears about each alarm: alarms have a severity, and the consumer may add actions per
 * severity (a pager for critical, a chat channel for warnings).
 */
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** How urgent an alarm is. */
export enum AlarmSeverity {
  /** Work is failing or piling up: a dead-letter queue holds messages, a function fails, operations failed for good. */
  CRITICAL = 'critical',
  /** Worth a look during working hours: throttles, drift a reconcile run found. */
  WARNING = 'warning',
}

/**
 * Extra actions of the alarms, by severity. Every alarm notifies the failure topic as well.
 *
 * Critical: `OperationsDeadLetterQueueDepth`, `FailedEventsDeadLetterQueueDepth`, `<Function>Errors`,
 * `ReconcileExecutionsFailed`, `OperationsFailed`. Warning: `<Function>Throttles`, `DriftDetected`.
 *
 * @example
 * ```ts
 * const alarmActions: GovernanceAlarmActions = {
 *   critical: [new actions.SnsAction(pagerTopic)],
 *   warning: [new actions.SnsAction(chatTopic)],
 * };
 * ```
 */
export interface GovernanceAlarmActions {
  /**
   * Actions of the critical alarms.
   * @default - the failure topic only
   */
  readonly critical?: readonly cloudwatch.IAlarmAction[];
  /**
   * Actions of the warning alarms.
   * @default - the failure topic only
   */
  readonly warning?: readonly cloudwatch.IAlarmAction[];
}
