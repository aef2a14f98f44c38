import type { ParseOutcome } from '@org/event-schemas';
import {
  ACCOUNT_MUST_EXIST,
  accountToRead,
  planIgnoredOutcome,
  Planner,
  rereadEffect,
  type GovernanceConfig,
  type Plan,
} from '@org/scope-engine';
import { AccountNotVisibleError } from '../errors';
import { EMPTY_SNAPSHOT } from '../state/empty-snapshot';
import { type AccountSnapshotReaders, readAccountSnapshot } from '../state/read-account-snapshot';
import { type TagLedgerReads, withTagLedger } from '../tag-trust/tag-ledger-reads';

/**
 * Plans one parsed event in the deployed system. Events are hints (delivered best effort): the account is
 * re-read now (parent, tags, status) and planned as it *is*, so a late or out-of-order event
 * cannot undo a newer change; the event still decides whether anything happens (ignored events,
 * failed vendings) and which notifications fire. The plan itself comes from the engine's one
 * planning function ({@link planKnownEvent} through {@link Planner.planKnown}), the same one the
 * CLI preview uses, with the account as re-read ({@link rereadEffect}). With
 * `settings.trustedTagPrincipals`, the snapshot carries the account's tag ledger (`readers.tagLedger`).
 *
 * @throws {AccountNotVisibleError} (retryable) when an account that must exist after the event
 *   (created, joined, vended) is not visible yet.
 * @example
 * ```ts
 * const plan = await planEvent(parseOrgEvent(raw), config, readers);
 * ```
 */
export async function planEvent(
  outcome: Exclude<ParseOutcome, { kind: 'error' }>,
  config: GovernanceConfig,
  readers: AccountSnapshotReaders & { readonly tagLedger?: TagLedgerReads },
): Promise<Plan> {
  if (outcome.kind === 'ignored') return planIgnoredOutcome(outcome);
  const { event } = outcome;
  const accountId = accountToRead(event);
  const snapshot =
    accountId === null ? null : await readAccountSnapshot(accountId, config, readers);
  if (accountId !== null && snapshot === null && ACCOUNT_MUST_EXIST.has(event.type)) {
    throw new AccountNotVisibleError(accountId, event.type);
  }
  const org = await withTagLedger(
    snapshot ?? EMPTY_SNAPSHOT,
    config,
    readers.tagLedger,
    accountId === null ? [] : [accountId],
  );
  const account = org.accounts.find((candidate) => candidate.id === accountId);
  return Planner.create(org, config).planKnown(event, rereadEffect(event, account));
}
