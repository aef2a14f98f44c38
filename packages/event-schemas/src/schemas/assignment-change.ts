import * as z from 'zod/mini';
import type { AssignmentChangedOutOfBand } from '../domain/change-event';
import { actorOf } from '../envelope/actor';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { AccountIdSchema } from '../ids/aws-ids';
import { caseInsensitiveEnum } from '../text/enum-text';
import { PermissionSetArnSchema } from './permission-set';

/** A non-empty string, else `expected`. */
function nonEmpty(expected: string) {
  return z.string({ error: expected }).check(z.minLength(1, { error: expected }));
}

/**
 * `CreateAccountAssignment` / `DeleteAccountAssignment` API calls (source `aws.sso`):
 * `requestParameters.{instanceArn,targetId,targetType,permissionSetArn,principalType,principalId}`
 * (enums in any case), and the caller in `userIdentity`.
 *
 * @example
 * ```ts
 * AssignmentChangeSchema.parse(raw).detail.requestParameters.principalType; // 'GROUP'
 * ```
 */
export const AssignmentChangeSchema = cloudTrailEvent({
  eventName: z.enum(['CreateAccountAssignment', 'DeleteAccountAssignment']),
  requestParameters: z.looseObject(
    {
      instanceArn: z.optional(z.string()),
      targetId: AccountIdSchema,
      targetType: z.optional(caseInsensitiveEnum(['AWS_ACCOUNT'])),
      permissionSetArn: PermissionSetArnSchema,
      principalType: caseInsensitiveEnum(['USER', 'GROUP']),
      principalId: nonEmpty('the principal id (a non-empty string)'),
    },
    { error: 'an object with targetId, permissionSetArn, principalType and principalId' },
  ),
});

/** A `CreateAccountAssignment` / `DeleteAccountAssignment` event (inferred type). */
export type AssignmentChange = z.infer<typeof AssignmentChangeSchema>;

/** Maps a validated assignment change to `AssignmentChangedOutOfBand`. */
export function toAssignmentChanged(event: AssignmentChange): AssignmentChangedOutOfBand {
  const request = event.detail.requestParameters;
  const { eventName } = event.detail;
  return {
    type: 'AssignmentChangedOutOfBand',
    change: eventName === 'CreateAccountAssignment' ? 'created' : 'deleted',
    accountId: request.targetId,
    permissionSetArn: request.permissionSetArn,
    principalType: request.principalType,
    principalId: request.principalId,
    instanceArn: request.instanceArn ?? null,
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, eventName),
  };
}
