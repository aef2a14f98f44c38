/**
 * The operator's runbook for the failed-events queue (docs/operations.md,
 * `FailedEventsDeadLetterQueueDepth`, step 4): replay each event to the function it was meant for.
 */
import { describeError } from '@org/governance-runtime';
import type { AsyncOutcome, EventTarget } from '../runtime/event-bus';
import type { GeneratedEvent } from '../world/chaos-world';

/** Replays of a failed event the operator makes while it keeps failing (each one asynchronous). */
export const FAILED_EVENT_REPLAYS = 3;

/** An event whose invocation of one target failed every attempt (in the failed-events queue). */
export interface FailedEvent {
  readonly event: GeneratedEvent;
  readonly target: EventTarget;
  /** The errors of the attempts that failed. */
  readonly errors: readonly unknown[];
}

/** Invokes `target` asynchronously with `event` (Lambda's retries included). */
export type InvokeTarget = (target: EventTarget, event: GeneratedEvent) => Promise<AsyncOutcome>;

/** What the replays did. */
export interface ReplayOutcome {
  /** `<event id> (<label>, <target>): <errors> — replayed | still failing after N replays`. */
  readonly entries: readonly string[];
  /** Failed events a replay delivered. */
  readonly replayed: number;
}

/**
 * Replays `failed` in order, each up to `replays` times while it keeps failing.
 *
 * @example
 * ```ts
 * const { replayed } = await replayFailedEvents(failed, invoke);
 * ```
 */
export async function replayFailedEvents(
  failed: readonly FailedEvent[],
  invoke: InvokeTarget,
  replays = FAILED_EVENT_REPLAYS,
): Promise<ReplayOutcome> {
  const entries: string[] = [];
  let replayed = 0;
  for (const { event, target, errors } of failed) {
    let ok = false;
    for (let replay = 1; replay <= replays && !ok; replay += 1) {
      ok = (await invoke(target, event)).ok;
    }
    if (ok) replayed += 1;
    const ending = ok ? 'replayed' : `still failing after ${replays} replays`;
    entries.push(
      `${event.id} (${event.label}, ${target}): ${errors.map(describeError).join(' / ')} — ${ending}`,
    );
  }
  return { entries, replayed };
}
