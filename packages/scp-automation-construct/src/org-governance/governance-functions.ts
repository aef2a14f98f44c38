/**
 * The four Lambda functions with their settings (chosen on purpose, see each entry) and their
 * least-privilege permissions.
 */
import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type {
  GovernanceFunctionOptions,
  GovernanceFunctionOverrides,
} from '../functions/function-options';
import { GovernanceFunction } from '../functions/governance-function';
import { SqsFailureDestination } from '../functions/sqs-failure-destination';
import {
  constructEnvironment,
  HANDLER_VARIABLES,
  type ConstructVariableValues,
  type DeploymentGrants,
  type HandlerFunctionName,
} from '@org/contracts';
import { FUNCTION_ACCESS, type GovernanceTableName } from './function-access';
import { grantFunctionPermissions } from './grant-function-permissions';

/** Settings of {@link GovernanceFunctions}. */
export interface GovernanceFunctionsProps {
  /** Folder holding the Lambda bundles. */
  readonly assetsDirectory: string;
  /** What the configuration needs (scopes the notifier's and the worker's permissions). */
  readonly grants: DeploymentGrants;
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
  /**
   * Identity Center's home region: where the functions call SSO Admin and the Identity Store.
   * @default the stack's region
   */
  readonly identityCenterRegion?: string;
  /** The operations queue's maxReceiveCount (the worker knows an operation's last attempt). */
  readonly operationsMaxReceiveCount: number;
  /** Scheduled reconciles only report drift. @default false (the reconciler's default) */
  readonly reconcileDryRun?: boolean;
  /** Longest assignment status wait of the worker. */
  readonly assignmentStatusWait: Duration;
  /** Settings of all four functions. @default none */
  readonly functionDefaults?: GovernanceFunctionOptions;
  /** Settings of one function, over `functionDefaults`. @default none */
  readonly functions?: GovernanceFunctionOverrides;
  /** CloudWatch namespace of the custom metrics, when not the handlers' default. */
  readonly metricsNamespace?: string;
  /** Retries of failed asynchronous invocations. */
  readonly asyncRetryAttempts: number;
  /** Audit entry retention. @default the handlers' `DEFAULT_AUDIT_RETENTION_DAYS` */
  readonly auditRetention?: Duration;
  /** How long planners cache the rules. @default the handlers' `DEFAULT_RULES_CACHE_TTL_SECONDS` */
  readonly rulesCacheTtl?: Duration;
  /** Delay before the worker's first status poll. @default the worker's default */
  readonly assignmentStatusFirstPoll?: Duration;
  /** Identity Center requests per second shared by the workers. @default the worker's default */
  readonly identityCenterRequestsPerSecond?: number;
  /** Assignment creations in progress at once. @default the worker's default */
  readonly identityCenterMaxOutstandingCreates?: number;
  /** Organizations reads per second every caller shares. @default the published 5 */
  readonly organizationsReadsPerSecond?: number;
  /** Organizations writes per second every caller shares. @default the published 2 */
  readonly organizationsWritesPerSecond?: number;
  /** Log retention. */
  readonly logRetention: logs.RetentionDays;
  /** Powertools log level. @default INFO (the logger's default) */
  readonly logLevel?: string;
  /** Removal policy of the log groups. */
  readonly removalPolicy: RemovalPolicy;
}

/** The product's memory and timeout of one function, with the reason. */
interface FunctionSizing {
  /** Function description. */
  readonly description: string;
  /** Memory in MB. */
  readonly memorySizeMb: number;
  /** Longest invocation. */
  readonly timeout: Duration;
  /** `functions` key of the overrides. */
  readonly override: keyof GovernanceFunctionOverrides;
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
        override: 'processor',
        asyncRetryAttempts: props.asyncRetryAttempts,
      },
      // The queue's maximum concurrency protects Identity Center (20 req/s, 10 outstanding creations).
      'operations-worker': {
        description: 'Executes queued operations: attach/detach SCPs, create/delete assignments',
        memorySizeMb: 512,
        timeout: workerTimeout(props.assignmentStatusWait),
        override: 'worker',
      },
      // One Support case / webhook / SNS message per notification, each with its own timeout.
      'vending-notifier': {
        description: 'Notifies external systems of Control Tower account vending',
        memorySizeMb: 256,
        timeout: Duration.seconds(60),
        override: 'notifier',
        asyncRetryAttempts: props.asyncRetryAttempts,
      },
      // The steps of a sharded run (each checkpoints with time to spare) and bounded on-demand
      // runs of some accounts: at most 10 minutes and 1 GB per invocation, at any scale.
      reconciler: {
        description: 'Compares the organization with the rules and enqueues the drift repairs',
        memorySizeMb: 1024,
        timeout: Duration.minutes(10),
        override: 'reconciler',
        asyncRetryAttempts: 0,
      },
    };
    const values = variableValues(props, Stack.of(this).region);
    const onFailure = new SqsFailureDestination(props.failedEventsQueue);
    const created = {} as Record<HandlerFunctionName, GovernanceFunction>;
    for (const [name, size] of Object.entries(sizing) as [HandlerFunctionName, FunctionSizing][]) {
      const options: GovernanceFunctionOptions = {
        ...props.functionDefaults,
        ...props.functions?.[size.override],
      };
      const fn = new GovernanceFunction(this, pascalCase(name), {
        ...options,
        handlerName: name,
        assetsDirectory: props.assetsDirectory,
        description: size.description,
        memorySizeMb: options.memorySize ?? size.memorySizeMb,
        // The worker's timeout follows assignmentStatusWait (the queue's visibility timeout too).
        timeout: size.override === 'worker' ? size.timeout : (options.timeout ?? size.timeout),
        environment: constructEnvironment(name, values),
        encryptionKey: props.encryptionKey,
        logRetention: options.logRetention ?? props.logRetention,
        removalPolicy: props.removalPolicy,
        asyncInvoke:
          size.asyncRetryAttempts === undefined
            ? undefined
            : { retryAttempts: size.asyncRetryAttempts, onFailure, maxEventAge: Duration.hours(6) },
      });
      grantFunctionPermissions(fn, FUNCTION_ACCESS[name], props);
      created[name] = fn;
    }
    // The processor tells the product's own policy and assignment calls from changes made by hand.
    const ownRoles = [created['operations-worker'], created.reconciler].map((f) => f.role.roleArn);
    if (props.identityCenterRoleArn !== undefined) ownRoles.push(props.identityCenterRoleArn);
    created['org-events-processor'].function.addEnvironment(
      HANDLER_VARIABLES.productRoleArns.name,
      ownRoles.join(' '),
    );
    this.functions = created;
  }
}

/** A setting as a variable value, or `undefined` when not configured. */
function optional<T>(value: T | undefined, format: (value: T) => string): string | undefined {
  return value === undefined ? undefined : format(value);
}

/**
 * The values of every variable the construct sets; each function gets the ones it reads
 * (`constructEnvironment`). Optional settings left unset are not passed: the handlers apply the
 * same documented defaults (Identity Center's region is passed only when it is not the stack's).
 */
function variableValues(
  props: GovernanceFunctionsProps,
  stackRegion: string,
): ConstructVariableValues {
  return {
    rulesTable: props.tables.rules.tableName,
    stateTable: props.tables.state.tableName,
    auditTable: props.tables.audit.tableName,
    idempotencyTable: props.tables.idempotency.tableName,
    tagLedgerTable: props.tables.tagLedger.tableName,
    operationsQueueUrl: props.operationsQueue.queueUrl,
    failureTopicArn: props.failureTopic.topicArn,
    statusWaitSeconds: String(props.assignmentStatusWait.toSeconds()),
    operationsMaxReceiveCount: String(props.operationsMaxReceiveCount),
    auditRetentionDays: optional(props.auditRetention, (d) => String(d.toDays())),
    rulesCacheTtlSeconds: optional(props.rulesCacheTtl, (d) => String(d.toSeconds())),
    statusFirstPollMs: optional(props.assignmentStatusFirstPoll, (d) => String(d.toMilliseconds())),
    identityCenterRequestsPerSecond: optional(props.identityCenterRequestsPerSecond, String),
    identityCenterMaxOutstandingCreates: optional(
      props.identityCenterMaxOutstandingCreates,
      String,
    ),
    organizationsReadsPerSecond: optional(props.organizationsReadsPerSecond, String),
    organizationsWritesPerSecond: optional(props.organizationsWritesPerSecond, String),
    ssoInstanceArn: props.ssoInstanceArn,
    identityStoreId: props.identityStoreId,
    ssoRoleArn: props.identityCenterRoleArn,
    identityCenterRegion:
      props.identityCenterRegion === stackRegion ? undefined : props.identityCenterRegion,
    dryRun: optional(props.reconcileDryRun, String),
    metricsNamespace: props.metricsNamespace,
    logLevel: props.logLevel,
  };
}

/** `org-events-processor` → `OrgEventsProcessor`. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
