import * as z from 'zod/mini';
import type { AccountCreated, CreateAccountFailed } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { EXPECTED_ID, isAccountId } from '../ids/aws-ids';
import { caseInsensitiveEnum } from '../text/enum-text';
import { nameOrNull } from '../text/masked-values';

/**
 * `serviceEventDetails.createAccountStatus`: SUCCEEDED carries the new `accountId`; FAILED
 * carries a `failureReason` (e.g. `EMAIL_ALREADY_EXISTS`) and no account id. `state` may be in
 * any case; `accountName` may be masked by CloudTrail (`"****"`).
 */
export const CreateAccountStatusSchema = z
  .looseObject(
    {
      state: caseInsensitiveEnum(['SUCCEEDED', 'FAILED']),
      accountId: z.optional(z.unknown()),
      accountName: z.optional(z.string()),
      failureReason: z.optional(z.string()),
      id: z.optional(z.string()),
    },
    { error: 'a createAccountStatus object' },
  )
  .check(
    z.superRefine((status, ctx) => {
      if (status.state === 'SUCCEEDED' && !isAccountId(status.accountId)) {
        ctx.addIssue({ code: 'custom', path: ['accountId'], message: EXPECTED_ID.accountId });
      }
    }),
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
 * `CreateAccountFailed` (FAILED). A masked name (`"****"`) is never a name: `accountName: null`.
 */
export function toAccountCreatedOrFailed(
  event: CreateAccountResult,
): AccountCreated | CreateAccountFailed {
  const status = event.detail.serviceEventDetails.createAccountStatus;
  const meta = eventMeta(event, event.detail.eventName);
  if (status.state === 'SUCCEEDED' && isAccountId(status.accountId)) {
    return {
      type: 'AccountCreated',
      accountId: status.accountId,
      accountName: nameOrNull(status.accountName),
      meta,
    };
  }
  return {
    type: 'CreateAccountFailed',
    accountName: nameOrNull(status.accountName),
    failureReason: status.failureReason ?? null,
    meta,
  };
}
