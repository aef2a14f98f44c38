import type { MetricsRecorder } from '../shared/observability/metrics-recorder';
import type { OperationResult } from '@org/governance-runtime';
import { METRIC_NAMES } from '@org/contracts';
import { emitCounts, increment } from '../shared/observability/observability';

/**
 * Counts what one worker invocation did, per operation type, and emits the counts as metrics
 * (`OperationsApplied`, `OperationsRetried`, `OperationsFailed`) when the batch is done.
 *
 * @example
 * ```ts
 * const tally = new WorkerTally();
 * tally.result(await executeOperation(message, deps));
 * tally.emit(metrics);
 * ```
 */
export class WorkerTally {
  private readonly applied: Record<string, number> = {};
  private readonly retried: Record<string, number> = {};
  private readonly failed: Record<string, number> = {};

  /** Counts a result: applied/alreadyInState → applied, pending → retried, failed → failed. */
  result(result: OperationResult): void {
    const type = result.operation.type;
    if (result.status === 'applied' || result.status === 'alreadyInState')
      increment(this.applied, type);
    else if (result.status === 'pending') increment(this.retried, type);
    else increment(this.failed, type);
  }

  /** Counts a record failed back to the queue for another attempt. */
  retry(operationType: string): void {
    increment(this.retried, operationType);
  }

  /** Counts a record that failed for good (reported; will reach the DLQ). */
  failure(operationType: string): void {
    increment(this.failed, operationType);
  }

  /** Emits every non-zero count, in total and by `operationType`. */
  emit(metrics: MetricsRecorder): void {
    emitCounts(metrics, METRIC_NAMES.operationsApplied, 'operationType', this.applied);
    emitCounts(metrics, METRIC_NAMES.operationsRetried, 'operationType', this.retried);
    emitCounts(metrics, METRIC_NAMES.operationsFailed, 'operationType', this.failed);
  }
}
