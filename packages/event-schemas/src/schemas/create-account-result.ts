import * as z from 'zod/mini';
import type { AccountCreated, CreateAccountFailed } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { AccountIdSchema } from '../ids/aws-ids';

const SucceededStatusSchema = z.looseObject({
  state: z.literal('SUCCEEDED'),
  accountId: AccountIdSchema,
  accountName: z.optional(z.string()),
  id: z.optional(z.string()),
});

const FailedStatusSchema = z.looseObject({
  state: z.literal('FAILED'),
  accountName: z.optional(z.string()),
  failureReason: z.optional(z.string()),
  id: z.optional(z.string()),
});

/**
 * `serviceEventDetails.createAccountStatus`: SUCCEEDED carries the new `accountId`; FAILED
 * carries a `failureReason` (e.g. `EMAIL_ALREADY_EXISTS`) and no account id.
 */
export const CreateAccountStatusSchema = z.discriminatedUnion(
  'state',
  [SucceededStatusSchema, FailedStatusSchema],
  {
    // Only the object's own type error gets this text; a bad `state` reads "one of …".
    error: (issue) => ('expected' in issue ? 'a createAccountStatus object' : undefined),
  },
);

/** `createAccountStatus` (inferred type). */
export type CreateAccountStatus = z.infer<typeof CreateAccountStatusSchema>;

/**
 * `CreateAccountResult` service event (source `aws.organizations`): the end of an asynchronous
 * `CreateAccount`.
 *
 * @example
 * ```ts
 * const event = CreateAccountResultSchema.parse(raw);
 * event.detail.serviceEventDetails.createAccountStatus.state; // 'SUCCEEDED'
 * ```
 */
export const CreateAccountResultSchema = cloudTrailEvent({
  eventName: z.literal('CreateAccountResult'),
  serviceEventDetails: z.looseObject(
    { createAccountStatus: CreateAccountStatusSchema },
    { error: 'an object with createAccountStatus' },
  ),
});

/** A `CreateAccountResult` event (inferred type). */
export type CreateAccountResult = z.infer<typeof CreateAccountResultSchema>;

/**
 * Maps a validated `CreateAccountResult` to `AccountCreated` (SUCCEEDED) or
 * `CreateAccountFailed` (FAILED).
 */
export function toAccountCreatedOrFailed(
  event: CreateAccountResult,
): AccountCreated | CreateAccountFailed {
  const status = event.detail.serviceEventDetails.createAccountStatus;
  const meta = eventMeta(event, event.detail.eventName);
  if (status.state === 'SUCCEEDED') {
    return {
      type: 'AccountCreated',
      accountId: status.accountId,
      accountName: status.accountName ?? null,
      meta,
    };
  }
  return {
    type: 'CreateAccountFailed',
    accountName: status.accountName ?? null,
    failureReason: status.failureReason ?? null,
    meta,
  };
}
