import type { IgnoreReason } from '../domain/domain-event';
import type { EventIssue, ParseOutcome } from '../domain/parse-result';
import { displayText } from '../describe/display-text';
import { EventError } from '../errors';
import { isIgnoredEvent } from '../schemas/mapped-event';
import type { HandledEvent } from './event-handler';

/** The longest `detail` of an ignored outcome, in code points (see {@link displayText}). */
const MAX_DETAIL_LENGTH = 512;

/**
 * Builds an `ignored` outcome. Its `detail` quotes values of the event (source, names, error
 * messages), so it is made safe to display: control characters escaped, length bounded.
 */
export function ignoredOutcome(
  reason: IgnoreReason,
  eventId: string | null,
  eventName: string | null,
  detail: string,
): ParseOutcome {
  return {
    kind: 'ignored',
    reason,
    eventId,
    eventName,
    detail: displayText(detail, MAX_DETAIL_LENGTH),
  };
}

/** Builds an `error` outcome carrying an {@link EventError}. */
export function errorOutcome(
  eventId: string | null,
  eventName: string | null,
  issues: readonly EventIssue[],
  cause?: unknown,
): ParseOutcome {
  return { kind: 'error', error: new EventError(eventId, eventName, issues, { cause }) };
}

/** Turns a handler's result into a {@link ParseOutcome}. */
export function handledOutcome(
  handled: HandledEvent,
  eventId: string | null,
  eventName: string,
): ParseOutcome {
  if (!handled.ok) return errorOutcome(eventId, eventName, handled.issues, handled.cause);
  const { mapped } = handled;
  if (isIgnoredEvent(mapped))
    return ignoredOutcome(mapped.ignored, eventId, eventName, mapped.detail);
  return { kind: 'event', event: mapped };
}
