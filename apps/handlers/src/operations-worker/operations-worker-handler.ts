import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import {
  AccountReads,
  executeLevelTriggered,
  type FailureReporter,
  type LevelTriggeredDependencies,
  type OperationMessage,
} from '@org/governance-runtime';
import { decodeOperationMessage } from '@org/aws-adapters/sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { InvocationDeadlineError } from '../shared/errors';
import type { Observability } from '../shared/observability/observability';
import { postponeFailedRecords, type MessageVisibility, RecordFailures } from './record-failures';
import { WorkerTally } from './worker-tally';
import type { OperationsWorkerSettings } from './worker-settings';
import type { LambdaHandler } from '../shared/lambda-handler';

/** Everything the worker handler uses, created once per container. */
export interface OperationsWorkerDependencies {
  /** The executor's ports and the level-triggered check's (account, rules, directory view). */
  readonly execute: LevelTriggeredDependencies;
  readonly failures: FailureReporter;
  readonly observability: Observability;
  readonly settings: OperationsWorkerSettings;
  /**
   * Backs a retryable failure off by changing the message's visibility (growing delays). Absent:
   * failed records come back after the queue's visibility timeout.
   */
  readonly visibility?: MessageVisibility;
}

/** The Lambda handler of the operations FIFO queue. */
export type OperationsWorkerHandler = LambdaHandler<SQSEvent, SQSBatchResponse>;

/**
 * The operations worker: executes each queued operation level-triggered
 * ({@link executeLevelTriggered}: re-read, execute only what the current desired state still asks
 * for, `stale` otherwise, refuse what no rule justifies), record by record, in order. One read of
 * each account per batch. Failures (docs/execution-semantics.md):
 * - retryable (throttling, 5xx, a busy quota): the record fails back to SQS with the rest of its
 *   message group (`SqsFifoPartialProcessorAsync` with `skipGroupOnError`), so per-account order
 *   holds, and their visibility is changed to a growing delay; on the queue's last receive it is
 *   reported (it goes to the DLQ next);
 * - permanent (validation, access denied, not found, a malformed body): audited, reported once
 *   and the message completed, so it does not block the account's group.
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
    // Lambda's remaining time is read afresh for every record: it is the invocation's deadline.
    const deadlineMs = () =>
      clock.now() + context.getRemainingTimeInMillis() - deps.settings.deadlineSafetyMs;
    const tally = new WorkerTally();
    const reads = new AccountReads(deps.execute.organizations);
    const failures = new RecordFailures(deps, tally);

    const handleRecord = async (record: SQSRecord): Promise<string> => {
      let message: OperationMessage | null = null;
      try {
        message = decodeOperationMessage(record.body);
        logger.appendKeys({
          correlationId: message.eventId ?? record.messageId,
          accountId: message.operation.accountId,
          operationType: message.operation.type,
        });
        const recordDeadlineMs = deadlineMs();
        if (clock.now() >= recordDeadlineMs) {
          throw new InvocationDeadlineError(Math.max(0, context.getRemainingTimeInMillis()));
        }
        const result = await executeLevelTriggered(message, deps.execute, {
          deadlineMs: recordDeadlineMs,
          reads,
        });
        tally.result(result);
        logger.info(`operation ${result.status}`, { result });
        return result.status;
      } catch (error) {
        if ((await failures.handle(record, message, error)) === 'completed') return 'failed';
        throw error;
      } finally {
        logger.removeKeys(['correlationId', 'accountId', 'operationType']);
      }
    };

    try {
      const response = await processPartialResponse(
        event,
        handleRecord,
        new SqsFifoPartialProcessorAsync(),
        { context, skipGroupOnError: true, throwOnFullBatchFailure: false },
      );
      await postponeFailedRecords(event.Records, response, failures.delays, deps);
      return response;
    } finally {
      tally.emit(metrics);
      metrics.flush();
    }
  };
}
