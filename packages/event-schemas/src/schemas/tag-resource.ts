import * as z from 'zod/mini';
import type { AccountTagsChanged } from '../domain/domain-event';
import { actorOf } from '../envelope/actor';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { isAccountId, TaggableResourceIdSchema } from '../ids/aws-ids';
import type { IgnoredEvent } from './mapped-event';

/** One tag in a `TagResource` request: `{ key, value }` (the value may be empty). */
export const TagSchema = z.looseObject(
  { key: z.string().check(z.minLength(1, { error: 'a non-empty tag key' })), value: z.string() },
  { error: 'a tag object with key and value' },
);

/**
 * `TagResource` API call (source `aws.organizations`): `requestParameters.{resourceId,
 * tags[{key,value}]}`. Any taggable resource validates; only accounts map to a domain event.
 *
 * @example
 * ```ts
 * TagResourceSchema.parse(raw).detail.requestParameters.tags; // [{ key: 'env', value: 'prod' }]
 * ```
 */
export const TagResourceSchema = cloudTrailEvent({
  eventName: z.literal('TagResource'),
  requestParameters: z.looseObject(
    { resourceId: TaggableResourceIdSchema, tags: z.array(TagSchema) },
    { error: 'an object with resourceId and tags' },
  ),
});

/** A `TagResource` event (inferred type). */
export type TagResource = z.infer<typeof TagResourceSchema>;

/**
 * `UntagResource` API call (source `aws.organizations`): `requestParameters.{resourceId,
 * tagKeys[]}`.
 *
 * @example
 * ```ts
 * UntagResourceSchema.parse(raw).detail.requestParameters.tagKeys; // ['env']
 * ```
 */
export const UntagResourceSchema = cloudTrailEvent({
  eventName: z.literal('UntagResource'),
  requestParameters: z.looseObject(
    {
      resourceId: TaggableResourceIdSchema,
      tagKeys: z.array(z.string().check(z.minLength(1, { error: 'a non-empty tag key' }))),
    },
    { error: 'an object with resourceId and tagKeys' },
  ),
});

/** An `UntagResource` event (inferred type). */
export type UntagResource = z.infer<typeof UntagResourceSchema>;

/** The ignore outcome for tagging a root, an OU or a policy. */
function notAnAccount(eventName: string, resourceId: string): IgnoredEvent {
  return {
    ignored: 'NotAnAccount',
    detail: `${eventName} on ${resourceId}, which is not an account`,
  };
}

/** Maps a validated `TagResource` to `AccountTagsChanged` (`set`, with its caller), or ignores a non-account. */
export function toAccountTagsSet(event: TagResource): AccountTagsChanged | IgnoredEvent {
  const { resourceId, tags } = event.detail.requestParameters;
  if (!isAccountId(resourceId)) return notAnAccount(event.detail.eventName, resourceId);
  return {
    type: 'AccountTagsChanged',
    accountId: resourceId,
    change: { kind: 'set', tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) },
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, event.detail.eventName),
  };
}

/** Maps a validated `UntagResource` to `AccountTagsChanged` (`remove`, with its caller), or ignores a non-account. */
export function toAccountTagsRemoved(event: UntagResource): AccountTagsChanged | IgnoredEvent {
  const { resourceId, tagKeys } = event.detail.requestParameters;
  if (!isAccountId(resourceId)) return notAnAccount(event.detail.eventName, resourceId);
  return {
    type: 'AccountTagsChanged',
    accountId: resourceId,
    change: { kind: 'remove', keys: [...tagKeys] },
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, event.detail.eventName),
  };
}
