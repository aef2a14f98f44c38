/**
 * Domain events of changes the planner does not handle yet: changes made outside the product
 * (a policy attached or detached, an assignment created or deleted, by someone else) and new
 * Identity Center directory objects (a group or user, a permission set). They are kept out of
 * {@link DomainEvent} so the engine's exhaustive `switch`es stay valid until the planner
 * consumes them; `parseGovernanceEvent` returns them as `{ kind: 'change', event }`.
 */
import type { EventMeta } from './domain-event';

/**
 * Who made a call, from CloudTrail's `userIdentity`: enough to tell the product's own roles
 * (`OwnChange`) from a person, and to audit who changed a managed item by hand.
 */
export interface ChangeActor {
  /** `userIdentity.type`: `AssumedRole`, `IAMUser`, `Root`, `AWSService`, … or `null`. */
  readonly type: string | null;
  /** `userIdentity.arn`, e.g. `arn:aws:sts::111111111111:assumed-role/Admin/jdoe`, or `null`. */
  readonly arn: string | null;
  /** `userIdentity.principalId`, or `null`. */
  readonly principalId: string | null;
  /** `userIdentity.accountId`, or `null`. */
  readonly accountId: string | null;
  /** `userIdentity.sessionContext.sessionIssuer.arn` (the role's IAM ARN), or `null`. */
  readonly sessionIssuerArn: string | null;
  /** `userIdentity.invokedBy` (an AWS service), or `null`. */
  readonly invokedBy: string | null;
}

/** An Organizations policy was attached to or detached from an account by someone (`AttachPolicy` / `DetachPolicy`). */
export interface PolicyChangedOutOfBand {
  readonly type: 'PolicyChangedOutOfBand';
  /** `attached` (`AttachPolicy`) or `detached` (`DetachPolicy`). */
  readonly change: 'attached' | 'detached';
  readonly policyId: string;
  /** The account the policy was attached to or detached from (OU and root targets are ignored). */
  readonly accountId: string;
  readonly actor: ChangeActor;
  readonly meta: EventMeta;
}

/** Identity Center principal types. */
export type PrincipalType = 'USER' | 'GROUP';

/** An account assignment was created or deleted by someone (`CreateAccountAssignment` / `DeleteAccountAssignment`). */
export interface AssignmentChangedOutOfBand {
  readonly type: 'AssignmentChangedOutOfBand';
  /** `created` (`CreateAccountAssignment`) or `deleted` (`DeleteAccountAssignment`). */
  readonly change: 'created' | 'deleted';
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
  /** The Identity Center instance ARN, or `null` when the event does not carry it. */
  readonly instanceArn: string | null;
  readonly actor: ChangeActor;
  readonly meta: EventMeta;
}

/**
 * An Identity Store group or user was created (`CreateGroup` / `CreateUser`). CloudTrail no
 * longer carries display names (`HIDDEN_DUE_TO_SECURITY_REASONS` or absent): `name` is `null`
 * then, and the deployed path resolves it with `DescribeGroup` / `DescribeUser`.
 */
export interface DirectoryPrincipalCreated {
  readonly type: 'DirectoryPrincipalCreated';
  readonly principalType: PrincipalType;
  readonly principalId: string;
  /** The identity store id (`d-…`), or `null`. */
  readonly identityStoreId: string | null;
  /** The group's display name or the user's user name when the event carries it, else `null`. */
  readonly name: string | null;
  readonly actor: ChangeActor;
  readonly meta: EventMeta;
}

/** A permission set was created (`CreatePermissionSet`). */
export interface PermissionSetCreated {
  readonly type: 'PermissionSetCreated';
  readonly permissionSetArn: string;
  /** The permission set's name, or `null` when the event hides it (read it with `DescribePermissionSet`). */
  readonly name: string | null;
  /** The Identity Center instance ARN, or `null` when the event does not carry it. */
  readonly instanceArn: string | null;
  readonly actor: ChangeActor;
  readonly meta: EventMeta;
}

/** A change made outside the product to something it may manage. */
export type OutOfBandChange = PolicyChangedOutOfBand | AssignmentChangedOutOfBand;

/** A new Identity Center directory object rules may be waiting for. */
export type DirectoryEvent = DirectoryPrincipalCreated | PermissionSetCreated;

/** Every change event (discriminated on `type`). */
export type ChangeEvent = OutOfBandChange | DirectoryEvent;

/** The `type` names of every change event. */
export type ChangeEventType = ChangeEvent['type'];

/** All change event type names, in the order of {@link ChangeEvent}. */
export const CHANGE_EVENT_TYPES: readonly ChangeEventType[] = [
  'PolicyChangedOutOfBand',
  'AssignmentChangedOutOfBand',
  'DirectoryPrincipalCreated',
  'PermissionSetCreated',
];
