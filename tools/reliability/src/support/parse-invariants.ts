import {
  DOMAIN_EVENT_TYPES,
  EventError,
  IGNORE_REASONS,
  describeOutcome,
  parse,
  parseOrgEvent,
  type ParseOutcome,
} from '@org/event-schemas';

/** A stack frame as V8 prints it: what users must never see. */
export const STACK_FRAME = /\n\s+at .+[(:]\d+/;

/**
 * The first character a terminal or log viewer acts on instead of showing — C0 controls (LF
 * included), DEL, C1, U+2028/9, bidi overrides and isolates — or `undefined`. Parser messages are
 * single lines, so none may appear raw in them.
 */
export function rawControlIn(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const unsafe =
      code <= 0x1f ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    if (unsafe) return ch;
  }
  return undefined;
}

/** Longest message the parser may produce for any input (ids and details are cut). */
const MAX_MESSAGE_LENGTH = 4096;

/** Throws `message` when `condition` is false (usable inside fast-check properties). */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Asserts that `outcome` is one of the three documented kinds and well formed: a domain event of a
 * known type, an ignored outcome with a known reason, or an `EventError` (code
 * `EVENT_MALFORMED`) with at least one issue, each at a JSON path from `$`, and a message with no
 * stack trace. What `describeOutcome` shows (the event summary, the ignored detail or the error
 * message) is one bounded line with no raw control character, whatever the event holds.
 */
export function checkOutcome(outcome: ParseOutcome): void {
  const shown = describeOutcome(outcome);
  check(rawControlIn(shown) === undefined, `raw control character in ${JSON.stringify(shown)}`);
  check(shown.length <= MAX_MESSAGE_LENGTH, `message of ${shown.length} characters`);
  switch (outcome.kind) {
    case 'event':
      check(DOMAIN_EVENT_TYPES.includes(outcome.event.type), `unknown type ${outcome.event.type}`);
      check(typeof outcome.event.meta.eventId === 'string', 'event without meta.eventId');
      return;
    case 'ignored':
      check(IGNORE_REASONS.includes(outcome.reason), `unknown ignore reason ${outcome.reason}`);
      check(typeof outcome.detail === 'string', 'ignored outcome without detail');
      return;
    case 'error': {
      const { error } = outcome;
      check(error instanceof EventError, 'error outcome without an EventError');
      check(error.code === 'EVENT_MALFORMED', `unexpected code ${error.code}`);
      check(error.issues.length > 0, 'EventError without issues');
      for (const issue of error.issues) {
        check(issue.path.startsWith('$'), `issue path ${issue.path} does not start with $`);
        check(issue.expected.length > 0, `issue at ${issue.path} says nothing`);
      }
      check(!STACK_FRAME.test(error.message), `stack trace in message: ${error.message}`);
      return;
    }
    default:
      throw new Error(`unknown outcome kind ${JSON.stringify(outcome)}`);
  }
}

/**
 * The fuzzing contract of the parser for one raw value: `parseOrgEvent` never throws and returns
 * a well-formed outcome ({@link checkOutcome}); the throwing
 * `parse` throws an `EventError` exactly when the outcome is an error, and otherwise returns
 * an outcome of the same kind.
 *
 * @returns the outcome, for further checks.
 */
export function checkParserContract(raw: unknown): ParseOutcome {
  const outcome = parseOrgEvent(raw);
  checkOutcome(outcome);
  let thrown: unknown = undefined;
  let returned: ParseOutcome | undefined;
  try {
    returned = parse(raw);
  } catch (error) {
    thrown = error;
  }
  if (outcome.kind === 'error') {
    check(thrown instanceof EventError, `parse threw ${String(thrown)} instead of an EventError`);
    check(thrown.message === outcome.error.message, 'parse and parseOrgEvent disagree');
  } else {
    check(thrown === undefined, `parse threw ${String(thrown)} for a ${outcome.kind} outcome`);
    check(returned?.kind === outcome.kind, 'parse and parseOrgEvent disagree on the kind');
  }
  return outcome;
}
