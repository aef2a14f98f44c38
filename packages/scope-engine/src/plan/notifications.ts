import { notificationTriggersOf, type DomainEvent } from '@org/event-schemas';
import { renderTemplate, type TemplateValues } from '../config/templates';
import type { GovernanceConfig } from '../model/governance-config';
import type { Account, OrganizationalUnit } from '../model/org-snapshot';
import type { NotifyOperation } from '../model/plan';
import { plainText } from './plain-text';

/** `accountId` of a notify operation (and `{accountId}`) when the event names no account (CreateAccountFailed). */
export const UNKNOWN_ACCOUNT_ID = 'unknown';
/** What a placeholder renders as when the event and the snapshot do not know the value. */
export const UNKNOWN_VALUE = 'unknown';
/** Subject of webhook and SNS notifications that do not set one. */
export const DEFAULT_SUBJECT = '{eventName}: account {accountId} ({accountName})';
/** Body of webhook and SNS notifications that do not set one. */
export const DEFAULT_BODY =
  'Account {accountId} ({accountName}) in OU {ouId} ({ouName}): {eventName}.';

/** Names of OUs for `{ouName}` (the root renders as `Root`). */
export interface OuNames {
  readonly rootId: string;
  ouName(id: string): string | undefined;
}

/**
 * The OU names of an organization, from its root id and a lookup of OUs (an index, or a scan of
 * the OUs read with one account).
 *
 * @example
 * ```ts
 * const names = ouNamesOf(structure.rootId, (id) => structure.organizationalUnits.find((ou) => ou.id === id));
 * ```
 */
export function ouNamesOf(
  rootId: string,
  ouOf: (id: string) => Pick<OrganizationalUnit, 'name'> | undefined,
): OuNames {
  return { rootId, ouName: (id) => ouOf(id)?.name };
}

/**
 * One `notify` operation per notification whose `on` lists a name the event answers to (its domain
 * type; a vending also `ManagedAccountCreated` or `ManagedAccountUpdated` by its `lifecycle`),
 * with `{accountId}`, `{accountName}`, `{ouId}`, `{ouName}`, `{eventName}` filled in. The values
 * come from events and snapshots, so they go through {@link plainText} first (no control or bidi
 * character reaches a subject or a body; a subject stays one line); the template is expanded once,
 * so a value that looks like a placeholder is not expanded again.
 * `ManagedAccountVended` covers CreateManagedAccount and UpdateManagedAccount alike.
 *
 * @param account - The account as it is after the event, when there is one.
 */
export function notifyOperations(
  event: DomainEvent,
  account: Account | undefined,
  config: GovernanceConfig,
  names: OuNames,
): NotifyOperation[] {
  const triggers = notificationTriggersOf(event);
  const listening = config.notifications.filter((n) => n.on.some((on) => triggers.includes(on)));
  if (listening.length === 0) return [];
  const values = templateValues(event, account, names);
  return listening.map((n) => ({
    type: 'notify',
    accountId: values.accountId,
    notificationId: n.id,
    targetType: n.target.type,
    subject: renderTemplate(n.target.subject ?? DEFAULT_SUBJECT, values),
    body: renderTemplate(n.target.body ?? DEFAULT_BODY, values),
  }));
}

function templateValues(
  event: DomainEvent,
  account: Account | undefined,
  names: OuNames,
): TemplateValues {
  const eventAccountId = 'accountId' in event ? event.accountId : null;
  const eventAccountName = 'accountName' in event ? event.accountName : null;
  const vended = event.type === 'ManagedAccountVended' ? event : undefined;
  const ouId = vended?.ouId ?? account?.parentId ?? null;
  const ouName =
    vended?.ouName ?? (ouId === null ? null : ouId === names.rootId ? 'Root' : names.ouName(ouId));
  return {
    accountId: plainText(eventAccountId ?? UNKNOWN_ACCOUNT_ID),
    accountName: plainText(eventAccountName ?? account?.name ?? UNKNOWN_VALUE),
    ouId: plainText(ouId ?? UNKNOWN_VALUE),
    ouName: plainText(ouName ?? UNKNOWN_VALUE),
    eventName: plainText(event.meta.eventName),
  };
}
