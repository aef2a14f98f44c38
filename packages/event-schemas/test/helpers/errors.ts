import { EventError, parseGovernanceEvent, parseOrgEvent, type EventIssue } from '../../src';
import { fixture } from './fixtures';
import { edit } from './mutate';

/** Edits applied to a fixture: `[path, value]` sets, `[path]` omits. */
export type Edits = ReadonlyArray<readonly [string] | readonly [string, unknown]>;
/** [label, fixture, edits, eventName in the error, expected issues]. */
export type ErrorCase = [string, string, Edits, string | null, EventIssue[]];

/** Expected texts shared by many cases. */
export const ACCOUNT = 'a 12-digit AWS account id';
export const PARENT = 'a root or OU id like r-ab12 or ou-ab12-11111111';
export const OU = 'an OU id like ou-ab12-11111111';

/** Paths shared by many cases. */
export const RP = '$.detail.requestParameters';
export const RE = '$.detail.responseElements';
export const SED = '$.detail.serviceEventDetails';

/** One expected EventIssue. */
export const issue = (path: string, expected: string): EventIssue => ({ path, expected });

/** The parts of an outcome's EventError the tables assert (`parse`: the parser under test). */
export function errorOf(raw: unknown, parse: (raw: unknown) => { kind: string } = parseOrgEvent) {
  const outcome = parse(raw) as ReturnType<typeof parseGovernanceEvent>;
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  const { eventId, eventName, issues, code } = outcome.error;
  return { isEventError: outcome.error instanceof EventError, code, eventId, eventName, issues };
}

/**
 * Runs a table of mutated-fixture cases, asserting the whole EventError of each (`parse`:
 * `parseOrgEvent` unless told; `parseGovernanceEvent` for change events).
 */
export function expectErrors(
  cases: readonly ErrorCase[],
  parse: (raw: unknown) => { kind: string } = parseOrgEvent,
): void {
  it.each(cases)('%s', (_label, name, edits, eventName, issues) => {
    const raw = edit(fixture(name), edits);
    const eventId = typeof raw['id'] === 'string' ? raw['id'] : null;
    expect(errorOf(raw, parse)).toStrictEqual({
      isEventError: true,
      code: 'EVENT_MALFORMED',
      eventId,
      eventName,
      issues,
    });
  });
}
