/**
 * An event applied to a snapshot, so a snapshot taken before or after the event plans the same.
 */
import type { RefEvent, RefTagChange } from '../model/event';
import type { RefAccount, RefSnapshot } from '../model/snapshot';

/** The snapshot after the event, and the account whose items the event can change (or `null`). */
export interface RefEventApplied {
  readonly snapshot: RefSnapshot;
  readonly accountId: string | null;
}

function newTags(
  tags: Readonly<Record<string, string>>,
  change: RefTagChange,
): Record<string, string> {
  if (change.kind === 'replace') return { ...change.tags };
  if (change.kind === 'set') return { ...tags, ...change.tags };
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags))
    if (!change.keys.includes(key)) kept[key] = value;
  return kept;
}

function withAccount(snapshot: RefSnapshot, account: RefAccount): RefEventApplied {
  const others = snapshot.accounts.filter((a) => a.id !== account.id);
  return { snapshot: { ...snapshot, accounts: [...others, account] }, accountId: account.id };
}

function added(snapshot: RefSnapshot, id: string, name: string, parentId: string): RefEventApplied {
  return withAccount(snapshot, { id, name, parentId, status: 'ACTIVE', tags: {} });
}

const untouched = (snapshot: RefSnapshot): RefEventApplied => ({ snapshot, accountId: null });

/**
 * Applies an event: created and joined accounts appear under the root (ACTIVE, no tags); a move
 * sets the parent; tag events replace, set or remove tags; a removed account disappears with its
 * items; a SUCCEEDED vending adds the account under its OU or moves it there; a new OU appears.
 * Events about an account the snapshot lacks (moves, tags) change nothing.
 *
 * @example
 * ```ts
 * const { snapshot: after, accountId } = applyReferenceEvent(snapshot, event);
 * ```
 */
export function applyReferenceEvent(snapshot: RefSnapshot, event: RefEvent): RefEventApplied {
  const find = (id: string) => snapshot.accounts.find((a) => a.id === id);
  switch (event.type) {
    case 'AccountCreated':
    case 'AccountJoined': {
      const existing = find(event.accountId);
      if (existing !== undefined) return { snapshot, accountId: existing.id };
      const name =
        event.type === 'AccountCreated' ? (event.accountName ?? event.accountId) : event.accountId;
      return added(snapshot, event.accountId, name, snapshot.rootId);
    }
    case 'AccountMoved': {
      const existing = find(event.accountId);
      if (existing === undefined) return untouched(snapshot);
      return withAccount(snapshot, { ...existing, parentId: event.destinationParentId });
    }
    case 'AccountTagsChanged': {
      const existing = find(event.accountId);
      if (existing === undefined) return untouched(snapshot);
      return withAccount(snapshot, { ...existing, tags: newTags(existing.tags, event.change) });
    }
    case 'AccountRemoved': {
      const id = event.accountId;
      return untouched({
        ...snapshot,
        accounts: snapshot.accounts.filter((a) => a.id !== id),
        attachments: snapshot.attachments.filter((a) => a.targetId !== id),
        assignments: snapshot.assignments.filter((a) => a.accountId !== id),
      });
    }
    case 'ManagedAccountVended': {
      if (event.state !== 'SUCCEEDED' || event.accountId === null) return untouched(snapshot);
      const existing = find(event.accountId);
      const parentId = event.ouId ?? existing?.parentId ?? snapshot.rootId;
      if (existing !== undefined) return withAccount(snapshot, { ...existing, parentId });
      return added(snapshot, event.accountId, event.accountName ?? event.accountId, parentId);
    }
    case 'OrganizationalUnitCreated': {
      if (snapshot.organizationalUnits.some((ou) => ou.id === event.ouId))
        return untouched(snapshot);
      const ou = { id: event.ouId, name: event.name, parentId: event.parentId };
      return untouched({ ...snapshot, organizationalUnits: [...snapshot.organizationalUnits, ou] });
    }
    case 'CreateAccountFailed':
      return untouched(snapshot);
  }
}
