/**
 * The operations worker's side of the pause switch: while it is on, every received message is
 * left on the queue, invisible for a while, instead of executed.
 */
import { METRIC_NAMES } from '@org/contracts';
import type { PauseSwitch } from '@org/governance-runtime';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LambdaHandler } from '../lambda-handler';
import type { Observability } from '../observability/observability';

/** How long a paused message stays invisible while it has receives to spare: 15 minutes. */
export const SHORT_PAUSE_HOLD_SECONDS = 900;

/** How long it stays invisible on its last receives before the DLQ: SQS's longest, 12 hours. */
export const LONG_PAUSE_HOLD_SECONDS = 43_200;

/** What {@link holdWhilePaused} uses. */
export interface WorkerPauseGate {
  readonly pauseSwitch: Pick<PauseSwitch, 'read'>;
  /** Changes a received message's visibility (`SqsMessageVisibility`). */
  readonly visibility: {
    postpone(receiptHandle: string, seconds: number): Promise<void>;
  };
  /** The queue's redrive `maxReceiveCount` (`Infinity` when unknown). */
  readonly maxReceiveCount: number;
  readonly observability: Observability;
}

/**
 * How long a message received while paused is held: every receive counts towards the queue's
 * `maxReceiveCount`, so a message is held 15 minutes while it has receives to spare (a short
 * pause resumes within 15 minutes) and 12 hours on its last two receives before the dead-letter
 * queue (a long pause still keeps it on the queue for a day). With `maxReceiveCount` 5 a message
 * survives about 24 h 45 min of pause; after that it moves to the dead-letter queue, from which
 * `orgctl redrive` brings it back (and the reconcile after resume restores the desired state
 * either way).
 *
 * @example
 * ```ts
 * pauseHoldSeconds(1, 5); // 900
 * pauseHoldSeconds(4, 5); // 43200
 * ```
 */
export function pauseHoldSeconds(receiveCount: number, maxReceiveCount: number): number {
  return receiveCount >= maxReceiveCount - 1 ? LONG_PAUSE_HOLD_SECONDS : SHORT_PAUSE_HOLD_SECONDS;
}

/**
 * Wraps the worker's handler: reads the pause switch once per batch; while it is on, every
 * record is held on the queue (visibility changed by {@link pauseHoldSeconds}) and reported as a
 * batch item failure, so nothing is executed, deleted or lost; otherwise the batch goes to
 * `handler`. A record whose visibility cannot be changed is still reported (it comes back after
 * the queue's visibility timeout).
 *
 * @example
 * ```ts
 * export const handler = holdWhilePaused(createOperationsWorkerHandler(deps), gate);
 * ```
 */
export function holdWhilePaused(
  handler: LambdaHandler<SQSEvent, SQSBatchResponse>,
  gate: WorkerPauseGate,
): LambdaHandler<SQSEvent, SQSBatchResponse> {
  const { logger, metrics } = gate.observability;
  const hold = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount) || 1;
    const seconds = pauseHoldSeconds(receiveCount, gate.maxReceiveCount);
    try {
      await gate.visibility.postpone(record.receiptHandle, seconds);
    } catch (error) {
      logger.warn('could not hold a paused message', { messageId: record.messageId, error });
    }
  };
  return async (event, context) => {
    const state = await gate.pauseSwitch.read();
    if (!state.paused) return handler(event, context);
    await Promise.all(event.Records.map(hold));
    logger.info('paused: operations left on the queue', {
      records: event.Records.length,
      pausedSince: state.changedAt,
    });
    metrics.count(METRIC_NAMES.operationsPaused, event.Records.length);
    metrics.flush();
    return {
      batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })),
    };
  };
}
