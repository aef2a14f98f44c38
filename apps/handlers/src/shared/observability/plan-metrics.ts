import type { Operation, Plan } from '@org/scope-engine';
import { METRIC_NAMES } from '@org/contracts';
import type { MetricsRecorder } from './metrics-recorder';
import { emitCounts, increment } from './observability';

/**
 * Emits the metrics of a plan a planner produced: `OperationsEnqueued` by operation type,
 * `OperationsSkipped` by skip reason (and `UntrustedTagSkipped`, the alarm's count of
 * `UntrustedTag` skips), `EventsIgnored` by reason, and `EventLagSeconds`.
 *
 * @example
 * ```ts
 * emitPlanMetrics(metrics, result.plan, result.enqueued, result.lagSeconds);
 * ```
 */
export function emitPlanMetrics(
  metrics: MetricsRecorder,
  plan: Plan,
  enqueued: readonly Operation[],
  lagSeconds: number | null,
): void {
  const byType: Record<string, number> = {};
  for (const operation of enqueued) increment(byType, operation.type);
  const byReason: Record<string, number> = {};
  for (const skip of plan.skipped) increment(byReason, skip.reason);
  emitCounts(metrics, METRIC_NAMES.operationsEnqueued, 'operationType', byType);
  emitCounts(metrics, METRIC_NAMES.operationsSkipped, 'reason', byReason);
  const untrusted = byReason['UntrustedTag'] ?? 0;
  if (untrusted > 0) metrics.count(METRIC_NAMES.untrustedTagSkipped, untrusted);
  if (plan.ignored !== null)
    emitCounts(metrics, METRIC_NAMES.eventsIgnored, 'reason', { [plan.ignored]: 1 });
  if (lagSeconds !== null) metrics.seconds(METRIC_NAMES.eventLagSeconds, lagSeconds);
}
