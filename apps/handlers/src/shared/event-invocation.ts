import type { GovernanceParseOutcome } from '@org/event-schemas';
import { describeError, type FailureReport } from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import { deliveryLeaseMs } from './delivery-lease';
import type { LambdaHandler } from './lambda-handler';
import { rawEventId } from './event-id';
import { type FailureChannel, outcomeAccountId, rejectMalformedEvent } from './reject-event';
import { reportFailure } from './report-failure';

/** A parser outcome that is not an error. */
type AcceptedGovernanceOutcome = Exclude<GovernanceParseOutcome, { kind: 'error' }>;

/** One parsed (not malformed) event under way, and what its reports are keyed by. */
export interface EventInvocation<Outcome extends AcceptedGovernanceOutcome> {
  readonly outcome: Outcome;
  /** The event's id (also the log correlation id); `null` when it has none. */
  readonly eventId: string | null;
  /** How long a once-only delivery of this invocation may stay in progress. */
  readonly leaseMs: number;
}

/** How an event handler reports a failure of a parsed event. */
export interface EventFailurePolicy {
  /** Logged with the error, e.g. `event processing failed`. */
  readonly message: string;
  readonly kind: FailureReport['kind'];
  /** The once-only key's prefix: the report is made once per `${prefix}#${eventId}`. */
  readonly prefix: string;
  /** Whether the error is reported (it is rethrown either way). @default every error */
  readonly reports?: (error: unknown) => boolean;
}

/**
 * Runs one invocation of an EventBridge event handler: parses the raw event with `parse`
 * (`parseOrgEvent`, or `parseGovernanceEvent` for the processor), keys the logs by
 * its id, rejects a malformed event ({@link rejectMalformedEvent}), runs `handle` on a parsed
 * one, and reports a failure of it (once per event, as `failure` says) before rethrowing it, so
 * Lambda retries and then dead-letters the event. Metrics are flushed and the log key removed
 * whatever happens.
 *
 * @example
 * ```ts
 * return runEventInvocation(deps, raw, context, { message: 'notification failed', kind: 'NotificationFailed', prefix: 'notify' }, async ({ outcome }) => notify(outcome), parseOrgEvent);
 * ```
 */
export async function runEventInvocation<Result, Outcome extends AcceptedGovernanceOutcome>(
  channel: FailureChannel,
  raw: unknown,
  context: Context,
  failure: EventFailurePolicy,
  handle: (invocation: EventInvocation<Outcome>) => Promise<Result>,
  parse: (raw: unknown) => Outcome | Extract<GovernanceParseOutcome, { kind: 'error' }>,
): Promise<Result> {
  const { logger, metrics } = channel.observability;
  const leaseMs = deliveryLeaseMs(context);
  const outcome = parse(raw);
  const eventId =
    outcome.kind === 'event' || outcome.kind === 'change'
      ? outcome.event.meta.eventId
      : rawEventId(raw);
  logger.appendKeys({ correlationId: eventId });
  try {
    if (outcome.kind === 'error') {
      return await rejectMalformedEvent(channel, outcome.error, eventId, leaseMs);
    }
    try {
      return await handle({ outcome, eventId, leaseMs });
    } catch (error) {
      logger.error(failure.message, { error });
      if (failure.reports?.(error) ?? true) {
        await reportFailure(
          channel.failures,
          channel.markers,
          `${failure.prefix}#${eventId ?? 'unknown'}`,
          {
            kind: failure.kind,
            eventId,
            accountId: outcomeAccountId(outcome),
            reason: describeError(error),
          },
          leaseMs,
        );
      }
      throw error;
    }
  } finally {
    metrics.flush();
    logger.removeKeys(['correlationId']);
  }
}

/**
 * The Lambda handler of an EventBridge event function: each invocation runs
 * {@link runEventInvocation} with this `failure` policy, `parse` and `handle` — the one shape of
 * the processor and the notifier.
 *
 * @example
 * ```ts
 * return createEventHandler(deps, NOTIFICATION_FAILURE, parseOrgEvent, async ({ outcome }) => notify(outcome));
 * ```
 */
export function createEventHandler<Result, Outcome extends AcceptedGovernanceOutcome>(
  channel: FailureChannel,
  failure: EventFailurePolicy,
  parse: (raw: unknown) => Outcome | Extract<GovernanceParseOutcome, { kind: 'error' }>,
  handle: (invocation: EventInvocation<Outcome>) => Promise<Result>,
): LambdaHandler<unknown, Result> {
  return (raw, context) => runEventInvocation(channel, raw, context, failure, handle, parse);
}
