/**
 * The rules table's generations: what the `CONFIG` pointer records about the generation it names
 * (rule count and content hash, so a reader can prove it read that generation whole) and which
 * superseded generations may be deleted (only once no reader can still be reading them).
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { StoredRule } from '@org/governance-runtime';
import { compareStrings, sha256OfCanonicalJson } from '../util';

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
  pointer: ConfigPointer,
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
