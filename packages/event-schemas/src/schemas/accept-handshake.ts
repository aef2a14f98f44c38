import * as z from 'zod/mini';
import type { AccountJoined } from '../domain/domain-event';
import { API_CALL_DETAIL_TYPE, cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { EXPECTED_ID, isAccountId } from '../ids/aws-ids';
import type { IgnoredEvent } from './mapped-event';

/** A handshake party: `{ type: "ACCOUNT" | "ORGANIZATION" | "EMAIL", id }`. */
export const HandshakePartySchema = z.looseObject({ type: z.string(), id: z.string() });

/** A handshake resource: `{ type: "ACCOUNT" | "ORGANIZATION" | "EMAIL" | …, value }`. */
export const HandshakeResourceSchema = z.looseObject({
  type: z.string(),
  value: z.optional(z.string()),
});

type Handshake = {
  readonly state: string;
  readonly action?: string | undefined;
  readonly parties: readonly z.infer<typeof HandshakePartySchema>[];
  readonly resources?: readonly z.infer<typeof HandshakeResourceSchema>[] | undefined;
};

/** `true` when `value` is `expected` in any case (AWS logs `INVITE` and `invite`). */
function is(value: string | undefined, expected: string): boolean {
  return value !== undefined && value.toUpperCase() === expected;
}

/** `true` when the handshake is an accepted invitation, i.e. an account joined. */
function isAcceptedInvitation(handshake: Handshake): boolean {
  return is(handshake.state, 'ACCEPTED') && is(handshake.action ?? 'INVITE', 'INVITE');
}

/** Index of the `ACCOUNT` party, or -1 (an e-mail invitation names an `EMAIL` party instead). */
function accountPartyIndex(handshake: Handshake): number {
  return handshake.parties.findIndex((p) => is(p.type, 'ACCOUNT'));
}

/**
 * The id of the account that joined, when the handshake names it: the `ACCOUNT` party, else the
 * `ACCOUNT` resource. An e-mail invitation names neither: `undefined`.
 */
function namedAccountId(handshake: Handshake): string | undefined {
  const party = handshake.parties[accountPartyIndex(handshake)];
  if (party !== undefined) return party.id;
  return handshake.resources?.find((r) => is(r.type, 'ACCOUNT'))?.value;
}

/**
 * `responseElements.handshake`. When it is an ACCEPTED invitation that names the joining account
 * (an `ACCOUNT` party or resource), that id must be a 12-digit account id.
 */
export const HandshakeSchema = z
  .looseObject(
    {
      id: z.optional(z.string()),
      state: z.string(),
      action: z.optional(z.string()),
      parties: z.array(HandshakePartySchema),
      resources: z.optional(z.array(HandshakeResourceSchema)),
    },
    { error: 'a handshake object' },
  )
  .check(
    z.superRefine((handshake, ctx) => {
      if (!isAcceptedInvitation(handshake)) return;
      const accountId = namedAccountId(handshake);
      if (accountId === undefined || isAccountId(accountId)) return;
      const partyIndex = accountPartyIndex(handshake);
      const path = partyIndex >= 0 ? ['parties', partyIndex, 'id'] : ['resources'];
      ctx.addIssue({ code: 'custom', path, message: EXPECTED_ID.accountId });
    }),
  );

/** `responseElements.handshake` (inferred type). */
export type HandshakeElement = z.infer<typeof HandshakeSchema>;

/** What the caller's account id must be when an accepted e-mail invitation names no account. */
const EXPECTED_CALLER = `${EXPECTED_ID.accountId} (the caller, who accepted an e-mail invitation)`;

/**
 * `AcceptHandshake` (source `aws.organizations`), delivered as an API call **or** a service
 * event. An API call accepting an e-mail invitation (no `ACCOUNT` party) must name its caller's
 * account in `userIdentity.accountId`: that is the account that joined.
 *
 * @example
 * ```ts
 * AcceptHandshakeSchema.parse(raw).detail.responseElements.handshake.state; // 'ACCEPTED'
 * ```
 */
export const AcceptHandshakeSchema = cloudTrailEvent({
  eventName: z.literal('AcceptHandshake'),
  responseElements: z.looseObject(
    { handshake: HandshakeSchema },
    { error: 'an object with the accepted handshake' },
  ),
}).check(
  z.superRefine((event, ctx) => {
    const handshake = event.detail.responseElements.handshake;
    if (event['detail-type'] !== API_CALL_DETAIL_TYPE || !isAcceptedInvitation(handshake)) return;
    if (namedAccountId(handshake) !== undefined) return;
    if (isAccountId(event.detail.userIdentity?.accountId)) return;
    const path = ['detail', 'userIdentity', 'accountId'];
    ctx.addIssue({ code: 'custom', path, message: EXPECTED_CALLER });
  }),
);

/** An `AcceptHandshake` event (inferred type). */
export type AcceptHandshake = z.infer<typeof AcceptHandshakeSchema>;

/**
 * Maps a validated `AcceptHandshake` to `AccountJoined`; a handshake that is not ACCEPTED, or
 * not an invitation (e.g. `APPROVE_ALL_FEATURES`), is ignored. An accepted e-mail invitation
 * names no account: the API call's caller joined; a service event is ignored
 * (`JoinedAccountUnknown`: the membership event `AccountJoinedOrganization` names the account).
 */
export function toAccountJoined(event: AcceptHandshake): AccountJoined | IgnoredEvent {
  const handshake = event.detail.responseElements.handshake;
  const name = handshake.id ?? '(no id)';
  if (!is(handshake.state, 'ACCEPTED')) {
    return {
      ignored: 'HandshakeNotAccepted',
      detail: `handshake ${name} is ${handshake.state}, not ACCEPTED`,
    };
  }
  if (!isAcceptedInvitation(handshake)) {
    return {
      ignored: 'HandshakeNotInvite',
      detail: `handshake ${name} is ${handshake.action ?? 'unknown'}, not an INVITE`,
    };
  }
  const meta = eventMeta(event, event.detail.eventName);
  const named = namedAccountId(handshake);
  if (named !== undefined) return { type: 'AccountJoined', accountId: named, meta };
  const caller = event.detail.userIdentity?.accountId;
  if (event['detail-type'] === API_CALL_DETAIL_TYPE && isAccountId(caller)) {
    return { type: 'AccountJoined', accountId: caller, meta };
  }
  return {
    ignored: 'JoinedAccountUnknown',
    detail: `handshake ${name} accepted an e-mail invitation; the service event names no account`,
  };
}
