import type { EventMeta, GovernanceParseOutcome, IgnoreReason } from '../../src';
import { fixture } from './fixtures';

/** The EventMeta a fixture must produce, read straight from its JSON envelope. */
export function metaOf(name: string, eventName: string): EventMeta {
  const raw = fixture(name);
  return {
    eventId: raw['id'] as string,
    source: raw['source'] as string,
    detailType: raw['detail-type'] as string,
    eventName,
    time: raw['time'] as string,
    region: raw['region'] as string,
  };
}

/** The `id` of a fixture (EventError and ignored outcomes name it). */
export function idOf(name: string): string {
  return fixture(name)['id'] as string;
}

/**
 * The outcome of a fixture the parser ignores: its id, the event name and the detail given.
 *
 * @example
 * ```ts
 * ignored('create-policy-unhandled', 'UnhandledEventName', 'CreatePolicy', 'aws.organizations event CreatePolicy is not handled');
 * ```
 */
export function ignored(
  name: string,
  reason: IgnoreReason,
  eventName: string,
  detail: string,
): GovernanceParseOutcome {
  return { kind: 'ignored', reason, eventId: idOf(name), eventName, detail };
}
