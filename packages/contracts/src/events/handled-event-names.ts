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
  'LeaveOrganization',
] as const;

/**
 * Organizations service events (detail-type "AWS Service Event via CloudTrail"). Accepting an
 * invitation is recorded as an API call or as a service event depending on how the handshake
 * was accepted; both are handled. The membership events (`AccountJoinedOrganization`,
 * `AccountDepartedOrganization`) are logged in the management account since 2026-05-28.
 */
export const ORGANIZATIONS_SERVICE_EVENT_NAMES = [
  'CreateAccountResult',
  'CloseAccountResult',
  'AcceptHandshake',
  'AccountJoinedOrganization',
  'AccountDepartedOrganization',
] as const;

/**
 * Organizations API calls that change what the product manages, handled to notice changes made
 * by hand (a managed policy detached, an unmanaged one attached). Parsed by
 * `parseGovernanceEvent`; the construct routes them from us-east-1 of the management account.
 */
export const ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES = ['AttachPolicy', 'DetachPolicy'] as const;

/**
 * IAM Identity Center API calls (source `aws.sso`): assignments changed by hand and new
 * permission sets. Parsed by `parseGovernanceEvent`; the construct routes them from the Identity
 * Center home region.
 */
export const IDENTITY_CENTER_EVENT_NAMES = [
  'CreateAccountAssignment',
  'DeleteAccountAssignment',
  'CreatePermissionSet',
] as const;

/**
 * Identity Store API calls (source `aws.sso-directory` or `aws.identitystore`): new groups and
 * users. Parsed by `parseGovernanceEvent`; the construct routes them from the Identity Center
 * home region.
 */

/** The EventBridge sources of Identity Store events (both are seen in practice). */
export const IDENTITY_STORE_EVENT_SOURCES = ['aws.sso-directory', 'aws.identitystore'] as const;
export const IDENTITY_STORE_EVENT_NAMES = ['CreateGroup', 'CreateUser'] as const;

/** An Organizations policy change event name. */
export type OrganizationsPolicyChangeEventName =
  (typeof ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES)[number];

/** An IAM Identity Center event name the product handles. */
export type IdentityCenterEventName = (typeof IDENTITY_CENTER_EVENT_NAMES)[number];

/** An Identity Store event name the product handles. */
export type IdentityStoreEventName = (typeof IDENTITY_STORE_EVENT_NAMES)[number];

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
