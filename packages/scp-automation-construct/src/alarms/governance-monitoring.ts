/**
 * The monitoring of {@link OrgGovernance}: the alarms (all notify the failure topic) and, unless
 * turned off, the dashboard.
 */
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { AlarmSeverity, type GovernanceAlarmActions } from './alarm-actions';
import { GovernanceAlarms } from './governance-alarms';
import { GovernanceDashboard } from './governance-dashboard';

/** What {@link createGovernanceMonitoring} watches, and how. */
export interface GovernanceMonitoringProps {
  /** The failure topic every alarm notifies. */
  readonly topic: sns.ITopic;
  /** The functions, by the name their alarms and widgets carry. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** The reconcile state machine. */
  readonly reconcileStateMachine: sfn.IStateMachine;
  /** The operations queue (the dashboard shows its depth). */
  readonly operationsQueue: sqs.IQueue;
  /** The dead-letter queues, by the name their alarms and widgets carry. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Drift operations within one hour that raise the drift alarm. */
  readonly driftAlarmThreshold: number;
  /** CloudWatch namespace of the custom metrics. */
  readonly metricsNamespace: string;
  /** Extra alarm actions by severity. @default - the failure topic only */
  readonly alarmActions?: GovernanceAlarmActions;
  /** Create the dashboard. */
  readonly createDashboard: boolean;
}

/** What {@link createGovernanceMonitoring} creates. */
export interface GovernanceMonitoring {
  /** Every alarm. */
  readonly alarms: readonly cloudwatch.Alarm[];
  /** The critical alarms (dead-letter queues, function errors, failed operations). */
  readonly criticalAlarms: readonly cloudwatch.Alarm[];
  /** The warning alarms (throttles, drift). */
  readonly warningAlarms: readonly cloudwatch.Alarm[];
  /** The dashboard, when `createDashboard` is true. */
  readonly dashboard?: cloudwatch.Dashboard;
}

/**
 * Creates the alarms (`Alarms`), then the dashboard (`Dashboard`) when asked, under `scope`.
 *
 * @example
 * ```ts
 * const monitoring = createGovernanceMonitoring(this, { topic, functions, ...rest });
 * ```
 */
export function createGovernanceMonitoring(
  scope: Construct,
  props: GovernanceMonitoringProps,
): GovernanceMonitoring {
  const alarms = new GovernanceAlarms(scope, 'Alarms', {
    topic: props.topic,
    functions: props.functions,
    stateMachines: { Reconcile: props.reconcileStateMachine },
    deadLetterQueues: props.deadLetterQueues,
    driftAlarmThreshold: props.driftAlarmThreshold,
    metricsNamespace: props.metricsNamespace,
    alarmActions: props.alarmActions,
  });
  const dashboard = props.createDashboard
    ? new GovernanceDashboard(scope, 'Dashboard', {
        functions: props.functions,
        operationsQueue: props.operationsQueue,
        deadLetterQueues: props.deadLetterQueues,
        metricsNamespace: props.metricsNamespace,
        reconcileStateMachine: props.reconcileStateMachine,
      }).dashboard
    : undefined;
  return {
    alarms: alarms.alarms,
    criticalAlarms: alarms.bySeverity[AlarmSeverity.CRITICAL],
    warningAlarms: alarms.bySeverity[AlarmSeverity.WARNING],
    dashboard,
  };
}
