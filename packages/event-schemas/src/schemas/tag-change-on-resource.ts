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

/** Any ARN of the Organizations `account` resource type, valid or not. */
const ANY_ACCOUNT_ARN_PATTERN = /^arn:[^:]+:organizations::[^:]*:account\//;

/**
 * `true` when `arn` names an Organizations account (its id may still be malformed: the schema
 * then rejects it); an ARN of another resource type or service is not an account.
 *
 * @example
 * ```ts
 * isOrganizationsAccountArn('arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222233334444'); // true
 * isOrganizationsAccountArn('arn:aws:ec2:us-east-1:111111111111:instance/i-0abc'); // false
 * ```
 */
export function isOrganizationsAccountArn(arn: string): boolean {
  return ANY_ACCOUNT_ARN_PATTERN.test(arn);
}

/** What `resources[0]` of an account tag change looks like. */
const EXPECTED_ACCOUNT_ARN = 'an Organizations account ARN ending in /<12-digit account id>';

/** The account id at the end of an Organizations account ARN (the ARN must be valid). */
function accountIdOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * The `detail` of an `aws.tag` event about an Organizations account: `tags` is the full
 * current tag map, `changed-tag-keys` the keys that changed (absent from `tags` = deleted).
 * `service` / `resource-type` may be absent: the account ARN in `resources[0]` decides.
 */
export const TagChangeDetailSchema = z.looseObject(
  {
    'changed-tag-keys': z.array(z.string()),
    service: z.optional(z.string()),
    'resource-type': z.optional(z.string()),
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
