/**
 * Typed domain events: what the product acts on, independent of how AWS delivered it.
 *
 * This file is the contract between the schemas and the engine.
 */

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
  readonly accountName: string | null;
  readonly meta: EventMeta;
}

/** Account creation failed (`CreateAccountResult`, state FAILED): notified, no operations. */
export interface CreateAccountFailed {
  readonly type: 'CreateAccountFailed';
  readonly accountName: string | null;
  readonly failureReason: string | null;
  readonly meta: EventMeta;
}

/** An account accepted an invitation (`AcceptHandshake`, handshake ACCEPTED). */
export interface AccountJoined {
  readonly type: 'AccountJoined';
  readonly accountId: string;
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
  readonly meta: EventMeta;
}

/** An account left or was closed (`RemoveAccountFromOrganization`, `CloseAccountResult`). */
export interface AccountRemoved {
  readonly type: 'AccountRemoved';
  readonly accountId: string;
  readonly meta: EventMeta;
}

/** Control Tower vending result states. */
export type VendingState = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';

/** Control Tower vended (or re-vended / enrolled) an account (`CreateManagedAccount`, `UpdateManagedAccount`). */
export interface ManagedAccountVended {
  readonly type: 'ManagedAccountVended';
  readonly operation: 'CreateManagedAccount' | 'UpdateManagedAccount';
  readonly state: VendingState;
  /** `null` when Control Tower reports `"Not Available"` (failed vendings). */
  readonly accountId: string | null;
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
 * - `NotAnAccount`: tags changed on a root, OU or policy, not an account.
 * - `HandshakeNotAccepted`: `AcceptHandshake` whose handshake state is not `ACCEPTED`.
 * - `HandshakeNotInvite`: an accepted handshake that is not an invitation (e.g.
 *   `APPROVE_ALL_FEATURES`): no account joined.
 */
export type IgnoreReason =
  | 'ApiCallFailed'
  | 'UnhandledEventName'
  | 'UnknownSource'
  | 'NotAnAccount'
  | 'HandshakeNotAccepted'
  | 'HandshakeNotInvite';

/** All ignore reasons, in the order of {@link IgnoreReason}'s documentation. */
export const IGNORE_REASONS: readonly IgnoreReason[] = [
  'ApiCallFailed',
  'UnhandledEventName',
  'UnknownSource',
  'NotAnAccount',
  'HandshakeNotAccepted',
  'HandshakeNotInvite',
];
