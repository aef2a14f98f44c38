/**
 * `orgctl rules apply` as an operator runs it: again after a minute when it fails, up to five
 * times.
 */
import { type GovernanceConfig } from '@org/scope-engine';
import { applyRules, describeError } from '@org/governance-runtime';
import { rulesApplyDependencies, type RulesApplyTarget } from '../deployment/rules-apply';
import { ASYNC_RETRY_DELAYS_MS } from '../runtime/event-bus';

/** How often the operator runs `orgctl rules apply` before giving up. */
export const RULES_APPLY_ATTEMPTS = 5;

/** The errors of the failed attempts; `gaveUp` when none succeeded. */
export interface RulesApplyOutcome {
  readonly errors: readonly string[];
  readonly gaveUp: boolean;
  /**
   * The successful attempt found the rules stored already (an earlier attempt failed after its
   * save) and so reconciled every account (`ApplyRulesResult.resumed`).
   */
  readonly resumed: boolean;
}

/**
 * Applies `config` like an operator would.
 *
 * @example
 * ```ts
 * const { gaveUp } = await applyRulesChange(config, 'rules-apply-3', setup.rulesApply);
 * ```
 */
export async function applyRulesChange(
  config: GovernanceConfig,
  runId: string,
  target: RulesApplyTarget,
): Promise<RulesApplyOutcome> {
  const errors: string[] = [];
  for (let attempt = 1; attempt <= RULES_APPLY_ATTEMPTS; attempt += 1) {
    try {
      const result = await applyRules(config, rulesApplyDependencies(target), {
        runId,
        updatedAt: new Date(target.clock.now()).toISOString(),
      });
      return { errors, gaveUp: false, resumed: result.resumed };
    } catch (error) {
      errors.push(describeError(error));
      if (attempt < RULES_APPLY_ATTEMPTS) {
        await target.clock.sleep(ASYNC_RETRY_DELAYS_MS[0] ?? 60_000);
      }
    }
  }
  return { errors, gaveUp: true, resumed: false };
}
