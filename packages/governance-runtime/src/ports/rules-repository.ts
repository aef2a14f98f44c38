/**
 * Where the deployed system keeps the governance rules (`orgctl rules apply` writes them).
 */
import type { AssignmentRule, GovernanceConfig, PolicyRule, ScpRule } from '@org/scope-engine';

/** A stored configuration with its version (incremented on every save). */
export interface StoredGovernanceConfig {
  readonly config: GovernanceConfig;
  readonly version: number;
  /** ISO 8601 time of the save. */
  readonly updatedAt: string;
}

/** A scope to look rules up by, as in seed 001 (`scopeType` + `scopeValue`). */
export type ScopeLookup =
  | { readonly type: 'root' }
  | { readonly type: 'ou'; readonly id: string }
  | { readonly type: 'account'; readonly id: string }
  /** Rules on this tag key with this value, plus rules on the key with any value. */
  | { readonly type: 'accountTag'; readonly key: string; readonly value?: string };

/** A rule found by scope. */
export type StoredRule =
  | { readonly kind: 'scp'; readonly rule: ScpRule }
  /** A rule of `policyRules` (any policy type). */
  | { readonly kind: 'policy'; readonly rule: PolicyRule }
  | { readonly kind: 'assignment'; readonly rule: AssignmentRule };

/**
 * Stores the rules with optimistic concurrency.
 *
 * @example
 * ```ts
 * const current = await rules.load();
 * await rules.save(config, current?.version ?? 0);
 * const superseded = await rules.loadRecent(); // [{ version: 2, … }, { version: 1, … }]
 * const ouRules = await rules.findByScope({ type: 'ou', id: 'ou-ab12-11111111' });
 * ```
 */
export interface RulesRepository {
  /** The stored configuration, or `null` when none was saved yet. */
  load(): Promise<StoredGovernanceConfig | null>;

  /**
   * The configurations superseded less than the retention period ago (90 minutes by default)
   * that are still stored whole, newest first, each with the version it had while current; the
   * current one is not included. The operations worker reads them only when the current rules do
   * not justify a queued operation: one planned under rules changed since is `Stale`, not forged.
   */
  loadRecent(): Promise<readonly StoredGovernanceConfig[]>;

  /**
   * Replaces the stored configuration. `expectedVersion` (0 = nothing stored yet) guards against
   * concurrent saves: a mismatch throws (code `VersionConflict`). Returns the new version.
   */
  save(config: GovernanceConfig, expectedVersion: number, updatedAt: string): Promise<number>;

  /** Rules whose scope is exactly this one (`ou` lookups do not walk the OU tree). */
  findByScope(scope: ScopeLookup): Promise<readonly StoredRule[]>;
}
