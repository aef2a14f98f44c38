import type { EventMeta } from '@org/event-schemas';

/**
 * Event metadata for `eventName`, as a test or a generated event needs it: a fixed id, time and
 * region, so plans built from it compare equal.
 *
 * @example
 * ```ts
 * const event = { type: 'AccountJoined', accountId: '222222222222', meta: eventMeta('AcceptHandshake') };
 * ```
 */
export function eventMeta(eventName: string, source = 'aws.organizations'): EventMeta {
  return {
    eventId: '00000000-0000-0000-0000-000000000000',
    source,
    detailType: 'AWS API Call via CloudTrail',
    eventName,
    time: '2026-11-01T10:00:00Z',
    region: 'us-east-1',
  };
}
