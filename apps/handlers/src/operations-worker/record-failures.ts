/**
 * What the operations worker does with a record that failed: retry it later (with a growing
 * delay), or — when retrying cannot help — audit it, report it once and complete it.
 */
import { describeError, isRetryable, type OperationMessage } from '@org/governance-runtime';
import { retryDelaySeconds } from '@org/aws-adapters/sqs';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { InvocationDeadlineError } from '../shared/errors';
import type { OperationsWorkerDependencies } from './operations-worker-handler';
import type { WorkerTally } from './worker-tally';

/** Changes when a received message comes back (`ChangeMessageVisibility`). */
export interface MessageVisibility {
  /** Makes the message visible again `seconds` from now. */
  postpone(receiptHandle: string, seconds: number): Promise<void>;
}

/** `retry`: the record fails back to the queue; `completed`: it is done (deleted by SQS). */
export type FailureOutcome = 'retry' | 'completed';

/** The operation type of a record, even when its body could not be decoded. */
function typeOf(message: OperationMessage | null): string {
  return message?.operation.type ?? 'unknown';
}

/**
 * The failure policy of one worker batch. Remembers, per message group, how long the group's
 * failed records should stay invisible (see {@link postponeFailedRecords}).
 *
 * @example
 * ```ts
 * const failures = new RecordFailures(deps, tally);
 * if ((await failures.handle(record, message, error)) === 'completed') return 'failed';
 * throw error;
 * ```
 */
export class RecordFailures {
  /** Message group id → visibility delay in seconds of its failed records. */
  readonly delays = new Map<string, number>();

  constructor(
    private readonly deps: Pick<
      OperationsWorkerDependencies,
      'execute' | 'failures' | 'observability' | 'settings'
    >,
    private readonly tally: WorkerTally,
  ) {}

  /**
   * Decides what happens to a failed record. Retryable before the queue's last receive: back
   * to the queue after a growing delay (`retryDelaySeconds` of the receive count; at once for a
   * record refused at the invocation's deadline). Retryable on the last receive: reported, then
   * the DLQ. Permanent: audited (`failed`), reported once and completed — never redelivered.
   */
  async handle(
    record: SQSRecord,
    message: OperationMessage | null,
    error: unknown,
  ): Promise<FailureOutcome> {
    const { logger } = this.deps.observability;
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const lastAttempt = receiveCount >= this.deps.settings.maxReceiveCount;
    const group = record.attributes.MessageGroupId ?? '';
    if (isRetryable(error) && !lastAttempt) {
      this.tally.retry(typeOf(message));
      const delay = error instanceof InvocationDeadlineError ? 0 : retryDelaySeconds(receiveCount);
      this.delays.set(group, Math.max(this.delays.get(group) ?? 0, delay));
      logger.warn('operation failed back to the queue for a retry', {
        error,
        receiveCount,
        delaySeconds: delay,
      });
      return 'retry';
    }
    this.tally.failure(typeOf(message));
    const permanent = !isRetryable(error);
    logger.error('operation failed', { error, receiveCount, lastAttempt, permanent });
    const reason = describeError(error);
    if (permanent && message !== null) {
      const { operation } = message;
      await this.deps.execute.audit.append({
        eventId: message.eventId ?? 'unattributed',
        type: 'operation',
        at: new Date(this.deps.execute.clock.now()).toISOString(),
        accountId: operation.accountId,
        outcome: 'failed',
        ruleIds: 'ruleIds' in operation ? [...operation.ruleIds].sort() : [],
        operation,
        detail: `permanent: ${reason}`,
      });
    }
    await this.deps.failures.report({
      kind: 'OperationFailed',
      eventId: message?.eventId ?? null,
      accountId: message?.operation.accountId ?? null,
      reason: permanent
        ? `${reason} (permanent: the message is completed, not retried)`
        : `${reason} (receive ${receiveCount}: the message goes to the dead-letter queue)`,
      ...(message === null ? {} : { operation: message.operation }),
    });
    return permanent ? 'completed' : 'retry';
  }
}

/**
 * Changes the visibility of every record the batch fails back whose message group decided a
 * delay (the failing record and the rest of its group, which SQS redelivers together). Best
 * effort: a failed change leaves the queue's visibility timeout, logged as a warning.
 */
export async function postponeFailedRecords(
  records: readonly SQSRecord[],
  response: SQSBatchResponse,
  delays: ReadonlyMap<string, number>,
  deps: Pick<OperationsWorkerDependencies, 'visibility' | 'observability'>,
): Promise<void> {
  const { visibility } = deps;
  if (visibility === undefined) return;
  const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
  for (const record of records) {
    const delay = delays.get(record.attributes.MessageGroupId ?? '');
    if (!failed.has(record.messageId) || delay === undefined) continue;
    try {
      await visibility.postpone(record.receiptHandle, delay);
    } catch (error) {
      deps.observability.logger.warn('could not change the visibility of a failed record', {
        error,
        messageId: record.messageId,
      });
    }
  }
}
