import type { AcceptedOutcome } from '../domain/parse-result';
import { parseOrgEvent } from './parse-org-event';

/**
 * Like {@link parseOrgEvent}, but THROWS the {@link EventError} of a malformed event instead of
 * returning it — for Lambda handlers, where a throw sends the record to the DLQ and the failure
 * topic. Returns the domain event outcome or the ignored outcome.
 *
 * @throws {@link EventError} when the event is of a known type but malformed.
 * @example
 * ```ts
 * const outcome = parse(record); // throws EventError on a malformed event
 * if (outcome.kind === 'ignored') return;
 * await processEvent(outcome.event);
 * ```
 */
export function parse(raw: unknown): AcceptedOutcome {
  const outcome = parseOrgEvent(raw);
  if (outcome.kind === 'error') throw outcome.error;
  return outcome;
}
