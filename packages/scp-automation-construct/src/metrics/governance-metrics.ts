/**
 * The custom CloudWatch metrics the handlers publish with Powertools (embedded metric format):
 * one namespace, one `service` dimension shared by every function.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * Namespace, service dimension and metric names.
 *
 * @example
 * ```ts
 * metrics.addMetric(GOVERNANCE_METRICS.names.operationsApplied, MetricUnit.Count, 1); // in a handler
 * ```
 */
export const GOVERNANCE_METRICS = {
  /** EMF namespace (`POWERTOOLS_METRICS_NAMESPACE`). */
  namespace: 'OrgGovernance',
  /** Value of the `service` dimension (`POWERTOOLS_SERVICE_NAME`). */
  serviceName: 'org-governance',
  names: {
    /** Operations executed successfully (or found already in the desired state). */
    operationsApplied: 'OperationsApplied',
    /** Rules not applied to an account, with a skip reason (`PolicyNotFound`, …). */
    operationsSkipped: 'OperationsSkipped',
    /** Operations that failed for good (sent to the dead-letter queue / failure topic). */
    operationsFailed: 'OperationsFailed',
    /** Time from the event (EventBridge `time`) to its processing, in seconds. */
    eventLagSeconds: 'EventLagSeconds',
    /** Operations a reconcile run found necessary: drift that events did not repair. */
    driftOperations: 'DriftOperations',
  },
} as const;

/** One of the custom metric names. */
export type GovernanceMetricName =
  (typeof GOVERNANCE_METRICS.names)[keyof typeof GOVERNANCE_METRICS.names];

/**
 * A custom metric of the product.
 *
 * @example
 * ```ts
 * const failed = governanceMetric('OperationsFailed', { period: Duration.minutes(5) });
 * ```
 */
export function governanceMetric(
  metricName: GovernanceMetricName,
  props: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: GOVERNANCE_METRICS.namespace,
    metricName,
    dimensionsMap: { service: GOVERNANCE_METRICS.serviceName },
    statistic: metricName === GOVERNANCE_METRICS.names.eventLagSeconds ? 'p99' : 'Sum',
    period: Duration.minutes(5),
    ...props,
  });
}
