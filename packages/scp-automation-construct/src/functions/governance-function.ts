/**
 * One Lambda function of the product: its own role (no managed policies), an encrypted log group
 * with retention, the shipped code; runtime (nodejs22.x), architecture (ARM64), tracing and VPC
 * as the consumer chooses.
 */
import { type Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerFunctionName } from '@org/contracts';
import { protectedPolicyDenyStatement } from '../iam/protected-policy-statements';
import { addJustifiedStatement } from '../nag/acknowledge-wildcards';
import { acknowledgeFunctionFindings } from '../nag/compliance-acknowledgements';
import type { GovernanceFunctionOptions } from './function-options';
import { handlerCode } from './handler-assets';

const TRACING_REASON =
  'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions.';
const VPC_REASON =
  'Lambda creates, describes and deletes the network interfaces of a function in a VPC; these EC2 ' +
  'actions have no resource-level permissions for this use (what AWSLambdaVPCAccessExecutionRole grants).';

/** Settings of one {@link GovernanceFunction}. */
export interface GovernanceFunctionProps extends Omit<
  GovernanceFunctionOptions,
  'memorySize' | 'timeout' | 'logRetention'
> {
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
    // Whatever Organizations permissions the role is given, it never detaches FullAWSAccess.
    this.role.addToPrincipalPolicy(protectedPolicyDenyStatement());
    this.function = new lambda.Function(this, 'Function', {
      runtime: props.runtime ?? lambda.Runtime.NODEJS_22_X,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: handlerCode(props.handlerName, props.assetsDirectory),
      description: props.description,
      memorySize: props.memorySizeMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...props.environment },
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      vpc: props.vpc,
      vpcSubnets: props.vpc === undefined ? undefined : props.vpcSubnets,
      securityGroups: props.vpc === undefined ? undefined : props.securityGroups?.slice(),
      retryAttempts: props.asyncInvoke?.retryAttempts,
      onFailure: props.asyncInvoke?.onFailure,
      maxEventAge: props.asyncInvoke?.maxEventAge,
    });
    this.configureTracing(props.tracing);
    if (props.vpc !== undefined) {
      const network = addJustifiedStatement(
        this,
        this.role,
        networkInterfaceStatement(),
        VPC_REASON,
      );
      // Lambda checks the role's network-interface permissions when it creates the function.
      this.function.node.addDependency(network);
    }
    acknowledgeFunctionFindings(this.function);
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is deliberate: the shipped bundles are built (esbuild target node22) and tested for it; ' +
        'moving to a newer runtime is a release of this package, not a silent change.',
    });
  }

  /**
   * Turns X-Ray tracing on with the permissions in a policy of their own (CDK's `tracing` prop
   * would add them to the role's default policy, where a wildcard is not acknowledged).
   */
  private configureTracing(tracing: lambda.Tracing | undefined): void {
    if (tracing === undefined || tracing === lambda.Tracing.DISABLED) return;
    const cfn = this.function.node.defaultChild as lambda.CfnFunction;
    cfn.tracingConfig = { mode: tracing };
    const statement = new iam.PolicyStatement({
      sid: 'WriteTraces',
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
      resources: ['*'],
    });
    addJustifiedStatement(this, this.role, statement, TRACING_REASON);
  }
}

/** The EC2 actions Lambda needs to attach a function to a VPC. */
function networkInterfaceStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'ManageVpcNetworkInterfaces',
    actions: [
      'ec2:CreateNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses',
      'ec2:UnassignPrivateIpAddresses',
    ],
    resources: ['*'],
  });
}
