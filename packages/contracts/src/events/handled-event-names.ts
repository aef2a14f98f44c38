/**
 * The CloudTrail event names the product handles: the construct's EventBridge rules match
 * exactly these, and the event parser has a schema for each.
 */

/** Organizations API calls (detail-type "AWS API Call via CloudTrail"). */
export const ORGANIZATIONS_API_CALL_EVENT_NAMES = [
  'AcceptHandshake',
  'MoveAccount',
  'TagResource',
  'UntagResource',
  'RemoveAccountFromOrganization',
  'CreateOrganizationalUnit',
] as const;

/**
 * Organizations service events (detail-type "AWS Service Event via CloudTrail"). Accepting an
 * invitation is recorded as an API call or as a service event depending on how the handshake
 * was accepted; both are handled.
 */
export const ORGANIZATIONS_SERVICE_EVENT_NAMES = [
  'CreateAccountResult',
  'CloseAccountResult',
  'AcceptHandshake',
] as const;

/** Control Tower lifecycle events (account vending and enrollment). */
export const CONTROL_TOWER_EVENT_NAMES = ['CreateManagedAccount', 'UpdateManagedAccount'] as const;

/** An Organizations event name the product handles. */
export type OrganizationsEventName =
  | (typeof ORGANIZATIONS_API_CALL_EVENT_NAMES)[number]
  | (typeof ORGANIZATIONS_SERVICE_EVENT_NAMES)[number];

/** A Control Tower event name the product handles. */
export type ControlTowerEventName = (typeof CONTROL_TOWER_EVENT_NAMES)[number];

/**
 * Every handled Organizations event name, once each, sorted.
 *
 * @example
 * ```ts
 * ORGANIZATIONS_EVENT_NAMES.includes('MoveAccount'); // true
 * ```
 */
export const ORGANIZATIONS_EVENT_NAMES: readonly OrganizationsEventName[] = [
  ...new Set([...ORGANIZATIONS_API_CALL_EVENT_NAMES, ...ORGANIZATIONS_SERVICE_EVENT_NAMES]),
].sort();
