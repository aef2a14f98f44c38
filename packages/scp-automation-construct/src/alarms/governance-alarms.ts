/**
 * CloudWatch alarms of the product, all notifying the failure topic (and the consumer's actions
 * of their severity): dead-letter queue depth, function errors, failed reconcile runs and failed
 * operations (critical);
 * function throttles, drift found by reconciliation, changes made by hand and untrusted account
 * tags (warning).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { governanceMetric } from '../metrics/governance-metrics';
import { METRIC_NAMES } from '@org/contracts';
import { AlarmSeverity, type GovernanceAlarmActions } from './alarm-actions';

/** Settings of {@link GovernanceAlarms}. */
export interface GovernanceAlarmsProps {
  /** Topic notified when an alarm fires. */
  readonly topic: sns.ITopic;
  /** Functions whose errors and throttles are alarmed on, by a readable name. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** State machines whose failed executions are alarmed on, by a readable name. @default none */
  readonly stateMachines?: Readonly<Record<string, sfn.IStateMachine>>;
  /** Dead-letter queues whose depth is alarmed on, by a readable name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Drift operations in one hour that raise the drift alarm. */
  readonly driftAlarmThreshold: number;
  /** Namespace of the custom metrics. */
  readonly metricsNamespace: string;
  /** Extra actions per severity. @default - the topic only */
  readonly alarmActions?: GovernanceAlarmActions;
}

/**
 * Every alarm of the product.
 *
 * @example
 * ```ts
 * new GovernanceAlarms(this, 'Alarms', { topic, functions: { Worker: worker }, deadLetterQueues: { Operations: dlq },
 *   driftAlarmThreshold: 1, metricsNamespace: 'OrgGovernance' });
 * ```
 */
export class GovernanceAlarms extends Construct {
  /** Every alarm created. */
  readonly alarms: readonly cloudwatch.Alarm[];
  /** The alarms by severity. */
  readonly bySeverity: Readonly<Record<AlarmSeverity, readonly cloudwatch.Alarm[]>>;

  constructor(scope: Construct, id: string, props: GovernanceAlarmsProps) {
    super(scope, id);
    const action = new actions.SnsAction(props.topic);
    const alarms: cloudwatch.Alarm[] = [];
    const bySeverity: Record<AlarmSeverity, cloudwatch.Alarm[]> = {
      [AlarmSeverity.CRITICAL]: [],
      [AlarmSeverity.WARNING]: [],
    };
    const alarm = (
      severity: AlarmSeverity,
      alarmId: string,
      description: string,
      metric: cloudwatch.IMetric,
      threshold = 1,
    ): void => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: `[${severity}] ${description}`,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action, ...(props.alarmActions?.[severity] ?? []));
      alarms.push(created);
      bySeverity[severity].push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        AlarmSeverity.CRITICAL,
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
        AlarmSeverity.CRITICAL,
        `${name}Errors`,
        `The ${name} function failed.`,
        fn.metricErrors({ period: Duration.minutes(5) }),
      );
      alarm(
        AlarmSeverity.WARNING,
        `${name}Throttles`,
        `The ${name} function was throttled.`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
      );
    }
    for (const [name, machine] of Object.entries(props.stateMachines ?? {})) {
      alarm(
        AlarmSeverity.CRITICAL,
        `${name}ExecutionsFailed`,
        `A ${name} run failed or timed out: find the failed step, fix, then redrive the run.`,
        new cloudwatch.MathExpression({
          expression: 'failed + timedOut',
          label: `${name} runs that did not finish`,
          usingMetrics: {
            failed: machine.metricFailed({ period: Duration.minutes(5) }),
            timedOut: machine.metricTimedOut({ period: Duration.minutes(5) }),
          },
          period: Duration.minutes(5),
        }),
      );
    }
    alarm(
      AlarmSeverity.CRITICAL,
      'OperationsFailed',
      'Operations failed for good and were sent to the dead-letter queue.',
      governanceMetric(METRIC_NAMES.operationsFailed, {}, props.metricsNamespace),
    );
    alarm(
      AlarmSeverity.WARNING,
      'DriftDetected',
      'A reconcile run found drift that events did not repair (missed events or manual changes).',
      governanceMetric(
        METRIC_NAMES.driftOperations,
        { period: Duration.hours(1) },
        props.metricsNamespace,
      ),
      props.driftAlarmThreshold,
    );
    alarm(
      AlarmSeverity.WARNING,
      'OutOfBandChanges',
      'A managed policy attachment or assignment was changed outside the product (restored; the audit log names who).',
      governanceMetric(METRIC_NAMES.outOfBandChanges, {}, props.metricsNamespace),
    );
    alarm(
      AlarmSeverity.WARNING,
      'UntrustedTagSkipped',
      'An accountTag rule granted nothing: the tag ledger does not show a trusted principal set the account tag (see the UntrustedTag report on the failure topic).',
      governanceMetric(METRIC_NAMES.untrustedTagSkipped, {}, props.metricsNamespace),
    );
    this.alarms = alarms;
    this.bySeverity = bySeverity;
  }
}
