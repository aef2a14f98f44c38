import type { Context } from 'aws-lambda';

let invocations = 0;

/**
 * A Lambda context for a local invocation: a fresh request id and `timeoutMs` to run.
 *
 * @example
 * ```ts
 * await handler(event, localLambdaContext('operations-worker', 300_000));
 * ```
 */
export function localLambdaContext(functionName: string, timeoutMs: number): Context {
  invocations += 1;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `local-${process.pid}-${invocations}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
