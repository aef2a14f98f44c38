import { RECONCILE_PERMANENT_ERRORS } from '@org/contracts';
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/**
 * Errors no retry can cure (an invalid request): the reconciler names them explicitly, so a
 * minified bundle reports the same names. A step failing with one goes straight to the report.
 */
export const PERMANENT_ERRORS: readonly string[] = Object.values(RECONCILE_PERMANENT_ERRORS);

/** The first retrier of every step: never retry a permanent error. */
const NO_RETRY_OF_PERMANENT: sfn.RetryProps = { errors: [...PERMANENT_ERRORS], maxAttempts: 0 };

/** Retries of a step that failed (a throttled burst, a Lambda error): each checkpointed step starts over from its checkpoint. */
const STEP_RETRY: sfn.RetryProps = {
  errors: ['States.ALL'],
  interval: Duration.seconds(30),
  maxAttempts: 4,
  backoffRate: 2,
  jitterStrategy: sfn.JitterType.FULL,
};

/**
 * The reconcile run's states. A run of some accounts (`accountIds` in the input) is one bounded
 * invocation (`ReconcileAccounts`); the whole organization is `Prepare` until done, a Distributed
 * Map of shards (each `ReconcileShard` until done) and `Finish`. Every step retries what may pass
 * (never a permanent error); a run that fails after its retries is caught once, reported once
 * (`ReportFailure`: the reconciler's `reportFailure` step publishes to the failure topic) and
 * ends failed (`RunFailed`, with the caught error and cause).
 *
 * @example
 * ```ts
 * const definition = reconcileDefinition(this, reconciler, 2);
 * ```
 */
export function reconcileDefinition(
  scope: Construct,
  reconciler: lambda.IFunction,
  maxConcurrency: number,
): sfn.IChainable {
  const invoke = (name: string, payload: Record<string, unknown>): tasks.LambdaInvoke => {
    const task = new tasks.LambdaInvoke(scope, name, {
      lambdaFunction: reconciler,
      payload: sfn.TaskInput.fromObject(payload),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
    });
    task.addRetry(NO_RETRY_OF_PERMANENT);
    task.addRetry(STEP_RETRY);
    return task;
  };

  // The run's failure, once: the caught { Error, Cause } is reported, then ends the run.
  const report = new tasks.LambdaInvoke(scope, 'ReportFailure', {
    lambdaFunction: reconciler,
    payload: sfn.TaskInput.fromObject({
      step: 'reportFailure',
      runId: sfn.JsonPath.executionName,
      error: sfn.JsonPath.stringAt('$.Error'),
      cause: sfn.JsonPath.stringAt('$.Cause'),
    }),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: sfn.JsonPath.DISCARD,
  });
  report.addRetry(STEP_RETRY);
  const reported = report.next(
    new sfn.Fail(scope, 'RunFailed', { errorPath: '$.Error', causePath: '$.Cause' }),
  );
  const caught = <T extends tasks.LambdaInvoke | sfn.DistributedMap>(state: T): T => {
    state.addCatch(reported, { errors: ['States.ALL'] });
    return state;
  };

  // A run of some accounts: one bounded invocation that reads only those accounts.
  const accounts = caught(
    invoke('ReconcileAccounts', {
      step: 'accounts',
      runId: sfn.JsonPath.executionName,
      request: sfn.JsonPath.objectAt('$'),
    }),
  );
  const prepare = caught(
    invoke('Prepare', {
      step: 'prepare',
      runId: sfn.JsonPath.executionName,
      request: sfn.JsonPath.objectAt('$'),
    }),
  );
  // A shard's failure fails its child execution; the map fails and its catch reports the run.
  const shard = invoke('ReconcileShard', {
    step: 'shard',
    runId: sfn.JsonPath.stringAt('$.runId'),
    shard: sfn.JsonPath.numberAt('$.shard'),
    dryRun: sfn.JsonPath.objectAt('$.dryRun'),
  });
  const shardDone = new sfn.Choice(scope, 'ShardDone')
    .when(sfn.Condition.booleanEquals('$.done', false), shard)
    .otherwise(new sfn.Succeed(scope, 'ShardReconciled'));
  const shards = caught(
    new sfn.DistributedMap(scope, 'Shards', {
      itemsPath: sfn.JsonPath.stringAt('$.shards'),
      itemSelector: {
        runId: sfn.JsonPath.stringAt('$.runId'),
        dryRun: sfn.JsonPath.objectAt('$.dryRun'),
        shard: sfn.JsonPath.objectAt('$$.Map.Item.Value'),
      },
      maxConcurrency,
      toleratedFailurePercentage: 0,
      resultPath: sfn.JsonPath.DISCARD,
    }),
  );
  shards.itemProcessor(shard.next(shardDone));
  const finish = caught(
    invoke('Finish', {
      step: 'finish',
      runId: sfn.JsonPath.stringAt('$.runId'),
      request: sfn.JsonPath.objectAt('$'),
    }),
  );
  const prepared = new sfn.Choice(scope, 'Prepared')
    .when(sfn.Condition.booleanEquals('$.done', false), prepare)
    .otherwise(shards.next(finish));

  return new sfn.Choice(scope, 'Scope')
    .when(sfn.Condition.isPresent('$.accountIds'), accounts)
    .otherwise(prepare.next(prepared));
}
