import * as fc from 'fast-check';

/**
 * Who may have set a tag in a generated world, and whether every non-empty setting of
 * {@link TRUSTED_TAG_PRINCIPALS} trusts them — the fuzz oracle, written down by hand rather than
 * computed by the engine's matcher.
 */
export const TAGGERS: readonly { readonly arn: string; readonly trusted: boolean }[] = [
  { arn: 'arn:aws:iam::111111111111:role/ops/TagAdmin', trusted: true },
  // A session ARN has no role path: it matches through the role's account and name.
  { arn: 'arn:aws:sts::111111111111:assumed-role/TagAdmin/ci', trusted: true },
  { arn: 'arn:aws:sts::111111111111:assumed-role/TagAdmins/ci', trusted: false },
  { arn: 'arn:aws:sts::222222222222:assumed-role/TagAdmin/ci', trusted: false },
  { arn: 'arn:aws:iam::111111111111:user/eve', trusted: false },
  { arn: 'arn:aws:iam::111111111111:user/e.e', trusted: true },
  { arn: 'organizations.amazonaws.com', trusted: false },
];

/**
 * Settings of `trustedTagPrincipals` that each trust exactly the {@link TAGGERS} marked trusted
 * (`e.e` is literal: a pattern is no regular expression, so it does not trust `eve`).
 */
export const TRUSTED_TAG_PRINCIPALS: readonly (readonly string[])[] = [
  ['arn:aws:iam::111111111111:role/ops/TagAdmin', 'arn:aws:iam::111111111111:user/e.e'],
  ['arn:aws:iam::111111111111:role/*/TagAdmin', 'arn:aws:iam::111111111111:user/e.e'],
];

/** `settings.trustedTagPrincipals`: absent or empty (trust off, v1) or one of the settings above. */
export const trustedTagPrincipals = fc.oneof(
  fc.constant(undefined),
  fc.constant([]),
  fc.constantFrom(...TRUSTED_TAG_PRINCIPALS).map((patterns) => [...patterns]),
);

/** Whether the oracle trusts `setBy` under `patterns` (absent or empty: everyone). */
export function oracleTrusts(setBy: string, patterns: readonly string[] | undefined): boolean {
  if (patterns === undefined || patterns.length === 0) return true;
  return TAGGERS.find((t) => t.arn === setBy)?.trusted ?? false;
}

/** The caller of a generated `TagResource` / `UntagResource` (as the event parser gives it). */
export const tagActor = fc.constantFrom(...TAGGERS).map((t) => ({
  type: t.arn.startsWith('arn:') ? 'AssumedRole' : 'AWSService',
  arn: t.arn.startsWith('arn:') ? t.arn : null,
  principalId: null,
  accountId: '111111111111',
  sessionIssuerArn: null,
  invokedBy: t.arn.startsWith('arn:') ? null : t.arn,
}));

/** One ledger entry to place: on the `slot`-th account, for `key`, current or stale, by `tagger`. */
export interface LedgerSeed {
  readonly slot: number;
  readonly key: string;
  readonly stale: boolean;
  readonly tagger: string;
}

/** A {@link LedgerSeed} for one of `keys`. */
export const ledgerSeed = (keys: readonly string[]): fc.Arbitrary<LedgerSeed> =>
  fc.record({
    slot: fc.nat(),
    key: fc.constantFrom(...keys),
    stale: fc.boolean(),
    tagger: fc.constantFrom(...TAGGERS.map((t) => t.arn)),
  });

/**
 * The tag ledger of generated `accounts` from `seeds`: one entry per account and key, holding the
 * account's current value (or `stale` when the seed says, or the account lacks the key).
 */
export function ledgerFor(
  accounts: readonly { readonly id: string; readonly tags: Readonly<Record<string, string>> }[],
  seeds: readonly LedgerSeed[],
): { accountId: string; key: string; value: string; setBy: string }[] {
  const entries = new Map<
    string,
    { accountId: string; key: string; value: string; setBy: string }
  >();
  for (const seed of seeds) {
    const account = accounts[seed.slot % Math.max(accounts.length, 1)];
    if (account === undefined) continue;
    const current = account.tags[seed.key];
    const value = seed.stale || current === undefined ? 'stale' : current;
    entries.set(`${account.id} ${seed.key}`, {
      accountId: account.id,
      key: seed.key,
      value,
      setBy: seed.tagger,
    });
  }
  return [...entries.values()];
}
