import type { DomainEvent, IgnoreReason } from './domain-event';

/** One problem found in a raw event: where (JSON path) and what was expected. */
export interface EventIssue {
  /** JSON path from the event root, e.g. `$.detail.requestParameters.accountId`. */
  readonly path: string;
  /** What was expected there, e.g. `a 12-digit AWS account id`. */
  readonly expected: string;
}

/** The outcome of parsing one raw EventBridge event. */
export type ParseOutcome =
  | { readonly kind: 'event'; readonly event: DomainEvent }
  | {
      readonly kind: 'ignored';
      readonly reason: IgnoreReason;
      readonly eventId: string | null;
      readonly eventName: string | null;
      /** Human-readable detail (e.g. the CloudTrail errorCode). */
      readonly detail: string;
    }
  | { readonly kind: 'error'; readonly error: import('../errors').EventError };

/** A parsed domain event. */
export type EventOutcome = Extract<ParseOutcome, { kind: 'event' }>;

/** A valid event deliberately ignored, with its reason. */
export type IgnoredOutcome = Extract<ParseOutcome, { kind: 'ignored' }>;

/** A malformed event of a known type. */
export type ErrorOutcome = Extract<ParseOutcome, { kind: 'error' }>;

/** What the throwing `parse` returns: a domain event or an ignored outcome. */
export type AcceptedOutcome = EventOutcome | IgnoredOutcome;

/** A parsed change event (a change made outside the product, or a new directory object). */
export interface ChangeOutcome {
  readonly kind: 'change';
  readonly event: import('./change-event').ChangeEvent;
}

/**
 * The outcome of `parseGovernanceEvent`: every {@link ParseOutcome}, plus `change` for the events
 * the planner does not consume yet (policy and assignment changes made by hand, new groups,
 * users and permission sets).
 */
export type GovernanceParseOutcome = ParseOutcome | ChangeOutcome;
