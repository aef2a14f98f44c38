/**
 * The operations FIFO queue between planners (events processor, reconciler) and the worker.
 */
import type { Operation } from '@org/scope-engine';

/** An assignment request the worker is still polling (re-queued with its request id). */
export interface PendingRequest {
  readonly requestId: string;
  /** How many times the status was already polled. */
  readonly polls: number;
  /**
   * How many status checks of this request were queued, this one included. Part of the
   * deduplication id: a check re-queued without a successful poll (throttled, or no time left)
   * would otherwise repeat the last one's id and be dropped by FIFO deduplication. Absent in
   * messages from before it existed (= 1).
   */
  readonly checks?: number;
}

/**
 * One queue message: a plan's operation plus its cause. Message group = account id;
 * deduplication id = hash of `operation`, the cause (`eventId`) and `pending`: SQS FIFO drops an
 * id *sent* in the last 5 minutes even after the first message was consumed, so the cause keeps a
 * later event's operation from being swallowed by an earlier one's; the worker's level-triggered
 * check makes the repeat harmless (`Stale` when the first already did it).
 */
export interface OperationMessage {
  /**
   * The cause: the event (or reconcile run) that planned the operation, part of the
   * deduplication id. `null` only for messages of events without an id.
   */
  readonly eventId: string | null;
  readonly operation: Operation;
  /** Present when re-queued to poll an asynchronous assignment request. */
  readonly pending?: PendingRequest;
}

/**
 * Sends operations to the worker.
 *
 * @example
 * ```ts
 * await queue.send(plan.operations.map((operation) => ({ eventId, operation })));
 * ```
 */
export interface OperationQueue {
  /** Sends every message (batched); throws if some could not be sent. */
  send(messages: readonly OperationMessage[]): Promise<void>;
}
