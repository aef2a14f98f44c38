/**
 * Typed domain events: what the product acts on, independent of how AWS delivered it.
 *
 * This file is the contract between the schemas and the engine.
 */

import type { ChangeActor } from './change-event';

/** Where a domain event came from: enough to audit it and to correlate logs. */
export interface EventMeta {
  /** EventBridge event id (`id`). */
  readonly eventId: string;
  /** EventBridge `source`, e.g. `aws.organizations`. */
  readonly source: string;
  /** EventBridge `detail-type`. */
  readonly detailType: string;
  /** CloudTrail `eventName`, or `TagChangeOnResource` for `aws.tag` events. */
  readonly eventName: string;
  /** EventBridge `time` (ISO 8601). */
  readonly time: string;
  /** EventBridge `region`. */
  readonly region: string;
}

/** An account was created by Organizations (`CreateAccountResult`, state SUCCEEDED). */
export interface AccountCreated {
  readonly type: 'AccountCreated';
  readonly accountId: string;
  /**
   * The name from the event, or `null` when absent or masked by CloudTrail (`"****"`): a masked
   * value is never a name; the deployed path reads the name with `DescribeAccount`.
   */
  readonly accountName: string | null;
  readonly meta: EventMeta;
}

/** Account creation failed (`CreateAccountResult`, state FAILED): notified, no operations. */
export interface CreateAccountFailed {
  readonly type: 'CreateAccountFailed';
  /** The requested name, or `null` when absent or masked (`"****"`). */
  readonly accountName: string | null;
  readonly failureReason: string | null;
  readonly meta: EventMeta;
}

/** How an account joined, as the `AccountJoinedOrganization` membership event says. */
export type JoinedMethod = 'Created' | 'Invited';

/**
 * An account joined the organization: it accepted an invitation (`AcceptHandshake`, handshake
 * ACCEPTED, an account or an e-mail invitation), or Organizations logged the membership event
 * `AccountJoinedOrganization`.
 */
export interface AccountJoined {
  readonly type: 'AccountJoined';
  readonly accountId: string;
  /** Only on `AccountJoinedOrganization`: `Created` or `Invited` (when the event says). */
  readonly joinedMethod?: JoinedMethod;
  readonly meta: EventMeta;
}

/** An account was moved between parents (`MoveAccount`). */
export interface AccountMoved {
  readonly type: 'AccountMoved';
  readonly accountId: string;
  readonly sourceParentId: string;
  readonly destinationParentId: string;
  readonly meta: EventMeta;
}

/**
 * How an account's tags changed.
 * - `replace`: `aws.tag` event: `tags` is the full current map; `changedKeys` the keys that changed
 *   (a changed key absent from `tags` was deleted).
 * - `set`: `TagResource`: these keys now have these values.
 * - `remove`: `UntagResource`: these keys were removed.
 */
export type TagChange =
  | {
      readonly kind: 'replace';
      readonly tags: Readonly<Record<string, string>>;
      readonly changedKeys: readonly string[];
    }
  | { readonly kind: 'set'; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: 'remove'; readonly keys: readonly string[] };

/** An account's tags changed. */
export interface AccountTagsChanged {
  readonly type: 'AccountTagsChanged';
  readonly accountId: string;
  readonly change: TagChange;
  /**
   * Who called `TagResource` / `UntagResource` (CloudTrail's `userIdentity`): the tag ledger
   * records it as who set the values. Absent on `aws.tag` events, which name nobody.
   */
  readonly actor?: ChangeActor;
  readonly meta: EventMeta;
}

/** How an account departed, as the `AccountDepartedOrganization` membership event says. */
export type DepartureMethod = 'Left' | 'Removed' | 'Cleaned';

/**
 * An account left the organization or was closed: `RemoveAccountFromOrganization`, a
 * SUCCEEDED `CloseAccountResult`, a successful `LeaveOrganization` (the caller's account), or the
 * membership event `AccountDepartedOrganization`.
 */
export interface AccountRemoved {
  readonly type: 'AccountRemoved';
  readonly accountId: string;
  /** Only on `AccountDepartedOrganization`: `Left`, `Removed` or `Cleaned` (when the event says). */
  readonly departureMethod?: DepartureMethod;
  readonly meta: EventMeta;
}

/** Control Tower vending result states. */
export type VendingState = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';

/**
 * Whether a vending created an account (`CreateManagedAccount`) or updated one
 * (`UpdateManagedAccount`: a retried vending, an enrollment, or an update of an enrolled account).
 */
export type VendingLifecycle = 'created' | 'updated';

/** Control Tower vended (or re-vended / enrolled / updated) an account (`CreateManagedAccount`, `UpdateManagedAccount`). */
export interface ManagedAccountVended {
  readonly type: 'ManagedAccountVended';
  readonly operation: 'CreateManagedAccount' | 'UpdateManagedAccount';
  /** `created` for `CreateManagedAccount`, `updated` for `UpdateManagedAccount`. */
  readonly lifecycle: VendingLifecycle;
  readonly state: VendingState;
  /** `null` when Control Tower reports `"Not Available"` (failed vendings). */
  readonly accountId: string | null;
  /** `null` when absent, `"Not Available"` or masked (`"****"`). */
  readonly accountName: string | null;
  readonly ouId: string | null;
  readonly ouName: string | null;
  readonly message: string | null;
  readonly meta: EventMeta;
}

/** An organizational unit was created (`CreateOrganizationalUnit`). */
export interface OrganizationalUnitCreated {
  readonly type: 'OrganizationalUnitCreated';
  readonly ouId: string;
  readonly name: string;
  readonly parentId: string;
  readonly meta: EventMeta;
}

/** Every domain event the product handles (discriminated on `type`). */
export type DomainEvent =
  | AccountCreated
  | CreateAccountFailed
  | AccountJoined
  | AccountMoved
  | AccountTagsChanged
  | AccountRemoved
  | ManagedAccountVended
  | OrganizationalUnitCreated;

/** The `type` names of every domain event. */
export type DomainEventType = DomainEvent['type'];

/** All domain event type names, in the order of {@link DomainEvent}. */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  'AccountCreated',
  'CreateAccountFailed',
  'AccountJoined',
  'AccountMoved',
  'AccountTagsChanged',
  'AccountRemoved',
  'ManagedAccountVended',
  'OrganizationalUnitCreated',
];

/**
 * Why an event was ignored (no operations).
 * - `ApiCallFailed`: a CloudTrail record with `errorCode` (the call did not happen).
 * - `UnhandledEventName`: a known source, but an eventName (or detail-type) not handled.
 * - `UnknownSource`: an EventBridge source this product does not handle.
 * - `NotAnAccount`: tags changed on a root, OU, policy or a resource of another service; a
 *   policy attached to or detached from a root or an OU.
 * - `HandshakeNotAccepted`: `AcceptHandshake` whose handshake state is not `ACCEPTED`.
 * - `HandshakeNotInvite`: an accepted handshake that is not an invitation (e.g.
 *   `APPROVE_ALL_FEATURES`): no account joined.
 * - `JoinedAccountUnknown`: an accepted e-mail invitation delivered as a service event, which
 *   names no account (the membership event `AccountJoinedOrganization` does).
 * - `CloseAccountNotSucceeded`: `CloseAccountResult` whose state is not `SUCCEEDED`: the
 *   account is still a member.
 * - `OwnChange`: a change made by one of the product's own roles.
 */
export type IgnoreReason =
  | 'ApiCallFailed'
  | 'UnhandledEventName'
  | 'UnknownSource'
  | 'NotAnAccount'
  | 'HandshakeNotAccepted'
  | 'HandshakeNotInvite'
  | 'JoinedAccountUnknown'
  | 'CloseAccountNotSucceeded'
  | 'OwnChange';

/** All ignore reasons, in the order of {@link IgnoreReason}'s documentation. */
export const IGNORE_REASONS: readonly IgnoreReason[] = [
  'ApiCallFailed',
  'UnhandledEventName',
  'UnknownSource',
  'NotAnAccount',
  'HandshakeNotAccepted',
  'HandshakeNotInvite',
  'JoinedAccountUnknown',
  'CloseAccountNotSucceeded',
  'OwnChange',
];
