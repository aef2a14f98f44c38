/**
 * The four Lambda functions with their settings (chosen on purpose, see each entry) and their
 * least-privilege permissions.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { GovernanceConfig } from '@org/scope-engine';
import { GovernanceFunction } from '../functions/governance-function';
import { SqsFailureDestination } from '../functions/sqs-failure-destination';
import type { HandlerFunctionName } from '../functions/handler-assets';
import { HANDLER_ENV } from '../functions/handler-env';
import { GOVERNANCE_METRICS } from '../metrics/governance-metrics';
import { FUNCTION_ACCESS, type GovernanceTableName } from './function-access';
import { grantFunctionPermissions } from './grant-function-permissions';

/** Settings of {@link GovernanceFunctions}. */
export interface GovernanceFunctionsProps {
  /** Folder holding the Lambda bundles. */
  readonly assetsDirectory: string;
  /** The governance configuration (scopes the notifier's permissions). */
  readonly config: GovernanceConfig;
  /** The product's tables. */
  readonly tables: Readonly<Record<GovernanceTableName, dynamodb.ITable>>;
  /** The operations FIFO queue. */
  readonly operationsQueue: sqs.IQueue;
  /** Where failed asynchronous invocations go. */
  readonly failedEventsQueue: sqs.IQueue;
  /** The failure topic. */
  readonly failureTopic: sns.ITopic;
  /** The governance key. */
  readonly encryptionKey: kms.IKey;
  /** The management account id. */
  readonly managementAccountId: string;
  /** The organization id, when known. */
  readonly organizationId?: string;
  /** The Identity Center instance ARN, when known. */
  readonly ssoInstanceArn?: string;
  /** The Identity Store id, when known. */
  readonly identityStoreId?: string;
  /** Role for Identity Center calls, when delegated. */
  readonly identityCenterRoleArn?: string;
  /** The operations queue's maxReceiveCount (the worker knows an operation's last attempt). */
  readonly operationsMaxReceiveCount: number;
  /** Scheduled reconciles only report drift. */
  readonly reconcileDryRun: boolean;
  /** Longest assignment status wait of the worker. */
  readonly assignmentStatusWait: Duration;
  /** Reserved concurrency of the worker. */
  readonly workerReservedConcurrency: number;
  /** Retries of failed asynchronous invocations. */
  readonly asyncRetryAttempts: number;
  /** Audit entry retention. */
  readonly auditRetention: Duration;
  /** Log retention. */
  readonly logRetention: logs.RetentionDays;
  /** Powertools log level. */
  readonly logLevel: string;
  /** Removal policy of the log groups. */
  readonly removalPolicy: RemovalPolicy;
}

/** Memory, timeout and concurrency of one function, with the reason. */
interface FunctionSizing {
  /** Function description. */
  readonly description: string;
  /** Memory in MB. */
  readonly memorySizeMb: number;
  /** Longest invocation. */
  readonly timeout: Duration;
  /** Reserved (and maximum) concurrent executions. */
  readonly reservedConcurrentExecutions?: number;
  /** Retries of failed asynchronous invocations; `undefined` = not invoked asynchronously. */
  readonly asyncRetryAttempts?: number;
}

/**
 * The worker's timeout: the longest status wait plus 30 s to record the outcome or re-queue.
 *
 * @example
 * ```ts
 * workerTimeout(Duration.seconds(60)).toSeconds(); // 90
 * ```
 */
export function workerTimeout(statusWait: Duration): Duration {
  return Duration.seconds(statusWait.toSeconds() + 30);
}

/**
 * Creates the processor, worker, notifier and reconciler.
 *
 * @example
 * ```ts
 * const fns = new GovernanceFunctions(this, 'Functions', { ...resources });
 * fns.functions['operations-worker'].function;
 * ```
 */
export class GovernanceFunctions extends Construct {
  /** Every function, by handler name. */
  readonly functions: Readonly<Record<HandlerFunctionName, GovernanceFunction>>;

  constructor(scope: Construct, id: string, props: GovernanceFunctionsProps) {
    super(scope, id);
    const sizing: Record<HandlerFunctionName, FunctionSizing> = {
      // A few Organizations reads with backoff, the stored directory view and one account's plan.
      'org-events-processor': {
        description: 'Plans SCP and assignment operations for one Organizations event',
        memorySizeMb: 512,
        timeout: Duration.seconds(60),
        asyncRetryAttempts: props.asyncRetryAttempts,
      },
      // Bounded concurrency protects Identity Center (20 req/s, 10 outstanding creations).
      'operations-worker': {
        description: 'Executes queued operations: attach/detach SCPs, create/delete assignments',
        memorySizeMb: 512,
        timeout: workerTimeout(props.assignmentStatusWait),
        reservedConcurrentExecutions: props.workerReservedConcurrency,
      },
      // One Support case / webhook / SNS message per notification, each with its own timeout.
      'vending-notifier': {
        description: 'Notifies external systems of Control Tower account vending',
        memorySizeMb: 256,
        timeout: Duration.seconds(60),
        asyncRetryAttempts: props.asyncRetryAttempts,
      },
      // Reads the whole organization: memory for the snapshot, the longest timeout, one at a time.
      reconciler: {
        description: 'Compares the organization with the rules and enqueues the drift repairs',
        memorySizeMb: 1024,
        timeout: Duration.minutes(15),
        reservedConcurrentExecutions: 1,
        asyncRetryAttempts: 0,
      },
    };
    const environment = this.environment(props);
    const onFailure = new SqsFailureDestination(props.failedEventsQueue);
    const created = {} as Record<HandlerFunctionName, GovernanceFunction>;
    for (const [name, size] of Object.entries(sizing) as [HandlerFunctionName, FunctionSizing][]) {
      const fn = new GovernanceFunction(this, pascalCase(name), {
        handlerName: name,
        assetsDirectory: props.assetsDirectory,
        description: size.description,
        memorySizeMb: size.memorySizeMb,
        timeout: size.timeout,
        reservedConcurrentExecutions: size.reservedConcurrentExecutions,
        environment: { ...environment, ...this.functionEnvironment(name, props) },
        encryptionKey: props.encryptionKey,
        logRetention: props.logRetention,
        removalPolicy: props.removalPolicy,
        asyncInvoke:
          size.asyncRetryAttempts === undefined
            ? undefined
            : { retryAttempts: size.asyncRetryAttempts, onFailure, maxEventAge: Duration.hours(6) },
      });
      grantFunctionPermissions(fn, FUNCTION_ACCESS[name], props);
      created[name] = fn;
    }
    this.functions = created;
  }

  /** Variables only one function reads. */
  private functionEnvironment(
    name: HandlerFunctionName,
    props: GovernanceFunctionsProps,
  ): Record<string, string> {
    switch (name) {
      case 'operations-worker':
        return {
          [HANDLER_ENV.statusWaitSeconds]: String(props.assignmentStatusWait.toSeconds()),
          [HANDLER_ENV.operationsMaxReceiveCount]: String(props.operationsMaxReceiveCount),
        };
      case 'reconciler':
        return { [HANDLER_ENV.reconcileDryRun]: String(props.reconcileDryRun) };
      default:
        return {};
    }
  }

  /** Variables every function reads. */
  private environment(props: GovernanceFunctionsProps): Record<string, string> {
    const optional: Record<string, string | undefined> = {
      [HANDLER_ENV.ssoInstanceArn]: props.ssoInstanceArn,
      [HANDLER_ENV.identityStoreId]: props.identityStoreId,
      [HANDLER_ENV.ssoRoleArn]: props.identityCenterRoleArn,
    };
    return {
      [HANDLER_ENV.rulesTable]: props.tables.rules.tableName,
      [HANDLER_ENV.stateTable]: props.tables.state.tableName,
      [HANDLER_ENV.auditTable]: props.tables.audit.tableName,
      [HANDLER_ENV.auditRetentionDays]: String(props.auditRetention.toDays()),
      [HANDLER_ENV.idempotencyTable]: props.tables.idempotency.tableName,
      [HANDLER_ENV.operationsQueueUrl]: props.operationsQueue.queueUrl,
      [HANDLER_ENV.failureTopicArn]: props.failureTopic.topicArn,
      [HANDLER_ENV.managementAccountId]: props.managementAccountId,
      [HANDLER_ENV.serviceName]: GOVERNANCE_METRICS.serviceName,
      [HANDLER_ENV.metricsNamespace]: GOVERNANCE_METRICS.namespace,
      [HANDLER_ENV.logLevel]: props.logLevel,
      ...Object.fromEntries(
        Object.entries(optional).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ),
    };
  }
}

/** `org-events-processor` → `OrgEventsProcessor`. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
