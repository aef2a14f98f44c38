import * as z from 'zod/mini';
import type { AccountJoined } from '../domain/domain-event';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { EXPECTED_ID, isAccountId } from '../ids/aws-ids';
import type { IgnoredEvent } from './mapped-event';

/** A handshake party: `{ type: "ACCOUNT" | "ORGANIZATION" | "EMAIL", id }`. */
export const HandshakePartySchema = z.looseObject({ type: z.string(), id: z.string() });

/** A handshake resource: `{ type: "ACCOUNT" | "ORGANIZATION" | …, value }`. */
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

/** `true` when the handshake is an accepted invitation, i.e. an account joined. */
function isAcceptedInvitation(handshake: Handshake): boolean {
  return handshake.state === 'ACCEPTED' && (handshake.action ?? 'INVITE') === 'INVITE';
}

/**
 * The id of the account that joined: the `ACCOUNT` party (`handshake.parties`), else the
 * `ACCOUNT` resource (invitations sent by email name an `EMAIL` party instead).
 */
function joinedAccountId(handshake: Handshake): string | undefined {
  const party = handshake.parties.find((p) => p.type === 'ACCOUNT');
  if (party !== undefined) return party.id;
  return handshake.resources?.find((r) => r.type === 'ACCOUNT')?.value;
}

/**
 * `responseElements.handshake`. When it is an ACCEPTED invitation, the joining account id
 * must be readable (an `ACCOUNT` party, or an `ACCOUNT` resource) and be a 12-digit id.
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
      const partyIndex = handshake.parties.findIndex((p) => p.type === 'ACCOUNT');
      const accountId = joinedAccountId(handshake);
      if (accountId === undefined) {
        ctx.addIssue({ code: 'custom', path: ['parties'], message: 'a party with type ACCOUNT' });
      } else if (!isAccountId(accountId)) {
        const path = partyIndex >= 0 ? ['parties', partyIndex, 'id'] : ['resources'];
        ctx.addIssue({ code: 'custom', path, message: EXPECTED_ID.accountId });
      }
    }),
  );

/** `responseElements.handshake` (inferred type). */
export type HandshakeElement = z.infer<typeof HandshakeSchema>;

/**
 * `AcceptHandshake` (source `aws.organizations`), delivered as an API call **or** a service
 * event.
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
});

/** An `AcceptHandshake` event (inferred type). */
export type AcceptHandshake = z.infer<typeof AcceptHandshakeSchema>;

/**
 * Maps a validated `AcceptHandshake` to `AccountJoined`; a handshake that is not ACCEPTED, or
 * not an invitation (e.g. `APPROVE_ALL_FEATURES`), is ignored.
 */
export function toAccountJoined(event: AcceptHandshake): AccountJoined | IgnoredEvent {
  const handshake = event.detail.responseElements.handshake;
  const name = handshake.id ?? '(no id)';
  if (handshake.state !== 'ACCEPTED') {
    return {
      ignored: 'HandshakeNotAccepted',
      detail: `handshake ${name} is ${handshake.state}, not ACCEPTED`,
    };
  }
  const accountId = joinedAccountId(handshake);
  if (!isAcceptedInvitation(handshake) || accountId === undefined) {
    return {
      ignored: 'HandshakeNotInvite',
      detail: `handshake ${name} is ${handshake.action ?? 'unknown'}, not an INVITE`,
    };
  }
  return { type: 'AccountJoined', accountId, meta: eventMeta(event, event.detail.eventName) };
}
