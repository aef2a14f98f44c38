import type { OrgSnapshot } from '../model/org-snapshot';
import type { Skip } from '../model/plan';
import { TagLedgerIndex, type TagLedgerChange } from './tag-ledger';
import { trustedPrincipalMatcher } from './trusted-principals';

/**
 * Tag trust while planning: the trusted principal patterns and the tag ledger. Planning asks it
 * about each `accountTag` rule that matches an account; an untrusted value gives the rule's one
 * `UntrustedTag` skip instead of its grants.
 *
 * @example
 * ```ts
 * const trust = TagTrust.of(config.settings.trustedTagPrincipals, snapshot);
 * trust?.untrustedSkip('222222222222', 'prod-admins', 'env', 'prod'); // undefined when trusted
 * ```
 */
export class TagTrust {
  /** Whether each `setBy` seen so far is trusted (a ledger repeats a few principals many times). */
  private readonly verdicts = new Map<string, boolean>();

  private constructor(
    private readonly isTrusted: (principalArn: string) => boolean,
    /** The ledger this trust reads. */
    readonly ledger: TagLedgerIndex,
  ) {}

  /**
   * Tag trust for `snapshot` (its `tagLedger`), or `null` when `patterns` is absent or empty:
   * then every tagger is trusted and planning skips no tag.
   */
  static of(patterns: readonly string[] | undefined, snapshot: OrgSnapshot): TagTrust | null {
    if (patterns === undefined || patterns.length === 0) return null;
    return new TagTrust(
      trustedPrincipalMatcher(patterns),
      TagLedgerIndex.of(snapshot.tagLedger ?? []),
    );
  }

  /** The same trust over the ledger after `change` (an event's `TagResource` / `UntagResource`). */
  with(change: TagLedgerChange): TagTrust {
    return new TagTrust(this.isTrusted, this.ledger.with(change));
  }

  /**
   * `undefined` when the value `value` of `key` on `accountId` is trusted; otherwise the
   * `UntrustedTag` skip of rule `ruleId`, whose detail names the tag and who set it (or that the
   * ledger has no entry, or holds another value).
   */
  untrustedSkip(accountId: string, ruleId: string, key: string, value: string): Skip | undefined {
    const entry = this.ledger.entry(accountId, key);
    const tag = `${key}=${value}`;
    let detail: string;
    if (entry === undefined) detail = `tag ${tag}: no ledger entry`;
    else if (entry.value !== value)
      detail = `tag ${tag}: the ledger has ${entry.key}=${entry.value} (set by ${entry.setBy})`;
    else if (this.trusts(entry.setBy)) return undefined;
    else detail = `tag ${tag} set by ${entry.setBy}, not a trusted principal`;
    return { accountId, ruleId, reason: 'UntrustedTag', detail };
  }

  private trusts(principalArn: string): boolean {
    let verdict = this.verdicts.get(principalArn);
    if (verdict === undefined)
      this.verdicts.set(principalArn, (verdict = this.isTrusted(principalArn)));
    return verdict;
  }
}
