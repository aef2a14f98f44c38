import type { MetricsRecorder } from '../shared/observability/metrics-recorder';
import type { LevelTriggeredResult } from '@org/governance-runtime';
import { METRIC_NAMES } from '@org/contracts';
import { emitCounts, increment } from '../shared/observability/observability';

/**
 * Counts what one worker invocation did, per operation type, and emits the counts as metrics
 * (`OperationsApplied`, `OperationsRetried`, `OperationsFailed`, `OperationsStale`,
 * `OperationsNotJustified`) when the batch is done.
 *
 * @example
 * ```ts
 * const tally = new WorkerTally();
 * tally.result(await executeLevelTriggered(message, deps));
 * tally.emit(metrics);
 * ```
 */
export class WorkerTally {
  private readonly applied: Record<string, number> = {};
  private readonly retried: Record<string, number> = {};
  private readonly failed: Record<string, number> = {};
  private readonly stale: Record<string, number> = {};
  private readonly notJustified: Record<string, number> = {};

  /**
   * Counts a result: applied/alreadyInState → applied, pending → retried, failed → failed,
   * stale → stale, notJustified → notJustified.
   */
  result(result: LevelTriggeredResult): void {
    const type = result.operation.type;
    switch (result.status) {
      case 'applied':
      case 'alreadyInState':
        increment(this.applied, type);
        break;
      case 'pending':
        increment(this.retried, type);
        break;
      case 'failed':
        increment(this.failed, type);
        break;
      case 'stale':
        increment(this.stale, type);
        break;
      case 'notJustified':
        increment(this.notJustified, type);
        break;
    }
  }

  /** Counts a record failed back to the queue for another attempt. */
  retry(operationType: string): void {
    increment(this.retried, operationType);
  }

  /** Counts a record that failed for good (reported; completed, or on its way to the DLQ). */
  failure(operationType: string): void {
    increment(this.failed, operationType);
  }

  /** Emits every non-zero count, in total and by `operationType`. */
  emit(metrics: MetricsRecorder): void {
    emitCounts(metrics, METRIC_NAMES.operationsApplied, 'operationType', this.applied);
    emitCounts(metrics, METRIC_NAMES.operationsRetried, 'operationType', this.retried);
    emitCounts(metrics, METRIC_NAMES.operationsFailed, 'operationType', this.failed);
    emitCounts(metrics, METRIC_NAMES.operationsStale, 'operationType', this.stale);
    emitCounts(metrics, METRIC_NAMES.operationsNotJustified, 'operationType', this.notJustified);
  }
}
