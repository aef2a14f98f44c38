/**
 * The org events processor's side of the pause switch: while it is on, events are planned and
 * audited but their operations are not enqueued.
 */
import { METRIC_NAMES } from '@org/contracts';
import { pauseGatedQueue, type PauseSwitch } from '@org/governance-runtime';
import type { OrgEventsProcessorDependencies } from '../../org-events-processor/org-events-processor-handler';

/**
 * The processor's dependencies with their queue behind the pause switch: while paused, each
 * operation is audited as `paused` and counted (`OperationsPaused`) instead of sent. The
 * processor's own summary still counts them as planned for the queue (`OperationsEnqueued`).
 *
 * @example
 * ```ts
 * export const handler = createOrgEventsProcessorHandler(
 *   withPausedQueue(createProcessorDependencies(process.env), pauseSwitch),
 * );
 * ```
 */
export function withPausedQueue(
  deps: OrgEventsProcessorDependencies,
  pauseSwitch: Pick<PauseSwitch, 'read'>,
): OrgEventsProcessorDependencies {
  const { metrics } = deps.observability;
  const queue = pauseGatedQueue(deps.process.queue, {
    pauseSwitch,
    audit: deps.process.audit,
    clock: deps.process.clock,
    onHeld: (messages) => metrics.count(METRIC_NAMES.operationsPaused, messages.length),
  });
  return { ...deps, process: { ...deps.process, queue } };
}
