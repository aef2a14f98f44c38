/**
 * The events the use-case specs feed the processor: the metadata of an Organizations API call
 * (the EventBridge envelope of an Organizations CloudTrail record is `organizationsEvent` of
 * `@org/scope-engine/testing`).
 */
import type { EventMeta } from '@org/event-schemas';

/**
 * The metadata of an Organizations API call `eventName` (id `evt-<eventName>`, us-east-1, at the
 * epoch), with `overrides` applied.
 *
 * @example
 * ```ts
 * eventMeta('DeleteAccountAssignment', { source: 'aws.sso' });
 * ```
 */
export function eventMeta(eventName: string, overrides: Partial<EventMeta> = {}): EventMeta {
  return {
    eventId: `evt-${eventName}`,
    source: 'aws.organizations',
    detailType: 'AWS API Call via CloudTrail',
    eventName,
    time: '1970-01-01T00:00:00Z',
    region: 'us-east-1',
    ...overrides,
  };
}
