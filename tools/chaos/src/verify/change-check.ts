/**
 * Expected changes against what happened: per round, every change the reference model applied
 * must be applied per the audit log (`applied`, or `alreadyInState` after a crash or a lost
 * response, or `Stale` — the level-triggered worker found the desired state already holding,
 * e.g. a redelivered message whose first copy took effect before a crash) and must have taken
 * effect exactly once at the edge. An expected change that never took effect is lost: the
 * desired state was not reached, whatever the audit log says.
 */
import type { ModelRound } from '../model/model-round';
import type { ExactlyOnceVerdict } from './exactly-once-verdict';
import type { OutcomesByRound } from './round-audit';

/** Audit outcomes that account for an expected change that took effect. */
const ACCOUNTED: ReadonlySet<string> = new Set(['applied', 'alreadyInState', 'Stale']);

/**
 * The verdict on changes of the organization: `lost` as `round <n>: <key> (<why>)`, `duplicates`
 * as `round <n>: <key> took effect <k>×` (a change taking effect more than once in a round counts
 * once per extra time), `unexpected`: changes that took effect although the model did not expect
 * them.
 */
export interface ChangeVerdict extends ExactlyOnceVerdict {
  readonly applied: number;
}

/**
 * Compares the model's rounds with the audit outcomes and the edge's effective changes.
 *
 * @example
 * ```ts
 * const verdict = checkChanges(modelRounds, operationOutcomes(entries, windows), (r) => ledger.effectiveChanges(r));
 * verdict.lost; // []
 * ```
 */
export function checkChanges(
  rounds: readonly ModelRound[],
  outcomes: OutcomesByRound,
  effective: (round: number) => ReadonlyMap<string, number>,
): ChangeVerdict {
  let expected = 0;
  let applied = 0;
  const lost: string[] = [];
  let duplicated = 0;
  const duplicates: string[] = [];
  const unexpected: string[] = [];
  for (const model of rounds) {
    const audited = outcomes.get(model.round) ?? new Map<string, readonly string[]>();
    const effects = effective(model.round);
    for (const key of model.changes.keys()) {
      expected += 1;
      const seen = audited.get(key) ?? [];
      const inAudit = seen.some((outcome) => ACCOUNTED.has(outcome));
      const times = effects.get(key) ?? 0;
      if (inAudit && times >= 1) applied += 1;
      else {
        lost.push(
          `round ${model.round}: ${key} (audit: ${seen.join('/') || 'nothing'}, took effect ${times}×)`,
        );
      }
    }
    for (const [key, times] of effects) {
      if (times > 1) {
        duplicated += times - 1;
        duplicates.push(`round ${model.round}: ${key} took effect ${times}×`);
      }
      if (!model.changes.has(key)) {
        unexpected.push(`round ${model.round}: ${key} took effect ${times}× (not expected)`);
      }
    }
  }
  return { expected, applied, lost, duplicated, duplicates, unexpected };
}
