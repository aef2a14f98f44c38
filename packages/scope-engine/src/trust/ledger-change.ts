import type { DomainEvent } from '@org/event-schemas';
import type { TagLedgerChange } from './tag-ledger';

/** What the ledger records as the setter when a `TagResource` record names no caller ARN. */
export const UNKNOWN_TAGGER = 'unknown caller';

/**
 * The change `event` makes to the tag ledger: a `TagResource` call records its caller
 * (`userIdentity.arn`) as who set each key it sets; an `UntagResource` call removes the entries of
 * the keys it removes. Any other event — an `aws.tag` event included, as it names nobody — changes
 * nothing (`null`). A caller without an ARN (an AWS service) is recorded as its service name or
 * {@link UNKNOWN_TAGGER}, which no IAM pattern trusts.
 *
 * @example
 * ```ts
 * tagLedgerChangeOf(tagResourceEvent);
 * // { kind: 'set', accountId: '222222222222', tags: { env: 'prod' }, setBy: 'arn:aws:sts::…:assumed-role/Admin/jdoe', setAt: '…' }
 * ```
 */
export function tagLedgerChangeOf(event: DomainEvent): TagLedgerChange | null {
  if (event.type !== 'AccountTagsChanged' || event.actor === undefined) return null;
  const { accountId, change, actor } = event;
  switch (change.kind) {
    case 'replace':
      return null;
    case 'remove':
      return { kind: 'remove', accountId, keys: change.keys };
    case 'set': {
      const setBy = actor.arn ?? actor.invokedBy ?? UNKNOWN_TAGGER;
      return { kind: 'set', accountId, tags: change.tags, setBy, setAt: event.meta.time };
    }
  }
}
