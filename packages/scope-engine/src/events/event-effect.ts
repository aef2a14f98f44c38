import type { DomainEvent, TagChange } from '@org/event-schemas';
import { EventSnapshotMismatchError } from '../errors';
import type { Account, OrganizationalUnit } from '../model/org-snapshot';

/** What an event does to the snapshot before planning. */
export type EventEffect =
  /** The account as it is after the event (added, moved, re-tagged, or unchanged). */
  | { readonly kind: 'account'; readonly account: Account; readonly added: boolean }
  /** The account left the organization: it and its items are forgotten (no operations). */
  | { readonly kind: 'accountRemoved'; readonly accountId: string }
  /** A new OU (or `null` when the snapshot already has it). */
  | { readonly kind: 'ouCreated'; readonly ou: OrganizationalUnit | null }
  /** Nothing changes (account creation failed). */
  | { readonly kind: 'none' }
  /** Nothing to plan, and why. */
  | { readonly kind: 'ignored'; readonly reason: string; readonly accountId: string | null };

/** The snapshot lookups an event needs. */
export interface EventLookup {
  readonly rootId: string;
  account(id: string): Account | undefined;
  /** `true` for the root id and every known OU id. */
  isParent(id: string): boolean;
}

/**
 * What `event` does to the organization, computed from lookups only (constant time), so the same
 * logic serves {@link applyEvent} (whole snapshot) and the planner (one account).
 *
 * @throws {@link EventSnapshotMismatchError} when the account would land under an OU the snapshot
 * does not know: planning on a guessed tree could grant access an OU exclusion forbids.
 */
export function eventEffect(event: DomainEvent, org: EventLookup): EventEffect {
  switch (event.type) {
    case 'AccountCreated':
    case 'AccountJoined': {
      const existing = org.account(event.accountId);
      if (existing) return { kind: 'account', account: existing, added: false };
      const name =
        event.type === 'AccountCreated' ? (event.accountName ?? event.accountId) : event.accountId;
      return {
        kind: 'account',
        account: newAccount(event.accountId, name, org.rootId),
        added: true,
      };
    }
    case 'AccountMoved': {
      const existing = org.account(event.accountId);
      if (!existing)
        return { kind: 'ignored', reason: 'AccountNotInSnapshot', accountId: event.accountId };
      requireParent(event.type, event.destinationParentId, org);
      return {
        kind: 'account',
        account: { ...existing, parentId: event.destinationParentId },
        added: false,
      };
    }
    case 'AccountTagsChanged': {
      const existing = org.account(event.accountId);
      if (!existing)
        return { kind: 'ignored', reason: 'AccountNotInSnapshot', accountId: event.accountId };
      return {
        kind: 'account',
        account: { ...existing, tags: applyTagChange(existing.tags, event.change) },
        added: false,
      };
    }
    case 'AccountRemoved':
      return { kind: 'accountRemoved', accountId: event.accountId };
    case 'ManagedAccountVended':
      return vendingEffect(event, org);
    case 'OrganizationalUnitCreated': {
      const ou = { id: event.ouId, name: event.name, parentId: event.parentId };
      return { kind: 'ouCreated', ou: org.isParent(event.ouId) ? null : ou };
    }
    case 'CreateAccountFailed':
      return { kind: 'none' };
  }
}

function vendingEffect(
  event: Extract<DomainEvent, { type: 'ManagedAccountVended' }>,
  org: EventLookup,
): EventEffect {
  if (event.state === 'FAILED')
    return { kind: 'ignored', reason: 'VendingFailed', accountId: event.accountId };
  if (event.state !== 'SUCCEEDED')
    return { kind: 'ignored', reason: 'VendingInProgress', accountId: event.accountId };
  if (event.accountId === null) return { kind: 'ignored', reason: 'NotAnAccount', accountId: null };
  const existing = org.account(event.accountId);
  const parentId = event.ouId ?? existing?.parentId ?? org.rootId;
  requireParent(event.type, parentId, org);
  if (existing) return { kind: 'account', account: { ...existing, parentId }, added: false };
  const account = newAccount(event.accountId, event.accountName ?? event.accountId, parentId);
  return { kind: 'account', account, added: true };
}

function newAccount(id: string, name: string, parentId: string): Account {
  return { id, name, parentId, status: 'ACTIVE', tags: {} };
}

function requireParent(eventType: string, parentId: string, org: EventLookup): void {
  if (!org.isParent(parentId)) {
    throw new EventSnapshotMismatchError(
      eventType,
      `the snapshot has no root or OU "${parentId}" (refresh the snapshot)`,
    );
  }
}

/**
 * Tags after a change: `replace` (aws.tag events) takes the full map, `set` (TagResource) sets the
 * given keys, `remove` (UntagResource) deletes them.
 *
 * @example
 * ```ts
 * applyTagChange({ env: 'dev', team: 'a' }, { kind: 'set', tags: { env: 'prod' } }); // { env: 'prod', team: 'a' }
 * ```
 */
export function applyTagChange(
  tags: Readonly<Record<string, string>>,
  change: TagChange,
): Record<string, string> {
  switch (change.kind) {
    case 'replace':
      return { ...change.tags };
    case 'set':
      return { ...tags, ...change.tags };
    case 'remove':
      return Object.fromEntries(Object.entries(tags).filter(([key]) => !change.keys.includes(key)));
  }
}
