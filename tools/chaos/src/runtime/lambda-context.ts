/**
 * Lambda contexts on the chaos clock, so a handler's deadline (`getRemainingTimeInMillis`) is
 * measured in product time like everything else it waits for.
 */
import type { Clock } from '@org/scope-engine';
import type { Context } from 'aws-lambda';

let invocations = 0;

/**
 * A context for one invocation of `functionName` with `timeoutMs` of product time to run.
 *
 * @example
 * ```ts
 * await worker(event, chaosLambdaContext('operations-worker', 90_000, clock));
 * ```
 */
export function chaosLambdaContext(functionName: string, timeoutMs: number, clock: Clock): Context {
  invocations += 1;
  const deadline = clock.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `chaos-${process.pid}-${invocations}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'chaos',
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
