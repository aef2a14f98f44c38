/**
 * One Lambda function of the product: its own role (no managed policies), an encrypted log group
 * with retention, the shipped code, nodejs22.x on ARM64.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerFunctionName } from '@org/contracts';
import { handlerCode } from './handler-assets';

/** Settings of one {@link GovernanceFunction}. */
export interface GovernanceFunctionProps {
  /** Which of the shipped handlers to run. */
  readonly handlerName: HandlerFunctionName;
  /** Folder holding `<handlerName>/index.js`. */
  readonly assetsDirectory: string;
  /** What the function does (function description). */
  readonly description: string;
  /** Memory size in MB. */
  readonly memorySizeMb: number;
  /** Longest run of one invocation. */
  readonly timeout: Duration;
  /** Environment variables (see `HANDLER_ENV`). */
  readonly environment: Readonly<Record<string, string>>;
  /** Key encrypting the log group. */
  readonly encryptionKey: kms.IKey;
  /** Log retention. */
  readonly logRetention: logs.RetentionDays;
  /** Removal policy of the log group. */
  readonly removalPolicy: RemovalPolicy;
  /**
   * Concurrent executions reserved (and capped) for this function.
   * @default - no reservation (account's unreserved pool)
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Asynchronous invocation settings (EventBridge and schedule targets).
   * @default - no asynchronous invocation configuration
   */
  readonly asyncInvoke?: {
    /** Retries of a failed asynchronous invocation (0-2). */
    readonly retryAttempts: number;
    /** Where failed invocations go after the last retry. */
    readonly onFailure: lambda.IDestination;
    /** Oldest event still processed. */
    readonly maxEventAge: Duration;
  };
}

/**
 * A product Lambda function with its role and log group.
 *
 * @example
 * ```ts
 * const fn = new GovernanceFunction(this, 'Reconciler', {
 *   handlerName: 'reconciler', assetsDirectory: defaultAssetsDirectory(), description: 'Drift repair',
 *   memorySizeMb: 1024, timeout: Duration.minutes(15), environment: {}, encryptionKey: key,
 *   logRetention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN,
 * });
 * ```
 */
export class GovernanceFunction extends Construct {
  /** The function. */
  readonly function: lambda.Function;
  /** Its execution role; statements are added by the owner. */
  readonly role: iam.Role;
  /** Its log group. */
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: GovernanceFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.handlerName} function`,
    });
    // Only this function's own log group, instead of AWSLambdaBasicExecutionRole (any log group).
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: handlerCode(props.handlerName, props.assetsDirectory),
      description: props.description,
      memorySize: props.memorySizeMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...props.environment },
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      retryAttempts: props.asyncInvoke?.retryAttempts,
      onFailure: props.asyncInvoke?.onFailure,
      maxEventAge: props.asyncInvoke?.maxEventAge,
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is deliberate: the shipped bundles are built (esbuild target node22) and tested for it; ' +
        'moving to a newer runtime is a release of this package, not a silent change.',
    });
  }
}
