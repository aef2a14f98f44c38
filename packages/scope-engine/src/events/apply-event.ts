import type { DomainEvent } from '@org/event-schemas';
import type { OrgSnapshot } from '../model/org-snapshot';
import { OrgIndex } from '../snapshot/org-index';
import { tagLedgerChangeOf } from '../trust/ledger-change';
import { TagLedgerIndex } from '../trust/tag-ledger';
import { UNKNOWN_PARENT, type UnknownPart } from '../plan/partial-knowledge';
import { eventEffect, type EventEffect } from './event-effect';

/** Whether an account with this unknown part can be written into a snapshot as it is. */
function fullyKnown(unknown: UnknownPart | undefined): boolean {
  return (
    unknown === undefined || (unknown.knownTagKeys === null && unknown.parentId !== UNKNOWN_PARENT)
  );
}

/**
 * The snapshot after `event`: AccountCreated / AccountJoined add the account under the
 * root if absent (ACTIVE, no tags); AccountMoved sets its parent; tag events replace, set or remove
 * tags (and a `TagResource` / `UntagResource` call records its caller in the tag ledger, or
 * removes the keys' entries); AccountRemoved forgets the account and its attachments and
 * assignments; a SUCCEEDED ManagedAccountVended adds the account under its OU or moves it there;
 * OrganizationalUnitCreated adds the OU. Applying an event to a snapshot that already reflects it changes nothing.
 *
 * @example
 * ```ts
 * const after = applyEvent(before, { type: 'AccountMoved', accountId: '222233334444', sourceParentId: 'r-ab12', destinationParentId: 'ou-ab12-11111111', meta });
 * ```
 */
export function applyEvent(snapshot: OrgSnapshot, event: DomainEvent): OrgSnapshot {
  const effect = eventEffect(event, OrgIndex.of(snapshot));
  const after = applyEffect(snapshot, effect);
  const change = effect.kind === 'account' ? tagLedgerChangeOf(event) : null;
  // The ledger follows the accounts the snapshot holds.
  if (change === null || !after.accounts.some((a) => a.id === change.accountId)) return after;
  return {
    ...after,
    tagLedger: TagLedgerIndex.of(after.tagLedger ?? [])
      .with(change)
      .entries(),
  };
}

/** Applies an already computed {@link EventEffect} to the whole snapshot. */
export function applyEffect(snapshot: OrgSnapshot, effect: EventEffect): OrgSnapshot {
  switch (effect.kind) {
    case 'account': {
      const account = effect.account;
      // An account the snapshot lacks is added only when its parent and tags are known.
      if (effect.added && !fullyKnown(effect.unknown)) return snapshot;
      const accounts = effect.added
        ? [...snapshot.accounts, account]
        : snapshot.accounts.map((a) => (a.id === account.id ? account : a));
      return { ...snapshot, accounts };
    }
    case 'accountRemoved': {
      const id = effect.accountId;
      return {
        ...snapshot,
        accounts: snapshot.accounts.filter((a) => a.id !== id),
        attachments: snapshot.attachments.filter((a) => a.targetId !== id),
        assignments: snapshot.assignments.filter((a) => a.accountId !== id),
      };
    }
    case 'ouCreated':
      return effect.ou === null
        ? snapshot
        : { ...snapshot, organizationalUnits: [...snapshot.organizationalUnits, effect.ou] };
    case 'none':
    case 'ignored':
      return snapshot;
  }
}
