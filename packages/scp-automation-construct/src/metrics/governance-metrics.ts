/**
 * The custom CloudWatch metrics the handlers publish (embedded metric format): one namespace per
 * deployment (`metricsNamespace`), one `service` dimension shared by every function.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  METRIC_NAMES,
  type MetricName,
  METRICS_NAMESPACE,
  SERVICE_DIMENSION,
  SERVICE_NAME,
} from '@org/contracts';

/**
 * Namespace, service dimension value and metric names (from `@org/contracts`, which the handlers
 * publish with).
 *
 * @example
 * ```ts
 * GOVERNANCE_METRICS.names.operationsFailed; // 'OperationsFailed'
 * ```
 */
export const GOVERNANCE_METRICS = {
  /** EMF namespace when `metricsNamespace` is not given. */
  namespace: METRICS_NAMESPACE,
  /** Value of the `service` dimension. */
  serviceName: SERVICE_NAME,
  /** Every custom metric name. */
  names: METRIC_NAMES,
} as const;

/** One of the custom metric names. */
export type GovernanceMetricName = MetricName;

/**
 * A custom metric of the product, in `namespace` (an `OrgGovernance`'s `metricsNamespace`).
 *
 * @example
 * ```ts
 * const failed = governanceMetric('OperationsFailed', { period: Duration.minutes(5) });
 * ```
 */
export function governanceMetric(
  metricName: GovernanceMetricName,
  props: cloudwatch.MetricOptions = {},
  namespace: string = METRICS_NAMESPACE,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace,
    metricName,
    dimensionsMap: { [SERVICE_DIMENSION]: SERVICE_NAME },
    statistic: metricName === METRIC_NAMES.eventLagSeconds ? 'p99' : 'Sum',
    period: Duration.minutes(5),
    ...props,
  });
}
