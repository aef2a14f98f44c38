/**
 * What one round of a chaos run did.
 */
import type { ModelRound } from '../model/model-round';
import type { DrainStats } from '../runtime/queue-driver';

/** The kinds of rounds. */
export type RoundKind = 'events' | 'ruleChange' | 'reconcile' | 'forged';

/** What one round did. */
export interface RoundSummary {
  readonly round: number;
  readonly kind: RoundKind;
  /** Events of the schedule it played (a rule change counts one). */
  readonly events: number;
  readonly deliveries: number;
  readonly duplicates: number;
  readonly late: number;
  /** What the reference model expects of it. */
  readonly model: ModelRound;
  readonly drain: DrainStats;
  /** Invocations that failed every attempt (failed-events queue, or a run the operator gave up). */
  readonly deadLettered: readonly string[];
  /** Invocations that needed another attempt. */
  readonly retriedDeliveries: number;
  /** Failed events the operator replayed from the failed-events queue (runbook) and that then ran. */
  readonly replayedEvents: number;
  /** Why invocations failed (each failed attempt). */
  readonly retryReasons: readonly string[];
  /** Extra `orgctl rules apply` runs after a failed one. */
  readonly rulesApplyRetries: number;
  /** Event ids and run ids whose audit entries belong to the round. */
  readonly auditIds: readonly string[];
  /** Real milliseconds spent delivering events (or applying rules / reconciling) and draining. */
  readonly timing: { readonly deliverMs: number; readonly drainMs: number };
}
