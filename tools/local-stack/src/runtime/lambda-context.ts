import type { Clock } from '@org/governance-runtime';
import type { Context } from 'aws-lambda';

let invocations = 0;

/** Options of {@link localLambdaContext}. */
export interface LocalLambdaContextOptions {
  /**
   * The clock the deadline (`getRemainingTimeInMillis`) is measured on, e.g. a harness's product
   * clock. @default the machine's clock
   */
  readonly clock?: Pick<Clock, 'now'>;
  /** Prefix of request ids and the log stream name. @default 'local' */
  readonly label?: string;
  /**
   * Product milliseconds to give back to the deadline, read at each `getRemainingTimeInMillis`
   * (its growth since the context was made counts): e.g. the part of emulator calls' time that a
   * sped-up clock over-counts. @default none
   */
  readonly creditMs?: () => number;
}

/**
 * A Lambda context for a local invocation: a fresh request id and `timeoutMs` to run.
 *
 * @example
 * ```ts
 * await handler(event, localLambdaContext('operations-worker', 300_000));
 * await handler(event, localLambdaContext('reconciler', 900_000, { clock, label: 'chaos' }));
 * ```
 */
export function localLambdaContext(
  functionName: string,
  timeoutMs: number,
  options: LocalLambdaContextOptions = {},
): Context {
  invocations += 1;
  const now = () => options.clock?.now() ?? Date.now();
  const label = options.label ?? 'local';
  const credit = options.creditMs ?? (() => 0);
  const deadline = now() + timeoutMs - credit();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `${label}-${process.pid}-${invocations}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: label,
    getRemainingTimeInMillis: () => Math.max(0, deadline + credit() - now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
