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
 * One queue message: a plan's operation plus correlation. Message group = account id;
 * deduplication id = hash of `operation` and `pending` (not of `eventId`, so two events asking
 * for the same operation within the dedup window yield one message).
 */
export interface OperationMessage {
  /** The event (or reconcile run) that planned the operation. */
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
