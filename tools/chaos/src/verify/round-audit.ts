/**
 * Audit entries bucketed by round (by their time: rounds run one after the other, each drained
 * before the next starts) and by operation key.
 */
import type { AuditOutcome, StoredAuditEntry } from '@org/governance-runtime';
import { operationKey } from '../edge/operation-key';

/** When a round ran, on the chaos clock (epoch milliseconds, end exclusive). */
export interface RoundWindow {
  readonly round: number;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * What an operation entry says happened: its outcome, or `Stale` / `NotJustified` when the
 * level-triggered worker did not execute it (spelled as an outcome or in the detail).
 */
export type OutcomeLabel = AuditOutcome | 'Stale' | 'NotJustified';

/** Outcomes of operation entries: round → operation key → outcomes seen. */
export type OutcomesByRound = ReadonlyMap<number, ReadonlyMap<string, readonly OutcomeLabel[]>>;

/**
 * The label of an entry's outcome.
 *
 * @example
 * ```ts
 * outcomeLabel({ outcome: 'skipped', detail: 'Stale: the account is no longer tagged prod' }); // 'Stale'
 * ```
 */
export function outcomeLabel(entry: Pick<StoredAuditEntry, 'outcome' | 'detail'>): OutcomeLabel {
  const said = `${entry.outcome} ${entry.detail ?? ''}`;
  if (/not ?justified/i.test(said)) return 'NotJustified';
  if (/^stale\b/i.test(entry.outcome) || /^stale\b/i.test(entry.detail ?? '')) return 'Stale';
  return entry.outcome;
}

/**
 * The round an instant belongs to, or `null` outside every window.
 *
 * @example
 * ```ts
 * roundAt([{ round: 1, startMs: 0, endMs: 10 }], 5); // 1
 * ```
 */
export function roundAt(windows: readonly RoundWindow[], ms: number): number | null {
  return windows.find((w) => ms >= w.startMs && ms < w.endMs)?.round ?? null;
}

/**
 * Outcomes of the `operation` entries per round and key.
 *
 * @example
 * ```ts
 * operationOutcomes(entries, windows).get(3)?.get('attachPolicy#111122223333#p-1'); // ['applied']
 * ```
 */
export function operationOutcomes(
  entries: readonly StoredAuditEntry[],
  windows: readonly RoundWindow[],
): OutcomesByRound {
  const byRound = new Map<number, Map<string, OutcomeLabel[]>>();
  for (const entry of entries) {
    if (entry.type !== 'operation' || entry.operation === undefined) continue;
    const key = operationKey(entry.operation);
    const round = roundAt(windows, Date.parse(entry.at));
    if (key === null || round === null) continue;
    const byKey = byRound.get(round) ?? new Map<string, OutcomeLabel[]>();
    byKey.set(key, [...(byKey.get(key) ?? []), outcomeLabel(entry)]);
    byRound.set(round, byKey);
  }
  return byRound;
}
