import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import {
  describeError,
  executeOperation,
  type ExecuteOperationDependencies,
  type FailureReporter,
  isRetryable,
  type OperationMessage,
} from '@org/governance-runtime';
import { decodeOperationMessage } from '@org/aws-adapters/sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { InvocationDeadlineError } from '../shared/errors';
import type { Observability } from '../shared/observability/observability';
import { WorkerTally } from './worker-tally';
import type { OperationsWorkerSettings } from './worker-settings';
import type { LambdaHandler } from '../shared/lambda-handler';

/** Everything the worker handler uses, created once per container. */
export interface OperationsWorkerDependencies {
  readonly execute: ExecuteOperationDependencies;
  readonly failures: FailureReporter;
  readonly observability: Observability;
  readonly settings: OperationsWorkerSettings;
}

/** The Lambda handler of the operations FIFO queue. */
export type OperationsWorkerHandler = LambdaHandler<SQSEvent, SQSBatchResponse>;

/** The operation type of a record, even when its body could not be decoded. */
function typeOf(message: OperationMessage | null): string {
  return message?.operation.type ?? 'unknown';
}

/**
 * The operations worker: executes each queued operation (docs/execution-semantics.md) with
 * {@link executeOperation}, records by record, in order. A failed record (throttled, or
 * anything unexpected) is reported back to SQS with the rest of its message group
 * (`SqsFifoPartialProcessorAsync` with `skipGroupOnError`), so per-account order holds and other
 * accounts' records still complete. Failures that need a human go to the failure topic:
 * permanent errors, and any error on the queue's last receive before the DLQ.
 *
 * @example
 * ```ts
 * export const handler = createOperationsWorkerHandler(createWorkerDependencies(process.env));
 * ```
 */
export function createOperationsWorkerHandler(
  deps: OperationsWorkerDependencies,
): OperationsWorkerHandler {
  const { logger, metrics } = deps.observability;
  const { clock } = deps.execute;

  return async (event, context) => {
    const deadlineMs =
      clock.now() + context.getRemainingTimeInMillis() - deps.settings.deadlineSafetyMs;
    const tally = new WorkerTally();

    const handleRecord = async (record: SQSRecord): Promise<string> => {
      let message: OperationMessage | null = null;
      try {
        message = decodeOperationMessage(record.body);
        logger.appendKeys({
          correlationId: message.eventId ?? record.messageId,
          accountId: message.operation.accountId,
          operationType: message.operation.type,
        });
        if (clock.now() >= deadlineMs) {
          throw new InvocationDeadlineError(Math.max(0, context.getRemainingTimeInMillis()));
        }
        const result = await executeOperation(message, deps.execute, { deadlineMs });
        tally.result(result);
        logger.info(`operation ${result.status}`, { result });
        return result.status;
      } catch (error) {
        await onRecordFailure(record, message, error);
        throw error;
      } finally {
        logger.removeKeys(['correlationId', 'accountId', 'operationType']);
      }
    };

    const onRecordFailure = async (
      record: SQSRecord,
      message: OperationMessage | null,
      error: unknown,
    ): Promise<void> => {
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      const lastAttempt = receiveCount >= deps.settings.maxReceiveCount;
      if (isRetryable(error) && !lastAttempt) {
        tally.retry(typeOf(message));
        logger.warn('operation failed back to the queue for a retry', { error, receiveCount });
        return;
      }
      tally.failure(typeOf(message));
      logger.error('operation failed', { error, receiveCount, lastAttempt });
      await deps.failures.report({
        kind: 'OperationFailed',
        eventId: message?.eventId ?? null,
        accountId: message?.operation.accountId ?? null,
        reason: `${describeError(error)}${lastAttempt ? ` (receive ${receiveCount}: the message goes to the dead-letter queue)` : ''}`,
        ...(message === null ? {} : { operation: message.operation }),
      });
    };

    try {
      return await processPartialResponse(event, handleRecord, new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      });
    } finally {
      tally.emit(metrics);
      metrics.flush();
    }
  };
}
