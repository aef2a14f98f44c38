/**
 * EventBridge patterns for the events the product handles. Failed API calls also produce CloudTrail
 * events; every CloudTrail pattern requires `detail.errorCode` to be absent.
 */
import * as events from 'aws-cdk-lib/aws-events';
import {
  CONTROL_TOWER_EVENT_NAMES,
  IDENTITY_CENTER_EVENT_NAMES,
  IDENTITY_STORE_EVENT_NAMES,
  IDENTITY_STORE_EVENT_SOURCES,
  ORGANIZATIONS_API_CALL_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
  ORGANIZATIONS_SERVICE_EVENT_NAMES,
  type GovernanceConfigLike,
  type OrganizationsEventName,
} from '@org/contracts';
import type { NotifiableEvent } from '@org/scope-engine';

/** CloudTrail detail-type of an API call. */
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';
/** CloudTrail detail-type of an event emitted by the service itself. */
export const SERVICE_EVENT_DETAIL_TYPE = 'AWS Service Event via CloudTrail';

/** The handled event names, from `@org/contracts` (the event parser handles the same ones). */
export {
  CONTROL_TOWER_EVENT_NAMES,
  IDENTITY_CENTER_EVENT_NAMES,
  IDENTITY_STORE_EVENT_NAMES,
  ORGANIZATIONS_API_CALL_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
  ORGANIZATIONS_SERVICE_EVENT_NAMES,
};

/**
 * Any Organizations account ARN (`arn:<partition>:organizations::<management>:account/o-…/<id>`):
 * an `aws.tag` event is about an account when its resource is one, whether or not it carries
 * `service` / `resource-type`.
 */
export const ACCOUNT_ARN_WILDCARD = 'arn:*:organizations::*:account/*';

/** Matches only events without `detail.errorCode` (failed calls are ignored). */
const WITHOUT_ERROR_CODE = { errorCode: [{ exists: false }] };

/**
 * The pattern of the successful Organizations CloudTrail records of `detailTypes` named
 * `eventNames` (no `errorCode`).
 */
function organizationsPattern(
  detailTypes: readonly string[],
  eventNames: readonly string[],
): events.EventPattern {
  return {
    source: ['aws.organizations'],
    detailType: [...detailTypes],
    detail: {
      eventSource: ['organizations.amazonaws.com'],
      eventName: [...eventNames],
      ...WITHOUT_ERROR_CODE,
    },
  };
}

/** The families of events the product listens to, one EventBridge rule each. */
export type OrgEventFamily =
  | 'OrganizationsApiCalls'
  | 'OrganizationsServiceEvents'
  | 'OrganizationsPolicyChanges'
  | 'AccountTagChanges'
  | 'ControlTowerVending'
  | 'IdentityCenterChanges'
  | 'IdentityStoreChanges'
  | 'NotifiableOrganizationsEvents';

/** Where a family of events arises (see {@link OrgEventRuleSpec.origin}). */
export type OrgEventOrigin = 'organizations' | 'controlTower' | 'identityCenter';

/** One rule's pattern, what it is for and where the events come from. */
export interface OrgEventRuleSpec {
  /** Stable id of the rule (construct id). */
  readonly family: OrgEventFamily;
  /** Rule description. */
  readonly description: string;
  /**
   * Where the events arise: `organizations` — us-east-1 of the management account;
   * `controlTower` — the Control Tower home region; `identityCenter` — the Identity Center home
   * region of the account that administers it.
   */
  readonly origin: OrgEventOrigin;
  /** The function that handles the events in the central stack. */
  readonly handler: 'processor' | 'notifier';
  /** The pattern. */
  readonly pattern: events.EventPattern;
}

/**
 * Every rule of the product: four for Organizations events (processor), one for Control Tower
 * vending (notifier), two for Identity Center and Identity Store events (processor).
 *
 * @example
 * ```ts
 * for (const spec of ORG_EVENT_RULES.filter((r) => r.origin === 'organizations')) new events.Rule(this, spec.family, { eventPattern: spec.pattern });
 * ```
 */
export const ORG_EVENT_RULES: readonly OrgEventRuleSpec[] = [
  {
    family: 'OrganizationsApiCalls',
    description:
      'Successful Organizations API calls: handshake accepted, account moved/tagged/removed/left, OU created',
    origin: 'organizations',
    handler: 'processor',
    pattern: organizationsPattern([API_CALL_DETAIL_TYPE], ORGANIZATIONS_API_CALL_EVENT_NAMES),
  },
  {
    family: 'OrganizationsServiceEvents',
    description:
      'Organizations service events: account created/closed/joined/departed, handshake accepted',
    origin: 'organizations',
    handler: 'processor',
    pattern: organizationsPattern([SERVICE_EVENT_DETAIL_TYPE], ORGANIZATIONS_SERVICE_EVENT_NAMES),
  },
  {
    family: 'OrganizationsPolicyChanges',
    description:
      'Successful AttachPolicy/DetachPolicy: changes made outside the product are noticed and repaired',
    origin: 'organizations',
    handler: 'processor',
    pattern: organizationsPattern([API_CALL_DETAIL_TYPE], ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES),
  },
  {
    family: 'AccountTagChanges',
    description: 'Tag changes on member accounts (aws.tag), with or without service/resource-type',
    origin: 'organizations',
    handler: 'processor',
    pattern: {
      source: ['aws.tag'],
      detailType: ['Tag Change on Resource'],
      resources: events.Match.wildcard(ACCOUNT_ARN_WILDCARD),
    },
  },
  {
    family: 'ControlTowerVending',
    description:
      'Control Tower account vending and enrollment (CreateManagedAccount/UpdateManagedAccount)',
    origin: 'controlTower',
    handler: 'notifier',
    pattern: {
      source: ['aws.controltower'],
      detailType: [SERVICE_EVENT_DETAIL_TYPE],
      detail: { eventName: [...CONTROL_TOWER_EVENT_NAMES], ...WITHOUT_ERROR_CODE },
    },
  },
  {
    family: 'IdentityCenterChanges',
    description:
      'Successful Identity Center calls: assignments created/deleted (by hand or not), permission sets created',
    origin: 'identityCenter',
    handler: 'processor',
    pattern: {
      source: ['aws.sso'],
      detailType: [API_CALL_DETAIL_TYPE],
      detail: { eventName: [...IDENTITY_CENTER_EVENT_NAMES], ...WITHOUT_ERROR_CODE },
    },
  },
  {
    family: 'IdentityStoreChanges',
    description: 'Successful Identity Store calls: groups and users created',
    origin: 'identityCenter',
    handler: 'processor',
    pattern: {
      source: [...IDENTITY_STORE_EVENT_SOURCES],
      detailType: [API_CALL_DETAIL_TYPE],
      detail: { eventName: [...IDENTITY_STORE_EVENT_NAMES], ...WITHOUT_ERROR_CODE },
    },
  },
];

/** The Organizations events behind each notifiable domain event (Control Tower has its own rule). */
export const NOTIFIABLE_ORGANIZATIONS_EVENT_NAMES: Readonly<
  Record<NotifiableEvent, readonly OrganizationsEventName[]>
> = {
  AccountCreated: ['CreateAccountResult'],
  CreateAccountFailed: ['CreateAccountResult'],
  AccountJoined: ['AcceptHandshake'],
  ManagedAccountVended: [],
  ManagedAccountCreated: [],
  ManagedAccountUpdated: [],
};

/**
 * The rule sending Organizations events that a notification listens to (AccountCreated,
 * CreateAccountFailed, AccountJoined) to the notifier as well, or `null` when none does.
 *
 * @example
 * ```ts
 * notifiableOrganizationsRule(config)?.pattern; // { source: ['aws.organizations'], … eventName: ['CreateAccountResult'] }
 * ```
 */
export function notifiableOrganizationsRule(config: GovernanceConfigLike): OrgEventRuleSpec | null {
  return notifiableOrganizationsRuleFor(config.notifications.flatMap((n) => n.on));
}

/** Whether `event` is a notifiable event this package knows. */
export function isNotifiableEvent(event: string): event is NotifiableEvent {
  return Object.hasOwn(NOTIFIABLE_ORGANIZATIONS_EVENT_NAMES, event);
}

/**
 * {@link notifiableOrganizationsRule} for the events notifications listen to (unknown names route
 * nothing).
 *
 * @example
 * ```ts
 * notifiableOrganizationsRuleFor(['AccountJoined'])?.pattern.detail; // { …, eventName: ['AcceptHandshake'] }
 * ```
 */
export function notifiableOrganizationsRuleFor(
  notifiedEvents: readonly string[],
): OrgEventRuleSpec | null {
  const eventNames = [
    ...new Set(
      notifiedEvents.flatMap((on) =>
        isNotifiableEvent(on) ? NOTIFIABLE_ORGANIZATIONS_EVENT_NAMES[on] : [],
      ),
    ),
  ].sort();
  if (eventNames.length === 0) return null;
  return {
    family: 'NotifiableOrganizationsEvents',
    description: 'Organizations events that a notification listens to (account created/joined)',
    origin: 'organizations',
    handler: 'notifier',
    pattern: organizationsPattern([API_CALL_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE], eventNames),
  };
}
