/**
 * The audit log read back per round: every entry of the round's events (and of its rules-apply or
 * reconcile run), with a fault-free client.
 */
import type { AuditLog, StoredAuditEntry } from '@org/governance-runtime';

/** A round's audit entries. */
export interface RoundAudit {
  readonly round: number;
  readonly entries: readonly StoredAuditEntry[];
}

/**
 * Reads the entries of each round's event ids.
 *
 * @example
 * ```ts
 * const trail = await readAuditTrail(audit, new Map([[1, ['event-1', 'event-2']]]));
 * ```
 */
export async function readAuditTrail(
  audit: Pick<AuditLog, 'listByEvent'>,
  eventIdsByRound: ReadonlyMap<number, readonly string[]>,
): Promise<RoundAudit[]> {
  const rounds: RoundAudit[] = [];
  for (const [round, eventIds] of eventIdsByRound) {
    const entries: StoredAuditEntry[] = [];
    for (const eventId of new Set(eventIds)) entries.push(...(await audit.listByEvent(eventId)));
    rounds.push({ round, entries });
  }
  return rounds.sort((a, b) => a.round - b.round);
}
