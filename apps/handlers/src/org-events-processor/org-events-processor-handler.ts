import { METRIC_NAMES } from '@org/contracts';
import { parseGovernanceEvent } from '@org/event-schemas';
import {
  isRetryable,
  processGovernanceEvent,
  type GovernanceEventDependencies,
} from '@org/governance-runtime';
import { createEventHandler, type EventFailurePolicy } from '../shared/event-invocation';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import type { FailureChannel } from '../shared/reject-event';
import type { LambdaHandler } from '../shared/lambda-handler';

/** Everything the processor uses, created once per container. */
export interface OrgEventsProcessorDependencies extends FailureChannel {
  /** Deployed: the stored directory view; tests and tools may read Identity Center live. */
  readonly process: GovernanceEventDependencies;
  /**
   * The product's own roles: their policy and assignment calls are ignored (`OwnChange`).
   * @default none (every such call counts as a change made by hand)
   */
  readonly productRoleArns?: readonly string[];
}

/** What one invocation did (the function's result, also logged). */
export interface ProcessedEventSummary {
  readonly eventId: string | null;
  readonly ignored: string | null;
  readonly enqueued: number;
  readonly skipped: number;
}

/** The Lambda handler of the Organizations EventBridge rules. */
export type OrgEventsProcessorHandler = LambdaHandler<unknown, ProcessedEventSummary>;

/** A processing failure is logged; one that retrying will not cure also goes to the failure topic. */
const PROCESSING_FAILURE: EventFailurePolicy = {
  message: 'event processing failed',
  kind: 'ProcessingFailed',
  prefix: 'failed',
  reports: (error: unknown) => !isRetryable(error),
};

/**
 * The org events processor: parse the raw EventBridge event (`parseGovernanceEvent`: the
 * Organizations events, and policy and assignment changes, new groups, users and permission sets)
 * → `processGovernanceEvent` (re-read the account, plan, enqueue, audit; a change made by hand is
 * also audited with who made it, alerted and counted in `OutOfBandChanges`). Ignored events are logged and audited with their
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
  const parse = (event: unknown) =>
    parseGovernanceEvent(event, { productRoleArns: deps.productRoleArns ?? [] });
  return createEventHandler(deps, PROCESSING_FAILURE, parse, async ({ outcome, eventId }) => {
    const result = await processGovernanceEvent(outcome, deps.process);
    emitPlanMetrics(metrics, result.plan, result.enqueued, result.lagSeconds);
    if (result.outOfBand !== null) metrics.count(METRIC_NAMES.outOfBandChanges, 1);
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
  });
}
