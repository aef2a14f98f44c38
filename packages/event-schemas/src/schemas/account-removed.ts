import * as z from 'zod/mini';
import type { AccountRemoved } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { AccountIdSchema } from '../ids/aws-ids';

/**
 * `RemoveAccountFromOrganization` API call (source `aws.organizations`):
 * `requestParameters.accountId`.
 *
 * @example
 * ```ts
 * RemoveAccountFromOrganizationSchema.parse(raw).detail.requestParameters.accountId;
 * ```
 */
export const RemoveAccountFromOrganizationSchema = cloudTrailEvent({
  eventName: z.literal('RemoveAccountFromOrganization'),
  requestParameters: z.looseObject(
    { accountId: AccountIdSchema },
    { error: 'an object with accountId' },
  ),
});

/** A `RemoveAccountFromOrganization` event (inferred type). */
export type RemoveAccountFromOrganization = z.infer<typeof RemoveAccountFromOrganizationSchema>;

/**
 * `CloseAccountResult` service event (source `aws.organizations`), published once a
 * `CloseAccount` completed: `serviceEventDetails.closeAccountStatus.accountId`.
 *
 * @example
 * ```ts
 * CloseAccountResultSchema.parse(raw).detail.serviceEventDetails.closeAccountStatus.accountId;
 * ```
 */
export const CloseAccountResultSchema = cloudTrailEvent({
  eventName: z.literal('CloseAccountResult'),
  serviceEventDetails: z.looseObject(
    {
      closeAccountStatus: z.looseObject(
        { accountId: AccountIdSchema, state: z.optional(z.string()) },
        { error: 'a closeAccountStatus object' },
      ),
    },
    { error: 'an object with closeAccountStatus' },
  ),
});

/** A `CloseAccountResult` event (inferred type). */
export type CloseAccountResult = z.infer<typeof CloseAccountResultSchema>;

/** Maps a validated `RemoveAccountFromOrganization` to `AccountRemoved`. */
export function toAccountRemovedFromRemove(event: RemoveAccountFromOrganization): AccountRemoved {
  return {
    type: 'AccountRemoved',
    accountId: event.detail.requestParameters.accountId,
    meta: eventMeta(event, event.detail.eventName),
  };
}

/** Maps a validated `CloseAccountResult` to `AccountRemoved`. */
export function toAccountRemovedFromClose(event: CloseAccountResult): AccountRemoved {
  return {
    type: 'AccountRemoved',
    accountId: event.detail.serviceEventDetails.closeAccountStatus.accountId,
    meta: eventMeta(event, event.detail.eventName),
  };
}
