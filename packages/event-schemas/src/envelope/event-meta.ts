import type { EventMeta } from '../domain/domain-event';
import type { EventBridgeEnvelope } from './eventbridge-envelope';

/**
 * The {@link EventMeta} of a validated event: where it came from, for audit and logs.
 *
 * @example
 * ```ts
 * eventMeta(moveAccountEvent, 'MoveAccount').eventId; // '10bb9cb3-…'
 * ```
 */
export function eventMeta(event: EventBridgeEnvelope, eventName: string): EventMeta {
  return {
    eventId: event.id,
    source: event.source,
    detailType: event['detail-type'],
    eventName,
    time: event.time,
    region: event.region,
  };
}
