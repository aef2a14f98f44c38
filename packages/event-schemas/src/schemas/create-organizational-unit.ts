import * as z from 'zod/mini';
import type { OrganizationalUnitCreated } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { OuIdSchema, ParentIdSchema } from '../ids/aws-ids';

/**
 * `CreateOrganizationalUnit` API call (source `aws.organizations`):
 * `requestParameters.parentId`, `responseElements.organizationalUnit.{id,name}`.
 *
 * @example
 * ```ts
 * CreateOrganizationalUnitSchema.parse(raw).detail.responseElements.organizationalUnit.id;
 * ```
 */
export const CreateOrganizationalUnitSchema = cloudTrailEvent({
  eventName: z.literal('CreateOrganizationalUnit'),
  requestParameters: z.looseObject(
    { parentId: ParentIdSchema, name: z.optional(z.string()) },
    { error: 'an object with parentId' },
  ),
  responseElements: z.looseObject(
    {
      organizationalUnit: z.looseObject(
        { id: OuIdSchema, name: z.string(), arn: z.optional(z.string()) },
        { error: 'an organizationalUnit object with id and name' },
      ),
    },
    { error: 'an object with the created organizationalUnit' },
  ),
});

/** A `CreateOrganizationalUnit` event (inferred type). */
export type CreateOrganizationalUnit = z.infer<typeof CreateOrganizationalUnitSchema>;

/** Maps a validated `CreateOrganizationalUnit` to `OrganizationalUnitCreated`. */
export function toOrganizationalUnitCreated(
  event: CreateOrganizationalUnit,
): OrganizationalUnitCreated {
  const ou = event.detail.responseElements.organizationalUnit;
  return {
    type: 'OrganizationalUnitCreated',
    ouId: ou.id,
    name: ou.name,
    parentId: event.detail.requestParameters.parentId,
    meta: eventMeta(event, event.detail.eventName),
  };
}
