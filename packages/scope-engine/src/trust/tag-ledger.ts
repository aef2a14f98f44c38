import type { TagLedgerEntry } from '../model/org-snapshot';
import { trustedPrincipalMatcher } from './trusted-principals';

/** A change an event makes to the tag ledger of one account. */
export type TagLedgerChange =
  /** `TagResource`: these keys now have these values, set by `setBy`. */
  | {
      readonly kind: 'set';
      readonly accountId: string;
      readonly tags: Readonly<Record<string, string>>;
      readonly setBy: string;
      readonly setAt?: string;
    }
  /** `UntagResource`: these keys are gone (and so are their entries). */
  | { readonly kind: 'remove'; readonly accountId: string; readonly keys: readonly string[] };

type AccountEntries = ReadonlyMap<string, TagLedgerEntry>;
const NO_ENTRIES: AccountEntries = new Map();

/**
 * The tag ledger by account and key: who last set each tag value of each account. Built once
 * per snapshot; {@link TagLedgerIndex.with} gives the ledger after an event without copying it.
 *
 * @example
 * ```ts
 * const ledger = TagLedgerIndex.of(snapshot.tagLedger ?? []);
 * ledger.entry('222222222222', 'env')?.setBy; // 'arn:aws:sts::111111111111:assumed-role/Platform/ci'
 * ```
 */
export class TagLedgerIndex {
  private constructor(private readonly byAccount: ReadonlyMap<string, AccountEntries>) {}

  /** Indexes `entries` (a later entry for the same account and key wins). */
  static of(entries: readonly TagLedgerEntry[]): TagLedgerIndex {
    const byAccount = new Map<string, Map<string, TagLedgerEntry>>();
    for (const entry of entries) {
      let keys = byAccount.get(entry.accountId);
      if (keys === undefined) byAccount.set(entry.accountId, (keys = new Map()));
      keys.set(entry.key, entry);
    }
    return new TagLedgerIndex(byAccount);
  }

  /** The entry of `key` on `accountId`, if the ledger has one. */
  entry(accountId: string, key: string): TagLedgerEntry | undefined {
    return this.byAccount.get(accountId)?.get(key);
  }

  /** Every entry of `accountId`, in key order. */
  entriesOf(accountId: string): TagLedgerEntry[] {
    const keys = this.byAccount.get(accountId) ?? NO_ENTRIES;
    return [...keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The ledger after `change` (only the changed account's entries are copied). */
  with(change: TagLedgerChange): TagLedgerIndex {
    const keys = new Map(this.byAccount.get(change.accountId) ?? NO_ENTRIES);
    if (change.kind === 'remove') for (const key of change.keys) keys.delete(key);
    else
      for (const [key, value] of Object.entries(change.tags)) {
        const entry: TagLedgerEntry = {
          accountId: change.accountId,
          key,
          value,
          setBy: change.setBy,
        };
        keys.set(key, change.setAt === undefined ? entry : { ...entry, setAt: change.setAt });
      }
    const byAccount = new Map(this.byAccount);
    byAccount.set(change.accountId, keys);
    return new TagLedgerIndex(byAccount);
  }

  /** Every entry, by account id then key. */
  entries(): TagLedgerEntry[] {
    return [...this.byAccount.keys()].sort().flatMap((accountId) => this.entriesOf(accountId));
  }
}

/**
 * Whether the value `value` of tag `key` on `accountId` is trusted: always when `patterns` is
 * empty (tag trust off); otherwise only when the ledger's entry for the account and key holds that
 * same value and was set by a principal one of `patterns` trusts ({@link trustedPrincipalMatcher}).
 *
 * @example
 * ```ts
 * tagValueTrusted(snapshot.tagLedger ?? [], '222222222222', 'env', 'prod', config.settings.trustedTagPrincipals ?? []);
 * ```
 */
export function tagValueTrusted(
  ledger: TagLedgerIndex | readonly TagLedgerEntry[],
  accountId: string,
  key: string,
  value: string,
  patterns: readonly string[],
): boolean {
  if (patterns.length === 0) return true;
  const index = ledger instanceof TagLedgerIndex ? ledger : TagLedgerIndex.of(ledger);
  const entry = index.entry(accountId, key);
  return (
    entry !== undefined && entry.value === value && trustedPrincipalMatcher(patterns)(entry.setBy)
  );
}
