/**
 * The notifications an event asks for: one `notify` per notification listening to its type, the
 * subject and body templates filled with what the event and the snapshot know.
 */
import type { RefConfig } from '../model/config';
import type { RefEvent } from '../model/event';
import type { RefNotify } from '../model/plan';
import type { RefAccount, RefSnapshot } from '../model/snapshot';

/** Subject of a webhook or SNS notification that sets none. */
export const DEFAULT_NOTIFY_SUBJECT = '{eventName}: account {accountId} ({accountName})';
/** Body of a webhook or SNS notification that sets none. */
export const DEFAULT_NOTIFY_BODY =
  'Account {accountId} ({accountName}) in OU {ouId} ({ouName}): {eventName}.';

/** `true` for a bidirectional formatting character (marks, embeddings, overrides, isolates). */
const isBidi = (c: number): boolean =>
  c === 0x061c ||
  c === 0x200e ||
  c === 0x200f ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069);

/** `true` for a C0 or C1 control character, DEL, or a line or paragraph separator. */
const isControl = (c: number): boolean =>
  c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;

/** Control characters become spaces, bidirectional formatting characters are dropped. */
function plain(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isBidi(code)) continue;
    out += isControl(code) ? ' ' : ch;
  }
  return out;
}

/** `true` when a notification's `on` list names this event. */
function listens(on: readonly string[], event: RefEvent): boolean {
  if (on.includes(event.type)) return true;
  if (event.type !== 'ManagedAccountVended') return false;
  return on.includes(
    event.operation === 'CreateManagedAccount' ? 'ManagedAccountCreated' : 'ManagedAccountUpdated',
  );
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The `notify` operations of an event, for an account as it is after the event (`undefined` when
 * the event names none, e.g. a failed creation). Callers decide whether the event notifies at all
 * (a FAILED vending or an inactive account does not).
 *
 * @example
 * ```ts
 * referenceNotifications(config, snapshot, event, account).map((n) => n.subject);
 * ```
 */
export function referenceNotifications(
  config: RefConfig,
  snapshot: RefSnapshot,
  event: RefEvent,
  account: RefAccount | undefined,
): RefNotify[] {
  const listening = config.notifications.filter((n) => listens(n.on, event));
  if (listening.length === 0) return [];
  const eventAccountId = 'accountId' in event ? event.accountId : null;
  const eventAccountName = 'accountName' in event ? event.accountName : null;
  const vendedOu = event.type === 'ManagedAccountVended' ? event.ouId : null;
  const vendedOuName = event.type === 'ManagedAccountVended' ? event.ouName : null;
  const ouId = vendedOu ?? account?.parentId ?? null;
  const ouName =
    vendedOuName ??
    (ouId === null
      ? null
      : ouId === snapshot.rootId
        ? 'Root'
        : snapshot.organizationalUnits.find((ou) => ou.id === ouId)?.name);
  const values = {
    accountId: plain(eventAccountId ?? 'unknown'),
    accountName: plain(eventAccountName ?? account?.name ?? 'unknown'),
    ouId: plain(ouId ?? 'unknown'),
    ouName: plain(ouName ?? 'unknown'),
    eventName: plain(event.meta.eventName),
  };
  return listening.map((n) => ({
    type: 'notify',
    accountId: values.accountId,
    notificationId: n.id,
    targetType: n.target.type,
    subject: fill(n.target.subject ?? DEFAULT_NOTIFY_SUBJECT, values),
    body: fill(n.target.body ?? DEFAULT_NOTIFY_BODY, values),
  }));
}
