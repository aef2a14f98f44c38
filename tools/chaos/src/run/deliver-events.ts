/**
 * Delivers a round's events to the functions the event bus routes them to, several at once, each
 * an asynchronous Lambda invocation with its retries.
 */
import { type GovernanceConfig } from '@org/scope-engine';
import { describeError } from '@org/governance-runtime';
import { deployFunction, type ProductEnvironment } from '../deployment/product-functions';
import { invokeAsync, routeEvent } from '../runtime/event-bus';
import { chaosLambdaContext } from '../runtime/lambda-context';
import type { GeneratedEvent } from '../world/chaos-world';

/** How the deliveries went. */
export interface DeliveryOutcome {
  /** `<event id> (<label>): <errors>` of each invocation that failed every attempt. */
  readonly deadLettered: readonly string[];
  /** Invocations that needed another attempt. */
  readonly retried: number;
  /** Why attempts failed. */
  readonly retryReasons: readonly string[];
}

/**
 * Delivers `events` in order with `concurrency` processor + notifier containers.
 *
 * @example
 * ```ts
 * const outcome = await deliverEvents(plan.deliveries, env, config, 8);
 * ```
 */
export async function deliverEvents(
  events: readonly GeneratedEvent[],
  env: ProductEnvironment,
  config: GovernanceConfig,
  concurrency: number,
): Promise<DeliveryOutcome> {
  const deadLettered: string[] = [];
  const retryReasons: string[] = [];
  let retried = 0;
  let next = 0;
  const slot = async () => {
    const processor = deployFunction(env, 'org-events-processor');
    const notifier = deployFunction(env, 'vending-notifier');
    while (next < events.length) {
      const event = events[next] as GeneratedEvent;
      next += 1;
      const outcomes = await Promise.all(
        routeEvent(event.raw, config).map((target) =>
          invokeAsync(
            target === 'processor' ? processor.handler : notifier.handler,
            event.raw,
            () =>
              chaosLambdaContext(
                target,
                60_000,
                env.clock,
                (target === 'processor' ? processor : notifier).container,
              ),
            env.clock,
          ),
        ),
      );
      for (const outcome of outcomes) {
        if (outcome.attempts > 1) retried += 1;
        retryReasons.push(...outcome.errors.map(describeError));
        if (!outcome.ok) {
          deadLettered.push(
            `${event.id} (${event.label}): ${outcome.errors.map(describeError).join(' / ')}`,
          );
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, slot));
  return { deadLettered, retried, retryReasons };
}
