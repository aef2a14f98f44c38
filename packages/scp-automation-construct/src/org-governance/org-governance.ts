/** `OrgGovernance`: the whole deployed system — rules, bus, functions, tables, queues, alarms, trail. */
import type * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as organizations from 'aws-cdk-lib/aws-organizations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { normalizeDeploymentGrants } from '@org/contracts';
import { createGovernanceMonitoring } from '../alarms/governance-monitoring';
import { publishDeploymentGrants } from '../config/deployment-grants-output';
import { grantRulesApply } from '../config/grant-rules-apply';
import { resolveDeploymentGrants } from '../config/resolve-deployment-grants';
import type { GovernanceEventRouting } from '../events/governance-event-routing';
import { governanceMetric } from '../metrics/governance-metrics';
import type { OperationsQueue } from '../queue/operations-queue';
import type { ReconcileStateMachine } from '../reconcile/reconcile-state-machine';
import type { OrgGovernanceProps } from './org-governance-props';
import { createCoreResources } from './wiring/core-resources';
import { wireGovernanceFunctions } from './wiring/function-wiring';
import { createOrganizationResources } from './wiring/organization-resources';
import { DEFAULT_EVENT_BUS_NAME, resolveOrgGovernanceProps } from './resolve-org-governance-props';
import { claimMetricsNamespace, validateOrgGovernanceProps } from './validate-org-governance-props';

/**
 * Org governance automation for an AWS Organization (docs/architecture.md).
 *
 * @example
 * ```ts
 * const governance = new OrgGovernance(stack, 'Governance', {
 *   config: GovernanceConfigSource.fromFile('governance.yaml'),
 *   organizationId: 'o-exampleorg1',
 *   failureNotificationEmails: ['platform-oncall@example.com'],
 * });
 * governance.failureTopic.addSubscription(new subscriptions.SqsSubscription(myQueue));
 * ```
 */
export class OrgGovernance extends Construct {
  /**
   * ARN of the central event bus of an `OrgGovernance` deployed in `account`/`region`, for
   * `OrgEventForwarder`s in other stacks.
   *
   * @example
   * ```ts
   * OrgGovernance.centralEventBusArn('111111111111', 'us-east-1', 'org-governance'); // arn:aws:events:us-east-1:111111111111:event-bus/org-governance
   * ```
   */
  static centralEventBusArn(
    account: string,
    region: string,
    eventBusName = DEFAULT_EVENT_BUS_NAME,
    partition = 'aws',
  ): string {
    return `arn:${partition}:events:${region}:${account}:event-bus/${eventBusName}`;
  }

  /** The central bus forwarders send Organizations and Control Tower events to. */
  readonly eventBus: events.IEventBus;
  /** The central bus's name (a plain string, known at synthesis). */
  readonly eventBusName: string;
  /** The CloudWatch namespace of the custom metrics. */
  readonly metricsNamespace: string;
  /** Failure topic: function failures and every alarm. */
  readonly failureTopic: sns.ITopic;
  /** The operations FIFO queue. */
  readonly operationsQueue: sqs.IQueue;
  /** Dead-letter queue of the operations queue. */
  readonly deadLetterQueue: sqs.IQueue;
  /** Dead-letter queue of failed asynchronous invocations and undeliverable rule targets. */
  readonly failedEventsQueue: sqs.IQueue;
  /** Governance rules table. */
  readonly rulesTable: dynamodb.ITable;
  /** Provisioned-state table. */
  readonly stateTable: dynamodb.ITable;
  /** Audit log table. */
  readonly auditTable: dynamodb.ITable;
  /** Idempotency table. */
  readonly idempotencyTable: dynamodb.ITable;
  /** Tag ledger table: who last set each account tag (tag trust). */
  readonly tagLedgerTable: dynamodb.ITable;
  /** The tag guard SCP, when `guardTagKeys` is set. */
  readonly tagGuardPolicy?: organizations.CfnPolicy;
  /** Org events processor. */
  readonly orgEventsProcessor: lambda.Function;
  /** Operations worker. */
  readonly operationsWorker: lambda.Function;
  /** Vending notifier. */
  readonly vendingNotifier: lambda.Function;
  /** Reconciler: the steps of a reconcile run (the state machine invokes it). */
  readonly reconciler: lambda.Function;
  /**
   * Runs a reconcile: on the schedule, and on demand (`{}`, `{"dryRun": true}`,
   * `{"confirmDestructive": N}`, `{"accountIds": [...]}`).
   */
  readonly reconcileStateMachine: sfn.StateMachine;
  /** The reconcile run's construct (its grants include the key of its execution history). */
  private readonly reconcile: ReconcileStateMachine;
  /** Customer-managed key of the tables, queues, topic and logs (`encryptionKey` when given). */
  readonly encryptionKey: kms.IKey;
  /** Every alarm (all notify the failure topic). */
  readonly alarms: readonly cloudwatch.Alarm[];
  /** The critical alarms (dead-letter queues, function errors, failed operations). */
  readonly criticalAlarms: readonly cloudwatch.Alarm[];
  /** The warning alarms (throttles, drift). */
  readonly warningAlarms: readonly cloudwatch.Alarm[];
  /** The dashboard, unless `createDashboard` is false. */
  readonly dashboard?: cloudwatch.Dashboard;
  /** The organization trail, when `organizationTrail` is true. */
  readonly trail?: cloudtrail.Trail;
  /**
   * SHA-256 of what the configuration needs from the deployment (notification targets, notified
   * events, `includeManagementAccount`): the `GovernanceConfigHash` output and a tag of the rules
   * table, which `orgctl rules apply` checks.
   */
  readonly configHash: string;

  private readonly routing: GovernanceEventRouting;
  private readonly operations: OperationsQueue;

  constructor(scope: Construct, id: string, props: OrgGovernanceProps) {
    super(scope, id);
    const configured = resolveDeploymentGrants(this, props);
    validateOrgGovernanceProps(this, props, configured);
    // Validation refused a missing configuration: `configured` is set from here on.
    const grants = configured ?? normalizeDeploymentGrants({});
    const settings = resolveOrgGovernanceProps(this, props);
    claimMetricsNamespace(this, settings.metricsNamespace);

    const core = createCoreResources(this, props, settings);
    const { key, tables, operations, failedEvents, topic } = core;
    const fns = wireGovernanceFunctions(this, props, settings, grants, core);
    this.reconcile = fns.reconcile;
    this.routing = fns.routing;
    if (settings.organizationId !== undefined)
      this.allowEventsFromOrganization(settings.organizationId);

    const monitoring = createGovernanceMonitoring(this, {
      topic,
      functions: {
        Processor: fns.processor,
        Worker: fns.worker,
        Notifier: fns.notifier,
        Reconciler: fns.reconciler,
      },
      reconcileStateMachine: fns.reconcile.stateMachine,
      operationsQueue: operations.queue,
      deadLetterQueues: { Operations: operations.deadLetterQueue, FailedEvents: failedEvents },
      driftAlarmThreshold: settings.driftAlarmThreshold,
      metricsNamespace: settings.metricsNamespace,
      alarmActions: props.alarmActions,
      createDashboard: settings.createDashboard,
    });
    this.alarms = monitoring.alarms;
    this.criticalAlarms = monitoring.criticalAlarms;
    this.warningAlarms = monitoring.warningAlarms;
    this.dashboard = monitoring.dashboard;
    const organizationWide = createOrganizationResources(this, props, settings);
    this.trail = organizationWide.trail;
    this.tagGuardPolicy = organizationWide.tagGuardPolicy;
    // An adopted rules table is not this stack's to tag.
    const ownRulesTable = props.existingTables?.rules === undefined ? tables.rules : undefined;
    this.configHash = publishDeploymentGrants(this, grants, ownRulesTable);

    this.operations = operations;
    this.eventBus = this.routing.eventBus;
    this.eventBusName = settings.eventBusName;
    this.metricsNamespace = settings.metricsNamespace;
    this.failureTopic = topic;
    this.operationsQueue = operations.queue;
    this.deadLetterQueue = operations.deadLetterQueue;
    this.failedEventsQueue = failedEvents;
    this.rulesTable = tables.rules;
    this.stateTable = tables.state;
    this.auditTable = tables.audit;
    this.idempotencyTable = tables.idempotency;
    this.tagLedgerTable = tables.tagLedger;
    this.orgEventsProcessor = fns.processor;
    this.operationsWorker = fns.worker;
    this.vendingNotifier = fns.notifier;
    this.reconciler = fns.reconciler;
    this.reconcileStateMachine = fns.reconcile.stateMachine;
    this.encryptionKey = key;
  }

  /**
   * Lets every account of the organization put events on the central bus (the forwarders'
   * roles), and nobody outside it (`aws:PrincipalOrgID`).
   *
   * @example
   * ```ts
   * governance.allowEventsFromOrganization('o-exampleorg1');
   * ```
   */
  allowEventsFromOrganization(organizationId: string): void {
    this.routing.allowEventsFromOrganization(organizationId);
  }

  /**
   * Lets a principal start a reconcile run on demand (states:StartExecution on the reconcile
   * state machine, and the key's kms:GenerateDataKey / kms:Decrypt for its executions only), e.g.
   * an operator role or a pipeline.
   *
   * @example
   * ```ts
   * governance.grantStartReconcile(operatorRole);
   * ```
   */
  grantStartReconcile(grantee: iam.IGrantable): iam.Grant {
    return this.reconcile.grantStartExecution(grantee);
  }

  /**
   * Lets a principal invoke the reconciler function directly (lambda:InvokeFunction): a run of
   * some accounts (`{"accountIds": [...]}`) in one bounded invocation. A run of the whole
   * organization goes through the state machine ({@link grantStartReconcile}).
   *
   * @example
   * ```ts
   * governance.grantInvokeReconciler(deployRole);
   * ```
   */
  grantInvokeReconciler(grantee: iam.IGrantable): iam.Grant {
    return this.reconciler.grantInvoke(grantee);
  }

  /**
   * Admits a role outside the product to send to the operations queue, whose policy denies every
   * other principal: e.g. the operator role that redrives its dead-letter queue
   * (`aws sqs start-message-move-task` sends with the caller's permissions). Grants nothing: the
   * role still needs `sqs:SendMessage` and the governance key in its own policy.
   *
   * @example
   * ```ts
   * governance.admitOperationsSender(operatorRole);
   * ```
   */
  admitOperationsSender(role: iam.IRole): void {
    this.operations.admitSender(role);
  }

  /**
   * Lets a principal run `orgctl rules apply --table <rules table> --state-table <state table>
   * [--audit-table <audit table>] [--queue-url <operations queue>]` — e.g. the CodeBuild role of
   * a CDK Pipelines post-deployment step. Grants `dynamodb:DescribeTable`,
   * `dynamodb:ListTagsOfResource` (the deployment's grants), `GetItem`, `Query`, `PutItem`,
   * `BatchWriteItem` on the rules table; `GetItem`, `Query`, `PutItem`, `BatchWriteItem` on the
   * state table (pause switch, provisioned state, directory view, run record); `PutItem` on the
   * audit table; encrypt/decrypt with the governance key; and, when the grantee is a role,
   * `sqs:SendMessage` (with `GetQueueAttributes`, `GetQueueUrl`) on the operations queue, whose
   * policy then admits it ({@link admitOperationsSender}). A principal that is not a role gets no
   * queue permission (the queue policy admits roles only). The organization and Identity Center
   * reads of `rules apply` are not this stack's resources: give them to the principal yourself.
   *
   * @example
   * ```ts
   * governance.grantRulesApply(postDeployStep.project);
   * ```
   */
  grantRulesApply(grantee: iam.IGrantable): iam.Grant {
    return grantRulesApply(grantee, {
      rulesTable: this.rulesTable,
      stateTable: this.stateTable,
      auditTable: this.auditTable,
      operationsQueue: this.operationsQueue,
      encryptionKey: this.encryptionKey,
      admitSender: (role) => this.admitOperationsSender(role),
    });
  }

  /** Operations executed successfully (Sum, 5 minutes by default). */
  metricOperationsApplied(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return governanceMetric('OperationsApplied', props, this.metricsNamespace);
  }

  /** Rules skipped for an account, with a reason (Sum, 5 minutes by default). */
  metricOperationsSkipped(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return governanceMetric('OperationsSkipped', props, this.metricsNamespace);
  }

  /** Operations that failed for good (Sum, 5 minutes by default). */
  metricOperationsFailed(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return governanceMetric('OperationsFailed', props, this.metricsNamespace);
  }

  /** Seconds from an event to its processing (p99, 5 minutes by default). */
  metricEventLag(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return governanceMetric('EventLagSeconds', props, this.metricsNamespace);
  }

  /** Drift operations found by reconcile runs (Sum, 5 minutes by default). */
  metricDriftOperations(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return governanceMetric('DriftOperations', props, this.metricsNamespace);
  }
}
