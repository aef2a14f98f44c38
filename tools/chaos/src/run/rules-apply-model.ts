/**
 * What the reference model expects of a `rules apply` round: the accounts the new rules alter,
 * and — when the operator's successful re-run found the rules already saved and so reconciled
 * every account (`resumed`) — that reconcile too.
 */
import type { ModelRound } from '../model/model-round';
import { mergeModelRounds } from '../model/model-round';
import type { ReferenceModel } from '../model/reference-model';

/**
 * The model's round of a rules change. The product's resumed reconcile plans before the queue
 * is drained, so it asks again for every creation the change asked for, including one scripted
 * to end FAILED; the script holds for the whole round, so that request fails too. The model's
 * reconcile pass therefore gets the round's scripted failures (`failing`), not an empty set:
 * with none, it would expect the FAILED creation to take effect in this round.
 *
 * @example
 * ```ts
 * const model = rulesApplyRound(setup.model, round, changed, applied.resumed, script.failingIn(round));
 * ```
 */
export function rulesApplyRound(
  model: Pick<ReferenceModel, 'planReconcile' | 'execute'>,
  round: number,
  changed: ModelRound,
  resumed: boolean,
  failing: ReadonlySet<string>,
): ModelRound {
  if (!resumed) return changed;
  return mergeModelRounds(changed, model.execute(round, model.planReconcile(), failing));
}
