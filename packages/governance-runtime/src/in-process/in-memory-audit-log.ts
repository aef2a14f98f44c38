import type { AuditEntry, AuditLog, StoredAuditEntry } from '../ports/audit-log';

/**
 * An {@link AuditLog} in memory; entries never expire (`expiresAt` is 0).
 *
 * @example
 * ```ts
 * const audit = new InMemoryAuditLog();
 * await audit.append({ eventId: 'e-1', type: 'event', at, accountId: null, outcome: 'received', ruleIds: [] });
 * audit.entries(); // [{ eventId: 'e-1', ... }]
 * ```
 */
export class InMemoryAuditLog implements AuditLog {
  private readonly stored: StoredAuditEntry[] = [];

  /** {@inheritDoc AuditLog.append} */
  async append(entry: AuditEntry): Promise<void> {
    this.stored.push({ ...entry, expiresAt: 0 });
  }

  /** {@inheritDoc AuditLog.listByEvent} */
  async listByEvent(eventId: string): Promise<readonly StoredAuditEntry[]> {
    return this.stored.filter((entry) => entry.eventId === eventId);
  }

  /** Every entry appended so far, oldest first. */
  entries(): readonly StoredAuditEntry[] {
    return [...this.stored];
  }
}
