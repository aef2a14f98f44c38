import * as z from 'zod/mini';
import type { ManagedAccountVended } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { EXPECTED_ID, isAccountId, isOuId } from '../ids/aws-ids';
import { caseInsensitiveEnum } from '../text/enum-text';
import { nameOrNull } from '../text/masked-values';

/** What Control Tower writes instead of an id it does not have (failed vendings). */
export const NOT_AVAILABLE = 'Not Available';

/** A string that is `valid(value)` or {@link NOT_AVAILABLE}. */
function idOrNotAvailable(valid: (value: string) => boolean, expected: string) {
  const text = `${expected} or "${NOT_AVAILABLE}"`;
  return z
    .string({ error: text })
    .check(z.refine((v) => v === NOT_AVAILABLE || valid(v), { error: text }));
}

/** `null` for {@link NOT_AVAILABLE} or an absent value, else the value. */
function available(value: string | undefined): string | null {
  return value === undefined || value === NOT_AVAILABLE ? null : value;
}

/** `true` when an id is absent or {@link NOT_AVAILABLE}. */
function missing(value: string | undefined): boolean {
  return value === undefined || value === NOT_AVAILABLE;
}

/**
 * `createManagedAccountStatus` / `updateManagedAccountStatus`. A SUCCEEDED vending must name a
 * real account id and OU id; a FAILED one may say `"Not Available"`.
 */
export const ManagedAccountStatusSchema = z
  .looseObject(
    {
      organizationalUnit: z.optional(
        z.looseObject({
          organizationalUnitName: z.optional(z.string()),
          organizationalUnitId: idOrNotAvailable(isOuId, EXPECTED_ID.ouId),
        }),
      ),
      account: z.optional(
        z.looseObject({
          accountName: z.optional(z.string()),
          accountId: idOrNotAvailable(isAccountId, EXPECTED_ID.accountId),
        }),
      ),
      state: caseInsensitiveEnum(['SUCCEEDED', 'FAILED', 'IN_PROGRESS']),
      message: z.optional(z.string()),
      requestedTimestamp: z.optional(z.string()),
      completedTimestamp: z.optional(z.string()),
    },
    { error: 'a managed account status object' },
  )
  .check(
    z.superRefine((status, ctx) => {
      if (status.state !== 'SUCCEEDED') return;
      // A value that is neither an id nor "Not Available" already has its own issue.
      if (missing(status.account?.accountId)) {
        const message = `${EXPECTED_ID.accountId} (the vending SUCCEEDED)`;
        ctx.addIssue({ code: 'custom', path: ['account', 'accountId'], message });
      }
      if (missing(status.organizationalUnit?.organizationalUnitId)) {
        const message = `${EXPECTED_ID.ouId} (the vending SUCCEEDED)`;
        ctx.addIssue({
          code: 'custom',
          path: ['organizationalUnit', 'organizationalUnitId'],
          message,
        });
      }
    }),
  );

/** A managed account status (inferred type). */
export type ManagedAccountStatus = z.infer<typeof ManagedAccountStatusSchema>;

/**
 * `CreateManagedAccount` lifecycle event (source `aws.controltower`, Control Tower home region).
 *
 * @example
 * ```ts
 * CreateManagedAccountSchema.parse(raw).detail.serviceEventDetails.createManagedAccountStatus.state;
 * ```
 */
export const CreateManagedAccountSchema = cloudTrailEvent({
  eventName: z.literal('CreateManagedAccount'),
  serviceEventDetails: z.looseObject(
    { createManagedAccountStatus: ManagedAccountStatusSchema },
    { error: 'an object with createManagedAccountStatus' },
  ),
});

/** A `CreateManagedAccount` event (inferred type). */
export type CreateManagedAccount = z.infer<typeof CreateManagedAccountSchema>;

/**
 * `UpdateManagedAccount` lifecycle event: emitted instead of `CreateManagedAccount` when a
 * vending is retried or an account is enrolled, and when an enrolled account is updated.
 *
 * @example
 * ```ts
 * UpdateManagedAccountSchema.parse(raw).detail.serviceEventDetails.updateManagedAccountStatus;
 * ```
 */
export const UpdateManagedAccountSchema = cloudTrailEvent({
  eventName: z.literal('UpdateManagedAccount'),
  serviceEventDetails: z.looseObject(
    { updateManagedAccountStatus: ManagedAccountStatusSchema },
    { error: 'an object with updateManagedAccountStatus' },
  ),
});

/** An `UpdateManagedAccount` event (inferred type). */
export type UpdateManagedAccount = z.infer<typeof UpdateManagedAccountSchema>;

/** The domain event of one Control Tower lifecycle status. */
function vended(
  event: CreateManagedAccount | UpdateManagedAccount,
  operation: ManagedAccountVended['operation'],
  status: ManagedAccountStatus,
): ManagedAccountVended {
  return {
    type: 'ManagedAccountVended',
    operation,
    lifecycle: operation === 'CreateManagedAccount' ? 'created' : 'updated',
    state: status.state,
    accountId: available(status.account?.accountId),
    accountName: nameOrNull(available(status.account?.accountName)),
    ouId: available(status.organizationalUnit?.organizationalUnitId),
    ouName: available(status.organizationalUnit?.organizationalUnitName),
    message: status.message ?? null,
    meta: eventMeta(event, operation),
  };
}

/** Maps a validated `CreateManagedAccount` to `ManagedAccountVended` (any state). */
export function toVendedFromCreate(event: CreateManagedAccount): ManagedAccountVended {
  const status = event.detail.serviceEventDetails.createManagedAccountStatus;
  return vended(event, 'CreateManagedAccount', status);
}

/** Maps a validated `UpdateManagedAccount` to `ManagedAccountVended` (any state). */
export function toVendedFromUpdate(event: UpdateManagedAccount): ManagedAccountVended {
  const status = event.detail.serviceEventDetails.updateManagedAccountStatus;
  return vended(event, 'UpdateManagedAccount', status);
}
