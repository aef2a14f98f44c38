/**
 * A round's deliveries: each event once, some twice (EventBridge delivers at least once), some
 * earlier events again (late duplicates), all shuffled — events are hints and may arrive out of
 * order.
 */
import type { SeededRandom } from '../random/seeded-random';
import type { GeneratedEvent } from '../world/chaos-world';

/** How a round's events are delivered. */
export interface DeliveryPlan {
  /** Every delivery, in the order they start. */
  readonly deliveries: readonly GeneratedEvent[];
  readonly duplicates: number;
  readonly late: number;
}

/**
 * Plans the deliveries of `events`, given the events of earlier rounds.
 *
 * @example
 * ```ts
 * const plan = planDeliveries(roundEvents, history, random.fork('deliveries'));
 * ```
 */
export function planDeliveries(
  events: readonly GeneratedEvent[],
  earlier: readonly GeneratedEvent[],
  random: SeededRandom,
  duplicateRate = 0.15,
  lateRate = 0.3,
): DeliveryPlan {
  const deliveries: GeneratedEvent[] = [];
  let duplicates = 0;
  let late = 0;
  for (const event of events) {
    deliveries.push(event);
    if (random.chance(duplicateRate)) {
      deliveries.push(event);
      duplicates += 1;
    }
  }
  if (earlier.length > 0 && random.chance(lateRate)) {
    const count = random.int(1, 2);
    for (let i = 0; i < count; i += 1) deliveries.push(random.pick(earlier));
    late += count;
  }
  return { deliveries: random.shuffle(deliveries), duplicates, late };
}

/** The distinct events of a delivery list, in first-delivery order. */
export function distinctEvents(deliveries: readonly GeneratedEvent[]): GeneratedEvent[] {
  const seen = new Set<string>();
  return deliveries.filter((event) => !seen.has(event.id) && seen.add(event.id));
}
