import type { EventMeta } from '../../src';
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
