import type { ChangeEvent } from '../domain/change-event';
import type { DomainEvent, IgnoreReason } from '../domain/domain-event';

/** A valid event the product deliberately does nothing with, and why. */
export interface IgnoredEvent {
  /** Why it is ignored. */
  readonly ignored: IgnoreReason;
  /** Human-readable detail, e.g. `resource ou-ab12-11111111 is not an account`. */
  readonly detail: string;
}

/** What a validated raw event maps to: a domain event, or a reason to ignore it. */
export type MappedEvent = DomainEvent | IgnoredEvent;

/** What a validated change event maps to: a change event, or a reason to ignore it. */
export type MappedChange = ChangeEvent | IgnoredEvent;

/**
 * `true` when `mapped` is an {@link IgnoredEvent}.
 *
 * @example
 * ```ts
 * if (isIgnoredEvent(mapped)) console.log(mapped.ignored);
 * ```
 */
export function isIgnoredEvent(mapped: MappedEvent | MappedChange): mapped is IgnoredEvent {
  return 'ignored' in mapped;
}
