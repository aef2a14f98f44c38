import { parseGovernanceEvent, type GovernanceParseOutcome } from '@org/event-schemas';
import { InputError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { jsonTooDeepAt, MAX_EVENT_DEPTH } from './json-depth';
import { readInputFile } from './read-input-file';

/**
 * Reads `--event` (one raw EventBridge event, JSON) and parses it into a domain event, a change
 * event (a policy or assignment changed by hand, a new group, user or permission set) or an
 * ignored outcome; a change made by one of `productRoleArns` (an assumed-role session of one
 * included) is ignored `OwnChange`. Bad JSON or a malformed event of a known type is an {@link InputError} that
 * names the event, each JSON path and what was expected there; JSON nested more than
 * {@link MAX_EVENT_DEPTH} levels is refused before it is parsed.
 */
export function loadEvent(
  io: CliIo,
  path: string,
  productRoleArns: readonly string[] = [],
): Exclude<GovernanceParseOutcome, { kind: 'error' }> {
  const text = readInputFile(io, '--event', path);
  const deepAt = jsonTooDeepAt(text);
  if (deepAt !== undefined) {
    throw new InputError(
      `${path} is nested more than ${MAX_EVENT_DEPTH} levels deep at line ${deepAt} (refused before parsing)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path} is not valid JSON: ${message}`, [], { cause: error });
  }
  const outcome = parseGovernanceEvent(raw, { productRoleArns });
  if (outcome.kind === 'error') {
    const { eventId, eventName, issues } = outcome.error;
    const noun = issues.length === 1 ? 'problem' : 'problems';
    throw new InputError(
      `${path}: event ${eventId ?? '(no id)'} (${eventName ?? 'unknown'}) is malformed: ${issues.length} ${noun}`,
      issues.map((i) => `${i.path}: expected ${i.expected}`),
      { cause: outcome.error },
    );
  }
  return outcome;
}
