/**
 * The operation log: every event, plan and operation result, for audit.
 */
import type { Operation } from '@org/scope-engine';

/** What an audit entry is about. */
export type AuditEntryType = 'event' | 'plan' | 'operation' | 'notification' | 'reconcile';

/** How it ended. */
export type AuditOutcome =
  | 'received'
  | 'planned'
  | 'ignored'
  | 'skipped'
  /** A detach or delete held back: the run's plan exceeds `settings.maxDestructiveOperations`. */
  | 'held'
  /** Planned but not enqueued: the pause switch was on. */
  | 'paused'
  | 'applied'
  | 'alreadyInState'
  | 'inProgress'
  | 'failed'
  /** The worker did nothing: the current desired state no longer asks for the operation. */
  | 'stale'
  /** The worker refused the operation: no current rule could have asked for it. */
  | 'notJustified';

/** One audit log entry. */
export interface AuditEntry {
  /** EventBridge event id, or a reconcile run id. */
  readonly eventId: string;
  readonly type: AuditEntryType;
  /** ISO 8601 time the entry describes. */
  readonly at: string;
  readonly accountId: string | null;
  readonly outcome: AuditOutcome;
  /** Rule ids involved (sorted). */
  readonly ruleIds: readonly string[];
  /** The operation, for `operation` / `notification` entries. */
  readonly operation?: Operation;
  /** Counts for `plan` / `reconcile` entries. */
  readonly planSummary?: { readonly operations: number; readonly skipped: number };
  /** Free text: ignore reason, failure reason, request id. */
  readonly detail?: string;
}

/** A stored entry with its expiry (epoch seconds; entries vanish after it). */
export type StoredAuditEntry = AuditEntry & { readonly expiresAt: number };

/**
 * Append-only audit log. Retention is the implementation's configuration.
 *
 * @example
 * ```ts
 * await audit.append({ eventId, type: 'event', at: now, accountId, outcome: 'received', ruleIds: [] });
 * ```
 */
export interface AuditLog {
  /** Appends one entry. */
  append(entry: AuditEntry): Promise<void>;

  /** Every entry of an event (or reconcile run), oldest first. */
  listByEvent(eventId: string): Promise<readonly StoredAuditEntry[]>;
}
