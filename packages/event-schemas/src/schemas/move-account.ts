import * as z from 'zod/mini';
import type { AccountMoved } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { AccountIdSchema, ParentIdSchema } from '../ids/aws-ids';

/**
 * `MoveAccount` API call (source `aws.organizations`): `requestParameters.{accountId,
 * sourceParentId, destinationParentId}`.
 *
 * @example
 * ```ts
 * MoveAccountSchema.parse(raw).detail.requestParameters.destinationParentId; // 'ou-ab12-11111111'
 * ```
 */
export const MoveAccountSchema = cloudTrailEvent({
  eventName: z.literal('MoveAccount'),
  requestParameters: z.looseObject(
    {
      accountId: AccountIdSchema,
      sourceParentId: ParentIdSchema,
      destinationParentId: ParentIdSchema,
    },
    { error: 'an object with accountId, sourceParentId and destinationParentId' },
  ),
});

/** A `MoveAccount` event (inferred type). */
export type MoveAccount = z.infer<typeof MoveAccountSchema>;

/** Maps a validated `MoveAccount` to `AccountMoved`. */
export function toAccountMoved(event: MoveAccount): AccountMoved {
  const { accountId, sourceParentId, destinationParentId } = event.detail.requestParameters;
  return {
    type: 'AccountMoved',
    accountId,
    sourceParentId,
    destinationParentId,
    meta: eventMeta(event, event.detail.eventName),
  };
}
