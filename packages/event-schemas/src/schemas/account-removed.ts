import * as z from 'zod/mini';
import type { AccountRemoved, DepartureMethod } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import type { EventBridgeEnvelope } from '../envelope/eventbridge-envelope';
import { AccountIdSchema } from '../ids/aws-ids';
import type { IgnoredEvent } from './mapped-event';

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
 * `CloseAccount` completed: `serviceEventDetails.closeAccountStatus.{accountId,state}`.
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

/**
 * The `AccountRemoved` of a validated event that removed `accountId` (with the departure method
 * when the event says), its metadata read from the event: what every removal mapping returns.
 *
 * @example
 * ```ts
 * accountRemoved(event, event.detail.requestParameters.accountId);
 * ```
 */
export function accountRemoved(
  event: EventBridgeEnvelope & { readonly detail: { readonly eventName: string } },
  accountId: string,
  departureMethod?: DepartureMethod,
): AccountRemoved {
  return {
    type: 'AccountRemoved',
    accountId,
    ...(departureMethod === undefined ? {} : { departureMethod }),
    meta: eventMeta(event, event.detail.eventName),
  };
}

/** Maps a validated `RemoveAccountFromOrganization` to `AccountRemoved`. */
export function toAccountRemovedFromRemove(event: RemoveAccountFromOrganization): AccountRemoved {
  return accountRemoved(event, event.detail.requestParameters.accountId);
}

/**
 * Maps a validated `CloseAccountResult` to `AccountRemoved` when its state is `SUCCEEDED` (in
 * any case). Any other state — `FAILED`, `IN_PROGRESS`, absent — leaves the account a member:
 * ignored (`CloseAccountNotSucceeded`), never a removal.
 */
export function toAccountRemovedFromClose(
  event: CloseAccountResult,
): AccountRemoved | IgnoredEvent {
  const { accountId, state } = event.detail.serviceEventDetails.closeAccountStatus;
  if (state?.toUpperCase() !== 'SUCCEEDED') {
    const why = state === undefined ? 'has no state' : `is ${state.toUpperCase()}`;
    return {
      ignored: 'CloseAccountNotSucceeded',
      detail: `closing account ${accountId} ${why}, not SUCCEEDED: it is still a member`,
    };
  }
  return accountRemoved(event, accountId);
}
