/**
 * Lambda contexts on the chaos clock, so a handler's deadline (`getRemainingTimeInMillis`) is
 * measured in product time like everything else it waits for — except the time its container's
 * AWS calls were in flight, which counts at its real latency: on AWS an API call answers in tens
 * to hundreds of milliseconds, while moto's real latency multiplied by the clock's scale would
 * model 2–20 s calls and end invocations early on a slow host.
 */
import { localLambdaContext } from '@org/local-stack';
import type { Clock } from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import type { SimulatedContainer } from '../edge/simulated-container';

/**
 * A context for one invocation of `functionName` with `timeoutMs` of product time to run, on
 * `container` when given (its API time beyond real latency is given back to the deadline).
 *
 * @example
 * ```ts
 * await worker.handler(event, chaosLambdaContext('operations-worker', 90_000, clock, worker.container));
 * ```
 */
export function chaosLambdaContext(
  functionName: string,
  timeoutMs: number,
  clock: Clock,
  container?: Pick<SimulatedContainer, 'apiTimeCreditMs'>,
): Context {
  return localLambdaContext(functionName, timeoutMs, {
    clock,
    label: 'chaos',
    ...(container === undefined ? {} : { creditMs: () => container.apiTimeCreditMs() }),
  });
}
