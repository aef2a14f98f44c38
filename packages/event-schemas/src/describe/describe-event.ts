import type { DomainEvent, TagChange } from '../domain/domain-event';
import type { GovernanceParseOutcome } from '../domain/parse-result';
import { describeChange } from './describe-change';
import { displayText } from './display-text';

/** `a=1, b=2` of a tag map, keys sorted. */
function tagList(tags: Readonly<Record<string, string>>): string {
  return Object.keys(tags)
    .sort()
    .map((key) => `${key}=${tags[key]}`)
    .join(', ');
}

/** One-line summary of a tag change. */
function describeTagChange(change: TagChange): string {
  switch (change.kind) {
    case 'replace':
      return `tags now {${tagList(change.tags)}}, changed [${change.changedKeys.join(', ')}]`;
    case 'set':
      return `set {${tagList(change.tags)}}`;
    case 'remove':
      return `removed [${change.keys.join(', ')}]`;
  }
}

/** ` (name)` when a name is known. */
function named(name: string | null): string {
  return name === null ? '' : ` (${name})`;
}

/** The longest summary {@link describeEvent} returns, in code points. */
const MAX_SUMMARY_LENGTH = 512;

/**
 * A one-line, human-readable summary of a domain event (for tables and logs). Names come from
 * the event, so the summary is safe to display: control characters escaped, length bounded.
 *
 * @example
 * ```ts
 * describeEvent(event); // 'AccountMoved 222233334444: r-ab12 -> ou-ab12-11111111'
 * ```
 */
export function describeEvent(event: DomainEvent): string {
  return displayText(summarize(event), MAX_SUMMARY_LENGTH);
}

/** The summary of {@link describeEvent}, before it is made safe to display. */
function summarize(event: DomainEvent): string {
  switch (event.type) {
    case 'AccountCreated':
      return `AccountCreated ${event.accountId}${named(event.accountName)}`;
    case 'CreateAccountFailed':
      return `CreateAccountFailed${named(event.accountName)}: ${event.failureReason ?? 'no reason given'}`;
    case 'AccountJoined':
      return `AccountJoined ${event.accountId}`;
    case 'AccountMoved':
      return `AccountMoved ${event.accountId}: ${event.sourceParentId} -> ${event.destinationParentId}`;
    case 'AccountTagsChanged':
      return `AccountTagsChanged ${event.accountId}: ${describeTagChange(event.change)}`;
    case 'AccountRemoved':
      return `AccountRemoved ${event.accountId}`;
    case 'ManagedAccountVended':
      return (
        `ManagedAccountVended ${event.operation} ${event.state} ` +
        `${event.accountId ?? '(no account id)'}${named(event.accountName)} ` +
        `in ${event.ouId ?? '(no OU)'}${named(event.ouName)}`
      );
    case 'OrganizationalUnitCreated':
      return `OrganizationalUnitCreated ${event.ouId} (${event.name}) under ${event.parentId}`;
  }
}

/**
 * A one-line summary of any parse outcome: the event (or change event), the ignore reason, or
 * the error.
 *
 * @example
 * ```ts
 * describeOutcome(parseOrgEvent(raw)); // 'ignored (ApiCallFailed): MoveAccount failed with AccessDenied: …'
 * ```
 */
export function describeOutcome(outcome: GovernanceParseOutcome): string {
  switch (outcome.kind) {
    case 'event':
      return describeEvent(outcome.event);
    case 'change':
      return describeChange(outcome.event);
    case 'ignored':
      return `ignored (${outcome.reason}): ${outcome.detail}`;
    case 'error':
      return `error: ${outcome.error.message}`;
  }
}
