import type { EventError, GovernanceParseOutcome } from '@org/event-schemas';
import type { DeliveryMarkers, FailureReporter } from '@org/governance-runtime';
import { METRIC_NAMES } from '@org/contracts';
import { emitCounts, type Observability } from './observability/observability';
import { reportFailure } from './report-failure';

/** Where an event handler reports its failures, and the markers that make a report once-only. */
export interface FailureChannel {
  readonly failures: FailureReporter;
  /** Markers so a failure is reported once, not once per async retry. @default none */
  readonly markers?: DeliveryMarkers;
  readonly observability: Observability;
}

/**
 * Rejects a malformed event: counts it by event name, logs its issues, reports an
 * `EventRejected` failure (once per event id) and rethrows the parse error, so the asynchronous
 * invocation fails and Lambda retries, then dead-letters it.
 *
 * @example
 * ```ts
 * if (outcome.kind === 'error') await rejectMalformedEvent(deps, outcome.error, eventId, leaseMs);
 * ```
 */
export async function rejectMalformedEvent(
  channel: FailureChannel,
  error: EventError,
  eventId: string | null,
  leaseMs: number,
): Promise<never> {
  const { logger, metrics } = channel.observability;
  emitCounts(metrics, METRIC_NAMES.eventsRejected, 'eventName', {
    [error.eventName ?? 'unknown']: 1,
  });
  logger.error('malformed event rejected', { error: error.message, issues: error.issues });
  await reportFailure(
    channel.failures,
    channel.markers,
    `rejected#${eventId ?? 'unknown'}`,
    { kind: 'EventRejected', eventId, accountId: null, reason: error.message },
    leaseMs,
  );
  throw error;
}

/**
 * The account a parsed event is about, for a failure report; `null` for ignored or malformed
 * events and events without an account.
 *
 * @example
 * ```ts
 * const accountId = outcomeAccountId(parseOrgEvent(raw));
 * ```
 */
export function outcomeAccountId(outcome: GovernanceParseOutcome): string | null {
  return (outcome.kind === 'event' || outcome.kind === 'change') && 'accountId' in outcome.event
    ? outcome.event.accountId
    : null;
}
