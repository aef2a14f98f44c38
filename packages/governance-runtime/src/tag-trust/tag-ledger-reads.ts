/**
 * Tag trust in the deployed planners: with `settings.trustedTagPrincipals`, every snapshot a
 * planner plans carries the tag ledger of the accounts it plans, so the engine's `UntrustedTag`
 * skip holds in the processor, the worker's level check and every reconcile. Without trusted
 * principals the ledger is never read.
 */
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { TagLedger } from '../ports/tag-ledger';

/** The reads of the ledger a planner makes. */
export type TagLedgerReads = Pick<TagLedger, 'entriesFor' | 'entriesForAll'>;

/**
 * `true` when `settings.trustedTagPrincipals` lists at least one pattern (tag trust on).
 *
 * @example
 * ```ts
 * tagTrustEnabled({ ...config, settings: { ...config.settings, trustedTagPrincipals: [] } }); // false
 * ```
 */
export function tagTrustEnabled(config: GovernanceConfig): boolean {
  return (config.settings.trustedTagPrincipals ?? []).length > 0;
}

/**
 * The snapshot with the ledger entries of `accounts` (`'all'`: the whole ledger), when tag trust
 * is on; the snapshot itself otherwise (no read). Without a ledger (`undefined`) and with trust
 * on, the snapshot carries an empty ledger: no tag value is trusted.
 *
 * @example
 * ```ts
 * const planned = await withTagLedger(snapshot, config, deps.tagLedger, [accountId]);
 * ```
 */
export async function withTagLedger(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  ledger: TagLedgerReads | undefined,
  accounts: readonly string[] | 'all',
): Promise<OrgSnapshot> {
  if (!tagTrustEnabled(config)) return snapshot;
  if (ledger === undefined) return { ...snapshot, tagLedger: [] };
  const entries =
    accounts === 'all'
      ? await ledger.entriesForAll()
      : accounts.length === 0
        ? []
        : await ledger.entriesFor(accounts);
  return { ...snapshot, tagLedger: [...entries] };
}
