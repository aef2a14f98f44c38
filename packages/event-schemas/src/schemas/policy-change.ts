import * as z from 'zod/mini';
import type { PolicyChangedOutOfBand } from '../domain/change-event';
import { actorOf } from '../envelope/actor';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { isAccountId, isOuId, isRootId, PolicyIdSchema } from '../ids/aws-ids';
import type { IgnoredEvent } from './mapped-event';

/** What `targetId` of `AttachPolicy` / `DetachPolicy` looks like. */
const EXPECTED_TARGET = 'a 12-digit AWS account id, or a root or OU id';

/**
 * `AttachPolicy` / `DetachPolicy` API calls (source `aws.organizations`):
 * `requestParameters.{policyId,targetId}`, and the caller in `userIdentity`.
 *
 * @example
 * ```ts
 * PolicyChangeSchema.parse(raw).detail.requestParameters.targetId; // '222233334444'
 * ```
 */
export const PolicyChangeSchema = cloudTrailEvent({
  eventName: z.enum(['AttachPolicy', 'DetachPolicy']),
  requestParameters: z.looseObject(
    {
      policyId: PolicyIdSchema,
      targetId: z
        .string({ error: EXPECTED_TARGET })
        .check(
          z.refine((v) => isAccountId(v) || isRootId(v) || isOuId(v), { error: EXPECTED_TARGET }),
        ),
    },
    { error: 'an object with policyId and targetId' },
  ),
});

/** An `AttachPolicy` / `DetachPolicy` event (inferred type). */
export type PolicyChange = z.infer<typeof PolicyChangeSchema>;

/**
 * Maps a validated `AttachPolicy` / `DetachPolicy` to `PolicyChangedOutOfBand`; a root or OU
 * target is ignored (`NotAnAccount`: only account attachments are planned).
 */
export function toPolicyChanged(event: PolicyChange): PolicyChangedOutOfBand | IgnoredEvent {
  const { policyId, targetId } = event.detail.requestParameters;
  const { eventName } = event.detail;
  if (!isAccountId(targetId)) {
    return {
      ignored: 'NotAnAccount',
      detail: `${eventName} of ${policyId} on ${targetId}, which is not an account`,
    };
  }
  return {
    type: 'PolicyChangedOutOfBand',
    change: eventName === 'AttachPolicy' ? 'attached' : 'detached',
    policyId,
    accountId: targetId,
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, eventName),
  };
}
