import { parseOrgEvent } from '@org/event-schemas';
import {
  describeError,
  isRetryable,
  processEvent,
  type ProcessEventDependencies,
  type StoredViewProcessEventDependencies,
} from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import { rawEventId } from '../shared/event-id';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import { deliveryLeaseMs } from '../shared/delivery-lease';
import { reportFailure } from '../shared/report-failure';
import {
  type FailureChannel,
  outcomeAccountId,
  rejectMalformedEvent,
} from '../shared/reject-event';

/** Everything the processor uses, created once per container. */
export interface OrgEventsProcessorDependencies extends FailureChannel {
  /** Deployed: the stored directory view; tests and tools may read Identity Center live. */
  readonly process: StoredViewProcessEventDependencies | ProcessEventDependencies;
}

/** What one invocation did (the function's result, also logged). */
export interface ProcessedEventSummary {
  readonly eventId: string | null;
  readonly ignored: string | null;
  readonly enqueued: number;
  readonly skipped: number;
}

/** The Lambda handler of the Organizations EventBridge rules. */
export type OrgEventsProcessorHandler = (
  event: unknown,
  context: Context,
) => Promise<ProcessedEventSummary>;

/**
 * The org events processor: parse the raw EventBridge event → {@link processEvent}
 * (re-read the account, plan, enqueue, audit). Ignored events are logged and audited with their
 * reason. A malformed event, or any failure, is reported to the failure topic (once per event)
 * and rethrown: the asynchronous invocation fails, Lambda retries it, then sends it to the
 * failed-events queue. Nothing is swallowed.
 *
 * @example
 * ```ts
 * export const handler = createOrgEventsProcessorHandler(createProcessorDependencies(process.env));
 * ```
 */
export function createOrgEventsProcessorHandler(
  deps: OrgEventsProcessorDependencies,
): OrgEventsProcessorHandler {
  const { logger, metrics } = deps.observability;
  return async (raw, context) => {
    const leaseMs = deliveryLeaseMs(context);
    const outcome = parseOrgEvent(raw);
    const eventId = outcome.kind === 'event' ? outcome.event.meta.eventId : rawEventId(raw);
    logger.appendKeys({ correlationId: eventId });
    try {
      if (outcome.kind === 'error') {
        return await rejectMalformedEvent(deps, outcome.error, eventId, leaseMs);
      }
      const result = await processEvent(outcome, deps.process);
      emitPlanMetrics(metrics, result.plan, result.enqueued, result.lagSeconds);
      const summary: ProcessedEventSummary = {
        eventId,
        ignored: result.plan.ignored,
        enqueued: result.enqueued.length,
        skipped: result.plan.skipped.length,
      };
      logger.info(result.plan.ignored === null ? 'event planned' : 'event ignored', {
        ...summary,
        event: result.plan.event,
        operations: result.enqueued,
        skips: result.plan.skipped,
      });
      return summary;
    } catch (error) {
      if (outcome.kind !== 'error') {
        logger.error('event processing failed', { error });
        if (!isRetryable(error)) {
          await reportFailure(
            deps.failures,
            deps.markers,
            `failed#${eventId ?? 'unknown'}`,
            {
              kind: 'ProcessingFailed',
              eventId,
              accountId: outcomeAccountId(outcome),
              reason: describeError(error),
            },
            leaseMs,
          );
        }
      }
      throw error;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlationId']);
    }
  };
}
