import * as z from 'zod/mini';
import type { AccountTagsChanged } from '../domain/domain-event';
import { EventBridgeEnvelopeSchema } from '../envelope/eventbridge-envelope';
import { eventMeta } from '../envelope/event-meta';

/** `detail-type` of `aws.tag` events. */
export const TAG_CHANGE_DETAIL_TYPE = 'Tag Change on Resource';

/** The `eventName` recorded in {@link EventMeta} for `aws.tag` events (they have none). */
export const TAG_CHANGE_EVENT_NAME = 'TagChangeOnResource';

/** An Organizations account ARN: `arn:aws:organizations::<mgmt>:account/o-<org>/<account id>`. */
const ACCOUNT_ARN_PATTERN = /^arn:[^:]+:organizations::[^:]*:account\/.+\/(\d{12})$/;

/** What `resources[0]` of an account tag change looks like. */
const EXPECTED_ACCOUNT_ARN = 'an Organizations account ARN ending in /<12-digit account id>';

/** The account id at the end of an Organizations account ARN (the ARN must be valid). */
function accountIdOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * The `detail` of an `aws.tag` event about an Organizations account: `tags` is the full
 * current tag map, `changed-tag-keys` the keys that changed (absent from `tags` = deleted).
 */
export const TagChangeDetailSchema = z.looseObject(
  {
    'changed-tag-keys': z.array(z.string()),
    service: z.literal('organizations'),
    'resource-type': z.literal('account'),
    version: z.optional(z.number()),
    tags: z.record(z.string(), z.string()),
  },
  { error: 'a tag change detail object' },
);

/**
 * `Tag Change on Resource` (source `aws.tag`) for an Organizations account; the account id is
 * the last path segment of `resources[0]`.
 *
 * @example
 * ```ts
 * TagChangeOnResourceSchema.parse(raw).detail.tags; // { env: 'prod', team: 'payments' }
 * ```
 */
export const TagChangeOnResourceSchema = z.extend(EventBridgeEnvelopeSchema, {
  'detail-type': z.literal(TAG_CHANGE_DETAIL_TYPE),
  source: z.literal('aws.tag'),
  resources: z.tuple(
    [
      z
        .string({ error: EXPECTED_ACCOUNT_ARN })
        .check(z.regex(ACCOUNT_ARN_PATTERN, EXPECTED_ACCOUNT_ARN)),
    ],
    z.string(),
    { error: 'a list starting with the account ARN' },
  ),
  detail: TagChangeDetailSchema,
});

/** A `Tag Change on Resource` event about an account (inferred type). */
export type TagChangeOnResource = z.infer<typeof TagChangeOnResourceSchema>;

/** Maps a validated tag change to `AccountTagsChanged` with a `replace` change. */
export function toAccountTagsReplaced(event: TagChangeOnResource): AccountTagsChanged {
  return {
    type: 'AccountTagsChanged',
    accountId: accountIdOfArn(event.resources[0]),
    change: {
      kind: 'replace',
      tags: { ...event.detail.tags },
      changedKeys: [...event.detail['changed-tag-keys']],
    },
    meta: eventMeta(event, TAG_CHANGE_EVENT_NAME),
  };
}
