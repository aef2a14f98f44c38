/**
 * Lambda contexts on the chaos clock, so a handler's deadline (`getRemainingTimeInMillis`) is
 * measured in product time like everything else it waits for.
 */
import { localLambdaContext } from '@org/local-stack';
import type { Clock } from '@org/governance-runtime';
import type { Context } from 'aws-lambda';

/**
 * A context for one invocation of `functionName` with `timeoutMs` of product time to run.
 *
 * @example
 * ```ts
 * await worker(event, chaosLambdaContext('operations-worker', 90_000, clock));
 * ```
 */
export function chaosLambdaContext(functionName: string, timeoutMs: number, clock: Clock): Context {
  return localLambdaContext(functionName, timeoutMs, { clock, label: 'chaos' });
}
