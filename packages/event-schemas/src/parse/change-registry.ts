import type {
  IdentityCenterEventName,
  IdentityStoreEventName,
  OrganizationsPolicyChangeEventName,
} from '@org/contracts';
import { AssignmentChangeSchema, toAssignmentChanged } from '../schemas/assignment-change';
import {
  DirectoryPrincipalSchema,
  toDirectoryPrincipalCreated,
} from '../schemas/directory-principal';
import type { MappedChange } from '../schemas/mapped-event';
import { CreatePermissionSetSchema, toPermissionSetCreated } from '../schemas/permission-set';
import { PolicyChangeSchema, toPolicyChanged } from '../schemas/policy-change';
import { eventHandler, type EventHandler } from './event-handler';

/** A handler of change events. */
export type ChangeHandler = EventHandler<MappedChange>;

const policyChange: ChangeHandler = eventHandler(PolicyChangeSchema, toPolicyChanged);
const assignmentChange: ChangeHandler = eventHandler(AssignmentChangeSchema, toAssignmentChanged);
const directoryPrincipal: ChangeHandler = eventHandler(
  DirectoryPrincipalSchema,
  toDirectoryPrincipalCreated,
);

/** `aws.organizations` policy changes, by eventName (one per contract name). */
const POLICY_CHANGE_TABLE: Readonly<Record<OrganizationsPolicyChangeEventName, ChangeHandler>> = {
  AttachPolicy: policyChange,
  DetachPolicy: policyChange,
};

/** `aws.sso` events, by eventName (one per contract name). */
const IDENTITY_CENTER_TABLE: Readonly<Record<IdentityCenterEventName, ChangeHandler>> = {
  CreateAccountAssignment: assignmentChange,
  DeleteAccountAssignment: assignmentChange,
  CreatePermissionSet: eventHandler(CreatePermissionSetSchema, toPermissionSetCreated),
};

/** Identity Store events, by eventName (one per contract name). */
const IDENTITY_STORE_TABLE: Readonly<Record<IdentityStoreEventName, ChangeHandler>> = {
  CreateGroup: directoryPrincipal,
  CreateUser: directoryPrincipal,
};

/** The EventBridge sources of change events, and their handlers by eventName. */
export const CHANGE_HANDLERS: ReadonlyMap<string, ReadonlyMap<string, ChangeHandler>> = new Map([
  ['aws.organizations', new Map(Object.entries(POLICY_CHANGE_TABLE))],
  ['aws.sso', new Map(Object.entries(IDENTITY_CENTER_TABLE))],
  ['aws.sso-directory', new Map(Object.entries(IDENTITY_STORE_TABLE))],
  ['aws.identitystore', new Map(Object.entries(IDENTITY_STORE_TABLE))],
]);

/**
 * Every eventName `parseGovernanceEvent` turns into a change event, by source (for EventBridge
 * rule patterns; `aws.organizations` names here are in addition to `HANDLED_EVENT_NAMES`).
 *
 * @example
 * ```ts
 * CHANGE_EVENT_NAMES['aws.sso']; // ['CreateAccountAssignment', 'DeleteAccountAssignment', 'CreatePermissionSet']
 * ```
 */
export const CHANGE_EVENT_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [...CHANGE_HANDLERS].map(([source, handlers]) => [source, [...handlers.keys()]]),
);
