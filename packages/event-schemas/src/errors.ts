import { displayText } from './describe/display-text';
import type { EventIssue } from './domain/parse-result';

/** Base class of every error raised by `@org/event-schemas`; `code` is stable. */
export abstract class EventSchemaError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;
}

/** The longest event id or name the message of an {@link EventError} repeats, in code points. */
const MAX_NAME_IN_MESSAGE = 128;

/**
 * A raw event of a known type is malformed. The message names the event (id and name), the
 * JSON path of each problem and what was expected there — never a stack trace for users. The id
 * and name come from the event, so the message shows them escaped and shortened (`displayText`);
 * the `eventId` and `eventName` properties keep them as received.
 *
 * @example
 * ```ts
 * const outcome = parseOrgEvent(raw);
 * if (outcome.kind === 'error') console.error(outcome.error.message);
 * // Event 10bb9cb3-… (MoveAccount) is malformed: $.detail.requestParameters.accountId: expected a 12-digit AWS account id
 * ```
 */
export class EventError extends EventSchemaError {
  readonly code = 'EVENT_MALFORMED';
  constructor(
    /** EventBridge id of the event, when it could be read. */
    readonly eventId: string | null,
    /** CloudTrail eventName (or detail-type), when it could be read. */
    readonly eventName: string | null,
    /** Every problem found, with its JSON path. */
    readonly issues: readonly EventIssue[],
    /** `cause`: the underlying validation error, kept for debugging. */
    options?: { readonly cause?: unknown },
  ) {
    super(
      `Event ${eventId === null ? '(no id)' : displayText(eventId, MAX_NAME_IN_MESSAGE)} ` +
        `(${eventName === null ? 'unknown' : displayText(eventName, MAX_NAME_IN_MESSAGE)}) is malformed: ` +
        issues.map((i) => `${i.path}: expected ${i.expected}`).join('; '),
      options,
    );
    this.name = 'EventError';
  }
}
