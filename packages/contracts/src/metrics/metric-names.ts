/**
 * The custom CloudWatch metrics the handlers publish (embedded metric format) and the construct's
 * alarms and dashboard read: one namespace, one `service` dimension, one name per metric.
 */

/** The EMF namespace of every custom metric. */
export const METRICS_NAMESPACE = 'OrgGovernance';

/** The name of the dimension every metric carries (its total, which alarms watch). */
export const SERVICE_DIMENSION = 'service';

/** The value of the {@link SERVICE_DIMENSION} (and the logger's service name). */
export const SERVICE_NAME = 'org-governance';

/**
 * The custom metric names.
 *
 * @example
 * ```ts
 * metrics.count(METRIC_NAMES.operationsApplied, 2); // in a handler
 * governanceMetric(METRIC_NAMES.operationsFailed); // in the construct
 * ```
 */
export const METRIC_NAMES = {
  /** Operations executed, or found already in the desired state. */
  operationsApplied: 'OperationsApplied',
  /** Rules not applied to an account, with a skip reason. */
  operationsSkipped: 'OperationsSkipped',
  /** Operations that failed for good (FAILED assignment, about to reach the DLQ). */
  operationsFailed: 'OperationsFailed',
  /** Queued operations the worker did not execute: the current desired state no longer asks for them. */
  operationsStale: 'OperationsStale',
  /** Queued operations the worker refused: no current rule justifies them (forged, or rules gone). */
  operationsNotJustified: 'OperationsNotJustified',
  /** Operations sent back to the queue: throttled, or an assignment still in progress. */
  operationsRetried: 'OperationsRetried',
  /** Operations a planner (processor, notifier, reconciler) sent to the queue. */
  operationsEnqueued: 'OperationsEnqueued',
  /** Time from the event (EventBridge `time`) to its processing, in seconds. */
  eventLagSeconds: 'EventLagSeconds',
  /** Operations a reconcile run found necessary: drift that events did not repair. */
  driftOperations: 'DriftOperations',
  /**
   * Detaches and deletes a reconcile run held: more than `settings.maxDestructiveOperations`,
   * waiting for a confirmation.
   */
  destructiveOperationsHeld: 'DestructiveOperationsHeld',
  /** Operations not enqueued, or left on the queue, because the pause switch was on. */
  operationsPaused: 'OperationsPaused',
  /** Events ignored (API call failed, unhandled name, …), by reason. */
  eventsIgnored: 'EventsIgnored',
  /** Malformed events rejected to the failure topic and the DLQ. */
  eventsRejected: 'EventsRejected',
  /**
   * Changes made outside the product (a managed policy detached or assignment deleted by hand,
   * an unmanaged one added), by kind.
   */
  outOfBandChanges: 'OutOfBandChanges',
  /**
   * `accountTag` rules skipped because the ledger does not show a trusted principal set the
   * account's tag value (`UntrustedTag`).
   */
  untrustedTagSkipped: 'UntrustedTagSkipped',
  /** Notifications sent (Support case, webhook, SNS), by target type. */
  notificationsSent: 'NotificationsSent',
} as const;

/** One of the custom metric names. */
export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];
