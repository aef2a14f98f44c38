/**
 * What a `TagResource` / `UntagResource` event records in the tag ledger: each key it sets (or
 * removes) on the account, with the caller's ARN and the event's time.
 */
import type { AccountTagsChanged, ChangeActor } from '@org/event-schemas';
import type { TagLedgerChange } from '../ports/tag-ledger';

/**
 * The principal a ledger entry names: the caller's ARN (an assumed-role session ARN matches
 * trusted patterns through its role), else its session issuer, else `unknown:<principal id>`
 * (which no pattern trusts).
 *
 * @example
 * ```ts
 * principalOf(event.actor); // 'arn:aws:sts::111111111111:assumed-role/Platform/ci'
 * ```
 */
export function principalOf(actor: ChangeActor): string {
  return actor.arn ?? actor.sessionIssuerArn ?? `unknown:${actor.principalId ?? 'unidentified'}`;
}

/**
 * The ledger changes of a tag event: one per key set or removed. An `aws.tag` change names
 * nobody (no `actor`), so it records nothing.
 *
 * @example
 * ```ts
 * await ledger.record(ledgerChangesOf(event, new Date(clock.now()).toISOString()));
 * ```
 */
export function ledgerChangesOf(
  event: AccountTagsChanged,
  fallbackTime: string,
): TagLedgerChange[] {
  const { actor, change, accountId } = event;
  if (actor === undefined) return [];
  const setBy = principalOf(actor);
  // One ISO 8601 form (milliseconds, `Z`), so the ledger's newest-wins comparison is by time.
  const parsed = Date.parse(event.meta.time);
  const setAt = Number.isNaN(parsed) ? fallbackTime : new Date(parsed).toISOString();
  switch (change.kind) {
    case 'set':
      return Object.entries(change.tags).map(([key, value]) => ({
        accountId,
        key,
        value,
        setBy,
        setAt,
      }));
    case 'remove':
      return change.keys.map((key) => ({ accountId, key, value: null, setBy, setAt }));
    case 'replace':
      return [];
  }
}
