import { ArnFormat, Duration, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { protectedPolicyDenyStatement } from '../iam/protected-policy-statements';
import { acknowledgeGeneratedWildcards, addJustifiedStatement } from '../nag/acknowledge-wildcards';
import { reconcileDefinition } from './reconcile-definition';

/** Properties of {@link ReconcileStateMachine}. */
export interface ReconcileStateMachineProps {
  /** The reconciler function (its `prepare`, `shard` and `finish` steps). */
  readonly reconciler: lambda.IFunction;
  /**
   * Shards reconciled at once. They share the Organizations read rate (5 requests/s), so more
   * only shortens a run when calls wait on latency rather than on the rate. @default 2
   */
  readonly maxConcurrency?: number;
  /**
   * Encrypts the execution history, the definition and the execution log group.
   * @default AWS-owned key
   */
  readonly encryptionKey?: kms.IKey;
  /** @default ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** @default RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A reconcile run on Step Functions Standard. A run of some accounts (`accountIds` in the input)
 * is one bounded invocation (`ReconcileAccounts`: it reads only those accounts). The
 * whole-organization reconcile is a fan-out: `Prepare` reads the
 * organization (invoked again until it is done: each invocation checkpoints before its timeout),
 * a Distributed Map runs every shard as its own child execution (`ReconcileShard`, again until
 * done; a failed shard is retried alone and can be redriven alone), and `Finish` aggregates the
 * run (drift metric, blast-radius cap, departed accounts, directory view). The execution name is
 * the run id. What passes between states is small (run id, shard numbers, counts). A step is
 * retried unless its error is permanent (an invalid request); a run that fails is reported to
 * the failure topic once (`ReportFailure`) and ends failed.
 *
 * @example
 * ```ts
 * const { stateMachine } = new ReconcileStateMachine(this, 'Reconcile', { reconciler });
 * new events.Rule(this, 'Daily', { schedule, targets: [new targets.SfnStateMachine(stateMachine)] });
 * ```
 */
export class ReconcileStateMachine extends Construct {
  /**
   * The state machine. Start it with `{}`, `{ "dryRun": true }`, `{ "confirmDestructive": N }` or
   * `{ "accountIds": ["222222222222"] }` (the reconciler's on-demand request).
   */
  readonly stateMachine: sfn.StateMachine;
  /** Its role (invokes the reconciler, runs the map's child executions, delivers logs and traces). */
  readonly role: iam.Role;
  /** The key of its execution history, when it has a customer-managed one. */
  readonly encryptionKey?: kms.IKey;
  /** The state machine's name (known at synthesis). */
  private readonly name: string;

  constructor(scope: Construct, id: string, props: ReconcileStateMachineProps) {
    super(scope, id);
    const definition = reconcileDefinition(this, props.reconciler, props.maxConcurrency ?? 2);

    const logGroup = new logs.LogGroup(this, 'ExecutionLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'Role of the reconcile state machine',
    });
    // Whatever it is given later, the role never detaches FullAWSAccess / RCPFullAWSAccess.
    this.role.addToPrincipalPolicy(protectedPolicyDenyStatement());
    this.encryptionKey = props.encryptionKey;
    // A known name: the key's encryption-context condition names the state machine's ARN, which
    // its own role's policy cannot reference without a dependency cycle.
    this.name = Names.uniqueResourceName(this, { maxLength: 80 });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: this.name,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // The execution history and definition under the customer-managed key; CDK gives the role
      // kms:Decrypt / kms:GenerateDataKey conditioned on this state machine's ARN.
      encryptionConfiguration:
        props.encryptionKey === undefined
          ? undefined
          : new sfn.CustomerManagedEncryptionConfiguration(
              props.encryptionKey,
              Duration.minutes(5),
            ),
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      timeout: Duration.hours(24),
      role: this.role,
    });
    this.configureObservability(logGroup);
    if (props.encryptionKey !== undefined) this.allowEncryptedLogDelivery(props.encryptionKey);
    const policy = (owner: Construct, id: string): IConstruct | undefined =>
      owner.node.tryFindChild(id);
    acknowledgeGeneratedWildcards(
      policy(this.role, 'DefaultPolicy'),
      ['lambda:InvokeFunction'],
      INVOKE_REASON,
    );
    acknowledgeGeneratedWildcards(
      policy(this.stateMachine, 'DistributedMapPolicy'),
      DISTRIBUTED_MAP_ACTIONS,
      CHILD_RUN_REASON,
    );
  }

  /**
   * Lets `grantee` start runs: states:StartExecution on this state machine and, under a
   * customer-managed key, kms:GenerateDataKey / kms:Decrypt of the key for this state machine's
   * executions only (the encryption context names its ARN).
   *
   * @example
   * ```ts
   * reconcile.grantStartExecution(operatorRole);
   * ```
   */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    const grant = this.stateMachine.grantStartExecution(grantee);
    if (this.encryptionKey !== undefined) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resourceArns: [this.encryptionKey.keyArn],
        conditions: {
          StringEquals: {
            'kms:EncryptionContext:aws:states:stateMachineArn': this.stateMachineArn(),
          },
        },
      });
    }
    return grant;
  }

  /**
   * Execution logs of a state machine under a customer-managed key: its role generates their data
   * keys for CloudWatch Logs of this account (the encryption context's source), and the log
   * delivery service may decrypt them (what CDK's `logs` prop adds with such a key).
   */
  private allowEncryptedLogDelivery(key: kms.IKey): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptExecutionLogs',
        actions: ['kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: {
          StringEquals: {
            'kms:EncryptionContext:SourceArn': Stack.of(this).formatArn({
              service: 'logs',
              resource: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowExecutionLogDelivery',
        principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['kms:Decrypt'],
        resources: ['*'],
      }),
    );
  }

  /** This state machine's ARN from its known name (no reference to the resource). */
  private stateMachineArn(): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /**
   * Logs every event (without execution data) to the encrypted log group and traces with X-Ray,
   * their permissions in policies of their own (CDK's `logs` and `tracingEnabled` props would add
   * them to the role's default policy, where a wildcard is not acknowledged).
   */
  private configureObservability(logGroup: logs.ILogGroup): void {
    const cfn = this.stateMachine.node.defaultChild as sfn.CfnStateMachine;
    cfn.loggingConfiguration = {
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup.logGroupArn } }],
      includeExecutionData: false,
      level: sfn.LogLevel.ALL,
    };
    cfn.tracingConfiguration = { enabled: true };
    const deliveries = new iam.PolicyStatement({
      sid: 'DeliverExecutionLogs',
      actions: [
        'logs:CreateLogDelivery',
        'logs:GetLogDelivery',
        'logs:UpdateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:DescribeResourcePolicies',
        'logs:DescribeLogGroups',
      ],
      resources: ['*'],
    });
    const traces = new iam.PolicyStatement({
      sid: 'WriteExecutionTraces',
      actions: [
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
      ],
      resources: ['*'],
    });
    for (const [statement, reason] of [
      [deliveries, LOG_DELIVERY_REASON],
      [traces, TRACING_REASON],
    ] as const) {
      const policy = addJustifiedStatement(this, this.role, statement, reason);
      // Step Functions checks the logging permissions when it creates the state machine.
      this.stateMachine.node.addDependency(policy);
    }
  }
}

/** The actions CDK grants a Distributed Map on its own child executions. */
const DISTRIBUTED_MAP_ACTIONS = [
  'states:StartExecution',
  'states:DescribeExecution',
  'states:StopExecution',
  'states:RedriveExecution',
] as const;

const INVOKE_REASON =
  'Invokes the reconciler function and its versions (the task may name a qualified ARN); nothing else.';
const CHILD_RUN_REASON =
  'A Distributed Map runs each shard as a child execution of this state machine and describes, stops ' +
  'and redrives them; the wildcard is the child executions of this state machine only.';
const LOG_DELIVERY_REASON =
  'CloudWatch Logs vended-log delivery (Step Functions execution logs) has no resource-level permissions.';
const TRACING_REASON = 'X-Ray trace segments and sampling have no resource-level permissions.';
