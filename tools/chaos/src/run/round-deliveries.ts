/**
 * The deliveries of one event round, in one batch or — when a round interleaves changes and
 * deliveries — in several, with their totals.
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { ProductEnvironment } from '../deployment/product-functions';
import type { SeededRandom } from '../random/seeded-random';
import type { GeneratedEvent } from '../world/chaos-world';
import { deliverEvents } from './deliver-events';
import { distinctEvents, planDeliveries } from './deliveries';

/** What a round's deliveries need. */
export interface RoundDeliveryContext {
  /** Events of earlier deliveries (late duplicates are drawn from them; appended to). */
  readonly history: GeneratedEvent[];
  readonly random: SeededRandom;
  readonly env: ProductEnvironment;
  readonly config: GovernanceConfig;
  readonly concurrency: number;
}

/**
 * Delivers a round's events batch by batch and adds up what happened.
 *
 * @example
 * ```ts
 * const deliveries = new RoundDeliveries(context);
 * await deliveries.deliver(change.events);
 * deliveries.distinct(); // every event delivered, once
 * ```
 */
export class RoundDeliveries {
  readonly deadLettered: string[] = [];
  readonly retryReasons: string[] = [];
  retried = 0;
  /** Failed events the operator's replay delivered. */
  replayed = 0;
  deliveries = 0;
  duplicates = 0;
  late = 0;
  deliverMs = 0;
  private readonly delivered: GeneratedEvent[] = [];

  constructor(private readonly context: RoundDeliveryContext) {}

  /** Delivers `events` (some twice, some earlier ones again, shuffled) and waits for them. */
  async deliver(events: readonly GeneratedEvent[]): Promise<void> {
    const { context } = this;
    const plan = planDeliveries(events, context.history, context.random);
    context.history.push(...events);
    this.deliveries += plan.deliveries.length;
    this.duplicates += plan.duplicates;
    this.late += plan.late;
    this.delivered.push(...plan.deliveries);
    const started = Date.now();
    const outcome = await deliverEvents(
      plan.deliveries,
      context.env,
      context.config,
      context.concurrency,
    );
    this.deliverMs += Date.now() - started;
    this.deadLettered.push(...outcome.deadLettered);
    this.retried += outcome.retried;
    this.replayed += outcome.replayed;
    this.retryReasons.push(...outcome.retryReasons);
  }

  /** The distinct events delivered, in first-delivery order. */
  distinct(): GeneratedEvent[] {
    return distinctEvents(this.delivered);
  }
}
