import type { ControlTowerEventName, OrganizationsEventName } from '@org/contracts';
import { toAccountJoined, AcceptHandshakeSchema } from '../schemas/accept-handshake';
import {
  AccountDepartedOrganizationSchema,
  AccountJoinedOrganizationSchema,
  LeaveOrganizationSchema,
  toAccountJoinedFromMembership,
  toAccountRemovedFromLeave,
  toAccountRemovedFromMembership,
} from '../schemas/account-membership';
import {
  CloseAccountResultSchema,
  RemoveAccountFromOrganizationSchema,
  toAccountRemovedFromClose,
  toAccountRemovedFromRemove,
} from '../schemas/account-removed';
import {
  CreateAccountResultSchema,
  toAccountCreatedOrFailed,
} from '../schemas/create-account-result';
import {
  CreateOrganizationalUnitSchema,
  toOrganizationalUnitCreated,
} from '../schemas/create-organizational-unit';
import {
  CreateManagedAccountSchema,
  toVendedFromCreate,
  toVendedFromUpdate,
  UpdateManagedAccountSchema,
} from '../schemas/managed-account';
import { MoveAccountSchema, toAccountMoved } from '../schemas/move-account';
import {
  TagChangeOnResourceSchema,
  toAccountTagsReplaced,
} from '../schemas/tag-change-on-resource';
import {
  TagResourceSchema,
  toAccountTagsRemoved,
  toAccountTagsSet,
  UntagResourceSchema,
} from '../schemas/tag-resource';
import { eventHandler, type EventHandler } from './event-handler';

/**
 * A handler for every Organizations event name of the contract — no more, no fewer (the
 * construct's EventBridge rules match the same names).
 */
const ORGANIZATIONS_HANDLER_TABLE: Readonly<Record<OrganizationsEventName, EventHandler>> = {
  CreateAccountResult: eventHandler(CreateAccountResultSchema, toAccountCreatedOrFailed),
  AcceptHandshake: eventHandler(AcceptHandshakeSchema, toAccountJoined),
  MoveAccount: eventHandler(MoveAccountSchema, toAccountMoved),
  TagResource: eventHandler(TagResourceSchema, toAccountTagsSet),
  UntagResource: eventHandler(UntagResourceSchema, toAccountTagsRemoved),
  RemoveAccountFromOrganization: eventHandler(
    RemoveAccountFromOrganizationSchema,
    toAccountRemovedFromRemove,
  ),
  CloseAccountResult: eventHandler(CloseAccountResultSchema, toAccountRemovedFromClose),
  CreateOrganizationalUnit: eventHandler(
    CreateOrganizationalUnitSchema,
    toOrganizationalUnitCreated,
  ),
  LeaveOrganization: eventHandler(LeaveOrganizationSchema, toAccountRemovedFromLeave),
  AccountJoinedOrganization: eventHandler(
    AccountJoinedOrganizationSchema,
    toAccountJoinedFromMembership,
  ),
  AccountDepartedOrganization: eventHandler(
    AccountDepartedOrganizationSchema,
    toAccountRemovedFromMembership,
  ),
};

/** A handler for every Control Tower event name of the contract. */
const CONTROL_TOWER_HANDLER_TABLE: Readonly<Record<ControlTowerEventName, EventHandler>> = {
  CreateManagedAccount: eventHandler(CreateManagedAccountSchema, toVendedFromCreate),
  UpdateManagedAccount: eventHandler(UpdateManagedAccountSchema, toVendedFromUpdate),
};

/** Handlers of `aws.organizations` CloudTrail events, by `eventName`. */
export const ORGANIZATIONS_HANDLERS: ReadonlyMap<string, EventHandler> = new Map(
  Object.entries(ORGANIZATIONS_HANDLER_TABLE),
);

/** Handlers of `aws.controltower` lifecycle events, by `eventName`. */
export const CONTROL_TOWER_HANDLERS: ReadonlyMap<string, EventHandler> = new Map(
  Object.entries(CONTROL_TOWER_HANDLER_TABLE),
);

/** Handler of `aws.tag` `Tag Change on Resource` events about Organizations accounts. */
export const TAG_CHANGE_HANDLER: EventHandler = eventHandler(
  TagChangeOnResourceSchema,
  toAccountTagsReplaced,
);

/**
 * Every CloudTrail eventName handled, by source (for docs, EventBridge rule patterns and tests).
 *
 * @example
 * ```ts
 * HANDLED_EVENT_NAMES['aws.controltower']; // ['CreateManagedAccount', 'UpdateManagedAccount']
 * ```
 */
export const HANDLED_EVENT_NAMES: Readonly<
  Record<'aws.organizations' | 'aws.controltower', readonly string[]>
> = {
  'aws.organizations': [...ORGANIZATIONS_HANDLERS.keys()],
  'aws.controltower': [...CONTROL_TOWER_HANDLERS.keys()],
};
