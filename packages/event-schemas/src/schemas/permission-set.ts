import * as z from 'zod/mini';
import type { PermissionSetCreated } from '../domain/change-event';
import { actorOf } from '../envelope/actor';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { nameOrNull } from '../text/masked-values';

/** A permission set ARN: `arn:aws:sso:::permissionSet/ssoins-…/ps-…`. */
const PERMISSION_SET_ARN = /^arn:[^:]+:sso:::permissionSet\/[^/]+\/ps-[0-9a-zA-Z]+$/;

/** What a permission set ARN looks like, in every issue about one. */
const EXPECTED_PERMISSION_SET_ARN =
  'a permission set ARN like arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';

/** A permission set ARN (`arn:aws:sso:::permissionSet/ssoins-…/ps-…`). */
export const PermissionSetArnSchema = z
  .string({ error: EXPECTED_PERMISSION_SET_ARN })
  .check(z.regex(PERMISSION_SET_ARN, EXPECTED_PERMISSION_SET_ARN));

/**
 * `CreatePermissionSet` API call (source `aws.sso`):
 * `responseElements.permissionSet.{name,permissionSetArn}`, `requestParameters.{instanceArn,name}`.
 *
 * @example
 * ```ts
 * CreatePermissionSetSchema.parse(raw).detail.responseElements.permissionSet.name; // 'ReadOnly'
 * ```
 */
export const CreatePermissionSetSchema = cloudTrailEvent({
  eventName: z.literal('CreatePermissionSet'),
  requestParameters: z.nullish(
    z.looseObject({ instanceArn: z.optional(z.string()), name: z.optional(z.string()) }),
  ),
  responseElements: z.looseObject(
    {
      permissionSet: z.looseObject(
        { permissionSetArn: PermissionSetArnSchema, name: z.optional(z.string()) },
        { error: 'a permissionSet object with permissionSetArn' },
      ),
    },
    { error: 'an object with the created permissionSet' },
  ),
});

/** A `CreatePermissionSet` event (inferred type). */
export type CreatePermissionSet = z.infer<typeof CreatePermissionSetSchema>;

/** Maps a validated `CreatePermissionSet` to `PermissionSetCreated` (a hidden name is `null`). */
export function toPermissionSetCreated(event: CreatePermissionSet): PermissionSetCreated {
  const { permissionSet } = event.detail.responseElements;
  const request = event.detail.requestParameters;
  return {
    type: 'PermissionSetCreated',
    permissionSetArn: permissionSet.permissionSetArn,
    name: nameOrNull(permissionSet.name) ?? nameOrNull(request?.name),
    instanceArn: request?.instanceArn ?? null,
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, event.detail.eventName),
  };
}
