/**
 * A CloudWatch dashboard: custom metrics, queues and functions on one page.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type GovernanceMetricName, governanceMetric } from '../metrics/governance-metrics';
import { METRIC_NAMES } from '@org/contracts';

/** Settings of {@link GovernanceDashboard}. */
export interface GovernanceDashboardProps {
  /** Functions to chart, by a readable name. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** The operations queue. */
  readonly operationsQueue: sqs.IQueue;
  /** Dead-letter queues to chart, by a readable name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Namespace of the custom metrics. */
  readonly metricsNamespace: string;
  /** The reconcile state machine, whose runs are charted. @default no chart */
  readonly reconcileStateMachine?: sfn.IStateMachine;
}

/**
 * The product's dashboard.
 *
 * @example
 * ```ts
 * new GovernanceDashboard(this, 'Dashboard', { functions, operationsQueue: queue, deadLetterQueues, metricsNamespace });
 * ```
 */
export class GovernanceDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: GovernanceDashboardProps) {
    super(scope, id);
    const functions = Object.entries(props.functions);
    const machine = props.reconcileStateMachine;
    const period = Duration.minutes(5);
    const custom = (name: GovernanceMetricName, options: cloudwatch.MetricOptions) =>
      governanceMetric(name, options, props.metricsNamespace);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Operations',
            left: [
              custom(METRIC_NAMES.operationsApplied, { label: 'applied' }),
              custom(METRIC_NAMES.operationsSkipped, { label: 'skipped' }),
              custom(METRIC_NAMES.operationsFailed, { label: 'failed' }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Event lag (p99, seconds), drift and changes made by hand',
            left: [custom(METRIC_NAMES.eventLagSeconds, { label: 'event lag p99' })],
            right: [
              custom(METRIC_NAMES.driftOperations, {
                label: 'drift operations',
                period: Duration.hours(1),
              }),
              custom(METRIC_NAMES.outOfBandChanges, {
                label: 'out-of-band changes',
                period: Duration.hours(1),
              }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Queues',
            left: [
              props.operationsQueue.metricApproximateNumberOfMessagesVisible({
                label: 'operations visible',
                period,
              }),
              props.operationsQueue.metricApproximateAgeOfOldestMessage({
                label: 'oldest (s)',
                period,
              }),
            ],
            right: Object.entries(props.deadLetterQueues).map(([name, queue]) =>
              queue.metricApproximateNumberOfMessagesVisible({ label: `${name} DLQ`, period }),
            ),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Function errors and throttles',
            left: functions.map(([name, fn]) =>
              fn.metricErrors({ label: `${name} errors`, period }),
            ),
            right: functions.map(([name, fn]) =>
              fn.metricThrottles({ label: `${name} throttles`, period }),
            ),
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function duration (p99)',
            left: functions.map(([name, fn]) =>
              fn.metricDuration({ label: name, statistic: 'p99', period }),
            ),
            width: machine === undefined ? 24 : 12,
          }),
          ...(machine === undefined
            ? []
            : [
                new cloudwatch.GraphWidget({
                  title: 'Reconcile runs',
                  left: [
                    machine.metricSucceeded({ label: 'succeeded', period: Duration.hours(1) }),
                    machine.metricFailed({ label: 'failed', period: Duration.hours(1) }),
                    machine.metricTimedOut({ label: 'timed out', period: Duration.hours(1) }),
                  ],
                  width: 12,
                }),
              ]),
        ],
      ],
    });
  }
}
