/**
 * The rules table's generations: what the `CONFIG` pointer records about the generation it names
 * (rule count and content hash, so a reader can prove it read that generation whole) and which
 * superseded generations may be deleted (only once no reader can still be reading them).
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { StoredRule } from '@org/governance-runtime';
import { compareStrings, sha256OfCanonicalJson } from '../util';
import { scopeKeyOf } from './scope-keys';

/**
 * Rule items of a generation per `byScope` index partition and value prefix (`=<value>` or `*`):
 * what a complete query of the index returns.
 */
export type ScopeCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** A generation the pointer no longer names, and when it stopped being current. */
export interface RetiredGeneration {
  readonly generation: string;
  /** Epoch milliseconds of the save that superseded it. */
  readonly retiredAt: number;
}

/** The `CONFIG` item: the current generation and what a complete read of it looks like. */
export interface ConfigPointer {
  readonly version: number;
  readonly generation: string;
  readonly updatedAt: string;
  readonly settings: GovernanceConfig['settings'];
  readonly notifications: GovernanceConfig['notifications'];
  /** Rule items in the generation. Absent on pointers written by older versions. */
  readonly ruleCount?: number;
  /** {@link generationDigest} of the generation. Absent on pointers written by older versions. */
  readonly contentHash?: string;
  /** {@link scopeCountsOf} the generation. Absent on pointers written by older versions. */
  readonly scopeCounts?: ScopeCounts;
  /** Superseded generations kept for readers that may still be reading them. */
  readonly retired?: readonly RetiredGeneration[];
}

/**
 * How long a superseded generation is kept by default: a reader reads the pointer, then the
 * generation, within one Lambda invocation (at most 15 minutes); the planners cache what they read
 * for at most 60 minutes; 15 more minutes cover clock skew between the machines that save.
 */
export const DEFAULT_RETIRED_GENERATION_GRACE_MS = (15 + 60 + 15) * 60_000;

/** Orders stored rules by kind, then id: the order of a loaded configuration and of the digest. */
export const byKindThenId = (a: StoredRule, b: StoredRule): number =>
  compareStrings(a.kind, b.kind) || compareStrings(a.rule.id, b.rule.id);

/**
 * SHA-256 of a generation's rules, independent of the order they are given or read in and of the
 * key order DynamoDB returns maps in.
 *
 * @example
 * ```ts
 * generationDigest([{ kind: 'scp', rule }]); // '3f1c…' (64 hex digits)
 * ```
 */
export function generationDigest(rules: readonly StoredRule[]): string {
  return sha256OfCanonicalJson([...rules].sort(byKindThenId));
}

/**
 * Why `rules` is not the generation `pointer` names, or `undefined` when it is (same count, same
 * digest). A pointer without count and hash (an older writer's) cannot be checked here.
 *
 * @example
 * ```ts
 * const problem = generationMismatch(pointer, rulesRead); // 'holds 0 rule item(s), the pointer says 12'
 * ```
 */
export function generationMismatch(
  pointer: Pick<ConfigPointer, 'ruleCount' | 'contentHash'>,
  rules: readonly StoredRule[],
): string | undefined {
  if (pointer.ruleCount === undefined || pointer.contentHash === undefined) return undefined;
  if (rules.length !== pointer.ruleCount) {
    return `holds ${rules.length} rule item(s), the pointer says ${pointer.ruleCount}`;
  }
  return generationDigest(rules) === pointer.contentHash
    ? undefined
    : 'holds rule items whose hash differs from the pointer';
}

/**
 * How many rule items of `rules` each `byScope` partition and value prefix holds.
 *
 * @example
 * ```ts
 * scopeCountsOf(rules); // { root: { '*': 2 }, 'tag#env': { '=prod': 1, '*': 1 } }
 * ```
 */
export function scopeCountsOf(rules: readonly StoredRule[]): ScopeCounts {
  const counts: Record<string, Record<string, number>> = {};
  for (const stored of rules) {
    const { partition, valuePrefix } = scopeKeyOf(stored.rule.scope);
    const byValue = (counts[partition] ??= {});
    byValue[valuePrefix] = (byValue[valuePrefix] ?? 0) + 1;
  }
  return counts;
}

/**
 * How many rule items a complete `byScope` lookup of `partition` returns: the whole partition
 * without sort prefixes, else the items under each `<valuePrefix>#` prefix. `undefined` when
 * the pointer has no counts (an older writer's).
 *
 * @example
 * ```ts
 * expectedScopeCount(pointer.scopeCounts, { partition: 'tag#env', sortPrefixes: ['=prod#', '*#'] }); // 2
 * ```
 */
export function expectedScopeCount(
  counts: ScopeCounts | undefined,
  query: { readonly partition: string; readonly sortPrefixes: readonly string[] },
): number | undefined {
  if (counts === undefined) return undefined;
  const byValue = counts[query.partition] ?? {};
  const prefixes =
    query.sortPrefixes.length === 0
      ? Object.keys(byValue)
      : query.sortPrefixes.map((prefix) => prefix.slice(0, -1));
  return prefixes.reduce((sum, prefix) => sum + (byValue[prefix] ?? 0), 0);
}

/** What a save does with the generations the previous pointer knew. */
export interface RetirementPlan {
  /** Superseded long enough ago that no reader can still be reading them: delete. */
  readonly expired: readonly RetiredGeneration[];
  /** Still within the grace period (including the generation this save supersedes): keep. */
  readonly kept: readonly RetiredGeneration[];
}

/**
 * Splits the generations a save leaves behind into those to delete now and those to keep listed
 * on the new pointer. The generation being superseded is always kept: a reader may have read the
 * previous pointer a moment ago.
 *
 * @example
 * ```ts
 * const { expired, kept } = planRetirement(previousPointer, Date.now(), DEFAULT_RETIRED_GENERATION_GRACE_MS);
 * ```
 */
export function planRetirement(
  previous: ConfigPointer | null,
  now: number,
  graceMs: number,
): RetirementPlan {
  if (previous === null) return { expired: [], kept: [] };
  const listed = previous.retired ?? [];
  return {
    expired: listed.filter((retired) => now - retired.retiredAt >= graceMs),
    kept: [
      ...listed.filter((retired) => now - retired.retiredAt < graceMs),
      { generation: previous.generation, retiredAt: now },
    ],
  };
}
