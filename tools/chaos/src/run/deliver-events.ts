/**
 * Delivers a round's events to the functions the event bus routes them to, several at once, each
 * an asynchronous Lambda invocation with its retries. An invocation that fails every attempt goes
 * to the failed-events queue, from which the operator replays the event to its function as the
 * runbook says (docs/operations.md, `FailedEventsDeadLetterQueueDepth`, step 4).
 */
import { type GovernanceConfig } from '@org/scope-engine';
import { describeError } from '@org/governance-runtime';
import { deployFunction, type ProductEnvironment } from '../deployment/product-functions';
import { invokeAsync, routeEvent, type EventTarget } from '../runtime/event-bus';
import { chaosLambdaContext } from '../runtime/lambda-context';
import type { GeneratedEvent } from '../world/chaos-world';
import { replayFailedEvents, type FailedEvent, type InvokeTarget } from './failed-event-replay';

/** How the deliveries went. */
export interface DeliveryOutcome {
  /**
   * `<event id> (<label>, <target>): <errors> — <replayed | still failing …>` of each invocation
   * that failed every attempt and went to the failed-events queue.
   */
  readonly deadLettered: readonly string[];
  /** Failed events the operator's replay delivered. */
  readonly replayed: number;
  /** Invocations that needed another attempt. */
  readonly retried: number;
  /** Why attempts failed. */
  readonly retryReasons: readonly string[];
}

/**
 * Delivers `events` in order with `concurrency` processor + notifier containers, then replays the
 * events that failed every attempt, in the order they failed.
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
  const failed: FailedEvent[] = [];
  const retryReasons: string[] = [];
  let retried = 0;
  let next = 0;
  const slot = async () => {
    const invoke = invoker(env);
    while (next < events.length) {
      const event = events[next] as GeneratedEvent;
      next += 1;
      const targets = routeEvent(event.raw, config);
      const outcomes = await Promise.all(targets.map((target) => invoke(target, event)));
      outcomes.forEach((outcome, index) => {
        if (outcome.attempts > 1) retried += 1;
        retryReasons.push(...outcome.errors.map(describeError));
        if (!outcome.ok)
          failed.push({ event, target: targets[index] as EventTarget, errors: outcome.errors });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, slot));
  const replays = await replayFailedEvents(failed, invoker(env));
  return { deadLettered: replays.entries, replayed: replays.replayed, retried, retryReasons };
}

/** Invokes a target function (its own warm container) asynchronously with an event. */
function invoker(env: ProductEnvironment): InvokeTarget {
  const functions = {
    processor: deployFunction(env, 'org-events-processor'),
    notifier: deployFunction(env, 'vending-notifier'),
  };
  return (target, event) => {
    const { handler, container } = functions[target];
    return invokeAsync(
      handler,
      event.raw,
      () => chaosLambdaContext(target, 60_000, env.clock, container),
      env.clock,
    );
  };
}
