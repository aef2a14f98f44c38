/**
 * The custom CloudWatch metrics the handlers publish (EMF, namespace `OrgGovernance`, dimension
 * `service`; the construct's alarms and dashboard read the same names).
 */
export const METRIC = {
  /** Operations executed, or found already in the desired state. */
  operationsApplied: 'OperationsApplied',
  /** Rules not applied to an account, with a skip reason (`PolicyNotFound`, …). */
  operationsSkipped: 'OperationsSkipped',
  /** Operations that failed for good (FAILED assignment, about to reach the DLQ). */
  operationsFailed: 'OperationsFailed',
  /** Operations sent back to the queue: throttled, or an assignment still in progress. */
  operationsRetried: 'OperationsRetried',
  /** Operations a planner (processor, notifier, reconciler) sent to the queue. */
  operationsEnqueued: 'OperationsEnqueued',
  /** Time from the event (EventBridge `time`) to its processing, in seconds. */
  eventLagSeconds: 'EventLagSeconds',
  /** Operations a reconcile run found necessary: drift that events did not repair. */
  driftOperations: 'DriftOperations',
  /** Events ignored (API call failed, unhandled name, …), by reason. */
  eventsIgnored: 'EventsIgnored',
  /** Malformed events rejected to the failure topic and the DLQ. */
  eventsRejected: 'EventsRejected',
  /** Notifications sent (Support case, webhook, SNS), by target type. */
  notificationsSent: 'NotificationsSent',
} as const;

/** One of the custom metric names. */
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** Default EMF namespace when `POWERTOOLS_METRICS_NAMESPACE` is unset. */
export const DEFAULT_METRICS_NAMESPACE = 'OrgGovernance';

/** Default service name when `POWERTOOLS_SERVICE_NAME` is unset. */
export const DEFAULT_SERVICE_NAME = 'org-governance';
