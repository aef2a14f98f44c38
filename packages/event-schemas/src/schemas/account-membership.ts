import * as z from 'zod/mini';
import type {
  AccountJoined,
  AccountRemoved,
  DepartureMethod,
  JoinedMethod,
} from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { EXPECTED_ID, isAccountId } from '../ids/aws-ids';
import { accountRemoved } from './account-removed';
import { canonicalEnum } from '../text/enum-text';

/** Where AWS may place the fields of a membership event, in the order they are searched. */
const CONTAINERS = ['serviceEventDetails', 'requestParameters', 'responseElements'] as const;

/** Keys naming the member account, directly in a container or in one object inside it. */
const ACCOUNT_KEYS = ['accountId', 'memberAccountId'] as const;

/** What a membership event must carry. */
const EXPECTED_MEMBER = `${EXPECTED_ID.accountId} (the member account: accountId in serviceEventDetails, requestParameters or responseElements)`;

type Json = Readonly<Record<string, unknown>>;

/** `value` when it is a JSON object, else `undefined`. */
function objectOf(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** One field found in a membership event: its value and its path from `detail`. */
interface Found {
  readonly value: unknown;
  readonly path: readonly (string | number)[];
}

/**
 * The first of `keys` in the containers (`serviceEventDetails`, then `requestParameters`, then
 * `responseElements`), directly or in an object one level down (e.g. `account.accountId`), or
 * `undefined`. No public sample of these events existed when this was written: every place the
 * documentation allows is searched.
 */
function findField(detail: Json, keys: readonly string[]): Found | undefined {
  for (const container of CONTAINERS) {
    const top = objectOf(detail[container]);
    if (top === undefined) continue;
    for (const key of keys) {
      if (top[key] !== undefined) return { value: top[key], path: [container, key] };
    }
    for (const [name, child] of Object.entries(top)) {
      const inner = objectOf(child);
      const key = inner === undefined ? undefined : keys.find((k) => inner[k] !== undefined);
      if (inner !== undefined && key !== undefined) {
        return { value: inner[key], path: [container, name, key] };
      }
      if (name === 'account' && inner !== undefined && inner['id'] !== undefined) {
        return { value: inner['id'], path: [container, name, 'id'] };
      }
    }
  }
  return undefined;
}

/** The CloudTrail detail of a membership event, with the member account id checked. */
function membershipEvent<const Name extends string>(eventName: Name) {
  return cloudTrailEvent({ eventName: z.literal(eventName) }).check(
    z.superRefine((event, ctx) => {
      const found = findField(event.detail, ACCOUNT_KEYS);
      if (found !== undefined && isAccountId(found.value)) return;
      const path = ['detail', ...(found?.path ?? ['serviceEventDetails', 'accountId'])];
      ctx.addIssue({ code: 'custom', path, message: EXPECTED_MEMBER });
    }),
  );
}

/**
 * `AccountJoinedOrganization` membership event (source `aws.organizations`, logged in the
 * management account since 2026-05-28): the member account id and `joinedMethod` (`Created` |
 * `Invited`, any case), wherever AWS places them.
 *
 * @example
 * ```ts
 * AccountJoinedOrganizationSchema.parse(raw).detail.serviceEventDetails;
 * ```
 */
export const AccountJoinedOrganizationSchema = membershipEvent('AccountJoinedOrganization');

/** An `AccountJoinedOrganization` event (inferred type). */
export type AccountJoinedOrganization = z.infer<typeof AccountJoinedOrganizationSchema>;

/**
 * `AccountDepartedOrganization` membership event: the member account id and the departure
 * method (`departureMethod` or `departedMethod`: `Left` | `Removed` | `Cleaned`, any case).
 *
 * @example
 * ```ts
 * AccountDepartedOrganizationSchema.parse(raw).detail.serviceEventDetails;
 * ```
 */
export const AccountDepartedOrganizationSchema = membershipEvent('AccountDepartedOrganization');

/** An `AccountDepartedOrganization` event (inferred type). */
export type AccountDepartedOrganization = z.infer<typeof AccountDepartedOrganizationSchema>;

/** The member account id of a validated membership event. */
function memberAccountId(detail: Json): string {
  return String(findField(detail, ACCOUNT_KEYS)?.value);
}

const JOINED_METHODS = ['Created', 'Invited'] as const satisfies readonly JoinedMethod[];
const DEPARTURE_METHODS = [
  'Left',
  'Removed',
  'Cleaned',
] as const satisfies readonly DepartureMethod[];

/** Maps a validated `AccountJoinedOrganization` to `AccountJoined` (either joined method). */
export function toAccountJoinedFromMembership(event: AccountJoinedOrganization): AccountJoined {
  const method = canonicalEnum(JOINED_METHODS, findField(event.detail, ['joinedMethod'])?.value);
  return {
    type: 'AccountJoined',
    accountId: memberAccountId(event.detail),
    ...(method === undefined ? {} : { joinedMethod: method }),
    meta: eventMeta(event, event.detail.eventName),
  };
}

/** Maps a validated `AccountDepartedOrganization` to `AccountRemoved` (any departure method). */
export function toAccountRemovedFromMembership(event: AccountDepartedOrganization): AccountRemoved {
  const found = findField(event.detail, ['departureMethod', 'departedMethod']);
  const method = canonicalEnum(DEPARTURE_METHODS, found?.value);
  return accountRemoved(event, memberAccountId(event.detail), method);
}

/**
 * `LeaveOrganization` API call by a member account: the account that left is the caller,
 * `userIdentity.accountId`. (A failed call carries `errorCode` and is ignored before this.)
 *
 * @example
 * ```ts
 * LeaveOrganizationSchema.parse(raw).detail.userIdentity.accountId; // '555566667777'
 * ```
 */
export const LeaveOrganizationSchema = cloudTrailEvent({
  eventName: z.literal('LeaveOrganization'),
  userIdentity: z.looseObject(
    {
      accountId: z
        .string({ error: `${EXPECTED_ID.accountId} (the account that left)` })
        .check(
          z.refine(isAccountId, { error: `${EXPECTED_ID.accountId} (the account that left)` }),
        ),
    },
    { error: 'the caller (userIdentity with accountId)' },
  ),
});

/** A `LeaveOrganization` event (inferred type). */
export type LeaveOrganization = z.infer<typeof LeaveOrganizationSchema>;

/** Maps a validated `LeaveOrganization` to `AccountRemoved` (the caller's account). */
export function toAccountRemovedFromLeave(event: LeaveOrganization): AccountRemoved {
  return accountRemoved(event, event.detail.userIdentity.accountId);
}
