import { sameGovernanceConfig } from '@org/scope-engine';
import type { GovernanceConfig } from '@org/scope-engine';
import { computeDesiredState } from '@org/scope-engine';
import type { RulesRepository } from '../ports/rules-repository';
import { readFullSnapshot } from '../state/read-full-snapshot';
import {
  finishReconcile,
  keepDirectoryView,
  type ReconcileDependencies,
  type ReconcileOptions,
  type ReconcileResult,
} from './reconcile';
import { tagTrustEnabled, withTagLedger } from '../tag-trust/tag-ledger-reads';

/** The ports {@link applyRules} uses: a reconcile's, plus the rules table itself. */
export interface ApplyRulesDependencies extends Omit<ReconcileDependencies, 'rules'> {
  readonly rulesRepository: Pick<RulesRepository, 'load' | 'save'>;
}

/** What applying rules did. */
export interface ApplyRulesResult extends ReconcileResult {
  /** The stored version before, and after the save (unchanged on a dry run). */
  readonly previousVersion: number;
  readonly version: number;
  /** Accounts whose desired state differs between the old and the new rules. */
  readonly changedAccountIds: readonly string[];
  /**
   * The rules were stored already (a re-run after a failure, e.g. the queue throttled after the
   * save): nothing was saved, and every account was reconciled against them, because which
   * accounts the original change altered can no longer be told.
   */
  readonly resumed: boolean;
}

/** Both configurations' rules, so the snapshot resolves every principal either one names. */
function unionForReading(
  previous: GovernanceConfig | null,
  next: GovernanceConfig,
): GovernanceConfig {
  if (previous === null) return next;
  return { ...next, assignmentRules: [...previous.assignmentRules, ...next.assignmentRules] };
}

/**
 * `orgctl rules apply` (the seed's account assignment life cycle): store a validated
 * configuration in the rules table (optimistic concurrency on its version) and the directory
 * view it read (when the deps keep one, so events use the new rules' principals at once), then
 * reconcile only the accounts whose desired state the change altered. A dry run stores nothing
 * and enqueues nothing but reports the same plan. Applying the rules already stored (a re-run
 * after a failure past the save, or a lost response of the save) stores nothing and reconciles
 * every account, so no change of the interrupted run is left unapplied.
 *
 * @example
 * ```ts
 * const result = await applyRules(parseGovernanceConfig(yaml), deps, { runId: 'rules-apply-1' });
 * console.log(`v${result.version}: ${result.changedAccountIds.length} accounts, ${result.driftCount} operations`);
 * ```
 */
export async function applyRules(
  config: GovernanceConfig,
  deps: ApplyRulesDependencies,
  options: ReconcileOptions & { readonly updatedAt: string },
): Promise<ApplyRulesResult> {
  const stored = await deps.rulesRepository.load();
  const previous = stored?.config ?? null;
  const resumed = previous !== null && sameGovernanceConfig(previous, config);
  const read = await readFullSnapshot(unionForReading(previous, config), deps, options);
  const { departed } = read;
  // The ledger when either configuration trusts only some taggers (both desired states use it).
  const trusting = previous !== null && tagTrustEnabled(previous) ? previous : config;
  const snapshot = await withTagLedger(read.snapshot, trusting, deps.tagLedger, 'all');
  const dryRun = options.dryRun ?? false;
  // Both configurations' principals: events planned before and after the save resolve theirs.
  if (!dryRun) await keepDirectoryView(deps, snapshot);
  const after = computeDesiredState(snapshot, config);
  const before = previous === null ? null : computeDesiredState(snapshot, previous);
  const changedAccountIds = after
    .filter(
      (state, index) => before === null || JSON.stringify(state) !== JSON.stringify(before[index]),
    )
    .map((state) => state.accountId);
  const previousVersion = stored?.version ?? 0;
  const version =
    dryRun || resumed
      ? previousVersion
      : await deps.rulesRepository.save(config, previousVersion, options.updatedAt);
  const candidates = resumed ? snapshot.accounts.map((account) => account.id) : changedAccountIds;
  const scope =
    options.accountIds === undefined
      ? candidates
      : candidates.filter((id) => options.accountIds?.includes(id));
  const result = await finishReconcile(
    deps,
    options,
    snapshot,
    config,
    scope,
    departed.map((state) => state.accountId),
  );
  return { ...result, previousVersion, version, changedAccountIds, resumed };
}
