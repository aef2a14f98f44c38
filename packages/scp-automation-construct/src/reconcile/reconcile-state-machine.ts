import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** Properties of {@link ReconcileStateMachine}. */
export interface ReconcileStateMachineProps {
  /** The reconciler function (its `prepare`, `shard` and `finish` steps). */
  readonly reconciler: lambda.IFunction;
  /**
   * Shards reconciled at once. They share the Organizations read rate (5 requests/s), so more
   * only shortens a run when calls wait on latency rather than on the rate. @default 2
   */
  readonly maxConcurrency?: number;
  /** Encrypts the execution log group. @default AWS-owned key */
  readonly encryptionKey?: kms.IKey;
  /** @default ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** @default RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Retries of a step that failed (a throttled burst, a Lambda error): each checkpointed step starts over from its checkpoint. */
const STEP_RETRY: sfn.RetryProps = {
  errors: ['States.ALL'],
  interval: Duration.seconds(30),
  maxAttempts: 4,
  backoffRate: 2,
  jitterStrategy: sfn.JitterType.FULL,
};

/**
 * The whole-organization reconcile as a fan-out on Step Functions Standard: `Prepare` reads the
 * organization (invoked again until it is done: each invocation checkpoints before its timeout),
 * a Distributed Map runs every shard as its own child execution (`ReconcileShard`, again until
 * done; a failed shard is retried alone and can be redriven alone), and `Finish` aggregates the
 * run (drift metric, blast-radius cap, departed accounts, directory view). The execution name is
 * the run id. What passes between states is small (run id, shard numbers, counts).
 *
 * @example
 * ```ts
 * const { stateMachine } = new ReconcileStateMachine(this, 'Reconcile', { reconciler });
 * new events.Rule(this, 'Daily', { schedule, targets: [new targets.SfnStateMachine(stateMachine)] });
 * ```
 */
export class ReconcileStateMachine extends Construct {
  /** The state machine (start it with `{}` or `{ "dryRun": true, "confirmDestructive": N }`). */
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ReconcileStateMachineProps) {
    super(scope, id);
    const invoke = (name: string, payload: Record<string, unknown>): tasks.LambdaInvoke => {
      const task = new tasks.LambdaInvoke(this, name, {
        lambdaFunction: props.reconciler,
        payload: sfn.TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
      });
      task.addRetry(STEP_RETRY);
      return task;
    };

    const prepare = invoke('Prepare', {
      step: 'prepare',
      runId: sfn.JsonPath.executionName,
      request: sfn.JsonPath.objectAt('$'),
    });
    const shard = invoke('ReconcileShard', {
      step: 'shard',
      runId: sfn.JsonPath.stringAt('$.runId'),
      shard: sfn.JsonPath.numberAt('$.shard'),
      dryRun: sfn.JsonPath.objectAt('$.dryRun'),
    });
    const shardDone = new sfn.Choice(this, 'ShardDone')
      .when(sfn.Condition.booleanEquals('$.done', false), shard)
      .otherwise(new sfn.Succeed(this, 'ShardReconciled'));
    const shards = new sfn.DistributedMap(this, 'Shards', {
      itemsPath: sfn.JsonPath.stringAt('$.shards'),
      itemSelector: {
        runId: sfn.JsonPath.stringAt('$.runId'),
        dryRun: sfn.JsonPath.objectAt('$.dryRun'),
        shard: sfn.JsonPath.objectAt('$$.Map.Item.Value'),
      },
      maxConcurrency: props.maxConcurrency ?? 2,
      toleratedFailurePercentage: 0,
      resultPath: sfn.JsonPath.DISCARD,
    });
    shards.itemProcessor(shard.next(shardDone));
    const finish = invoke('Finish', {
      step: 'finish',
      runId: sfn.JsonPath.stringAt('$.runId'),
      request: sfn.JsonPath.objectAt('$'),
    });
    const prepared = new sfn.Choice(this, 'Prepared')
      .when(sfn.Condition.booleanEquals('$.done', false), prepare)
      .otherwise(shards.next(finish));

    const logGroup = new logs.LogGroup(this, 'ExecutionLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(prepare.next(prepared)),
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
  }
}
