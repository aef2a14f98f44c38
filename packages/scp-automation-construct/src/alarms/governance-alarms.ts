/**
 * CloudWatch alarms of the product, all notifying the failure topic: dead-letter queue depth,
 * function errors and throttles, failed operations and drift found by reconciliation.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { governanceMetric } from '../metrics/governance-metrics';
import { METRIC_NAMES } from '@org/contracts';

/** Settings of {@link GovernanceAlarms}. */
export interface GovernanceAlarmsProps {
  /** Topic notified when an alarm fires. */
  readonly topic: sns.ITopic;
  /** Functions whose errors and throttles are alarmed on, by a readable name. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** Dead-letter queues whose depth is alarmed on, by a readable name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Drift operations in one hour that raise the drift alarm. */
  readonly driftAlarmThreshold: number;
}

/**
 * Every alarm of the product.
 *
 * @example
 * ```ts
 * new GovernanceAlarms(this, 'Alarms', { topic, functions: { Worker: worker }, deadLetterQueues: { Operations: dlq }, driftAlarmThreshold: 1 });
 * ```
 */
export class GovernanceAlarms extends Construct {
  /** Every alarm created. */
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: GovernanceAlarmsProps) {
    super(scope, id);
    const action = new actions.SnsAction(props.topic);
    const alarms: cloudwatch.Alarm[] = [];
    const alarm = (
      alarmId: string,
      description: string,
      metric: cloudwatch.IMetric,
      threshold = 1,
    ): void => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DeadLetterQueueDepth`,
        `Messages are waiting in the ${name} dead-letter queue: inspect and redrive them.`,
        queue.metricApproximateNumberOfMessagesVisible({
          statistic: 'Maximum',
          period: Duration.minutes(5),
        }),
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}Errors`,
        `The ${name} function failed.`,
        fn.metricErrors({ period: Duration.minutes(5) }),
      );
      alarm(
        `${name}Throttles`,
        `The ${name} function was throttled.`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
      );
    }
    alarm(
      'OperationsFailed',
      'Operations failed for good and were sent to the dead-letter queue.',
      governanceMetric(METRIC_NAMES.operationsFailed),
    );
    alarm(
      'DriftDetected',
      'A reconcile run found drift that events did not repair (missed events or manual changes).',
      governanceMetric(METRIC_NAMES.driftOperations, { period: Duration.hours(1) }),
      props.driftAlarmThreshold,
    );
    this.alarms = alarms;
  }
}
