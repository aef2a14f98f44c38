import type { DomainEvent, TagChange } from '@org/event-schemas';
import type { Account, OrganizationalUnit } from '../model/org-snapshot';
import { UNKNOWN_PARENT, type UnknownPart } from '../plan/partial-knowledge';

/** What an event does to the snapshot before planning. */
export type EventEffect =
  /**
   * The account as it is after the event (added, moved, re-tagged, or unchanged); `unknown` says
   * what of it the snapshot does not know (an OU it lacks, or the account itself): the rules that
   * depend on that part are skipped `NotInSnapshot`.
   */
  | {
      readonly kind: 'account';
      readonly account: Account;
      readonly added: boolean;
      readonly unknown?: UnknownPart;
    }
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
 * logic serves {@link applyEvent} (whole snapshot) and the planner (one account). An event that
 * names an OU or an account the snapshot lacks is planned with what is known: the account lands
 * under that OU (or, unknown itself, is taken as the event describes it) and `unknown` says what
 * is missing, so the rules depending on it are skipped instead of guessed.
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
      const parentId = event.destinationParentId;
      const existing = org.account(event.accountId);
      const parentUnknown = org.isParent(parentId) ? null : parentId;
      if (!existing) {
        const account = newAccount(event.accountId, event.accountId, parentId);
        const unknown = { parentId: parentUnknown, knownTagKeys: [] };
        return { kind: 'account', account, added: true, unknown };
      }
      const account = { ...existing, parentId };
      if (parentUnknown === null) return { kind: 'account', account, added: false };
      const unknown = { parentId: parentUnknown, knownTagKeys: null };
      return { kind: 'account', account, added: false, unknown };
    }
    case 'AccountTagsChanged': {
      const existing = org.account(event.accountId);
      if (!existing) return unknownAccountTagged(event.accountId, event.change);
      const account = { ...existing, tags: applyTagChange(existing.tags, event.change) };
      if (org.isParent(existing.parentId)) return { kind: 'account', account, added: false };
      const unknown = { parentId: existing.parentId, knownTagKeys: null };
      return { kind: 'account', account, added: false, unknown };
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
  const unknown = org.isParent(parentId) ? undefined : { parentId, knownTagKeys: null };
  const account = existing
    ? { ...existing, parentId }
    : newAccount(event.accountId, event.accountName ?? event.accountId, parentId);
  return { kind: 'account', account, added: !existing, ...(unknown && { unknown }) };
}

/** A tag change of an account the snapshot lacks: only the keys the event names are known. */
function unknownAccountTagged(accountId: string, change: TagChange): EventEffect {
  const knownTagKeys =
    change.kind === 'replace'
      ? null
      : change.kind === 'set'
        ? Object.keys(change.tags)
        : change.keys;
  const tags = change.kind === 'remove' ? {} : { ...change.tags };
  const account = { ...newAccount(accountId, accountId, UNKNOWN_PARENT), tags };
  return {
    kind: 'account',
    account,
    added: true,
    unknown: { parentId: UNKNOWN_PARENT, knownTagKeys },
  };
}

function newAccount(id: string, name: string, parentId: string): Account {
  return { id, name, parentId, status: 'ACTIVE', tags: {} };
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
