/**
 * Raw EventBridge events exactly as AWS delivers them (shapes of examples/events/), for
 * the changes the chaos world makes.
 */

/** A raw EventBridge event (JSON). */
export type RawEvent = Readonly<Record<string, unknown>>;

/** Where and when an event happened. */
export interface EventContext {
  /** EventBridge `id`. */
  readonly eventId: string;
  /** ISO 8601 time. */
  readonly time: string;
  /** The management account (EventBridge `account`). */
  readonly managementAccountId: string;
  /** `o-…`, for ARNs. */
  readonly organizationId: string;
}

const USER_IDENTITY = (account: string) => ({
  type: 'AssumedRole',
  principalId: 'AROACHAOSEXAMPLE000001:platform-admin',
  arn: `arn:aws:sts::${account}:assumed-role/PlatformAdmin/platform-admin`,
  accountId: account,
});

function envelope(
  context: EventContext,
  source: string,
  detailType: string,
  detail: Record<string, unknown>,
  options: { region?: string; resources?: string[] } = {},
): RawEvent {
  return {
    version: '0',
    id: context.eventId,
    'detail-type': detailType,
    source,
    account: context.managementAccountId,
    time: context.time,
    region: options.region ?? 'us-east-1',
    resources: options.resources ?? [],
    detail,
  };
}

/**
 * A CloudTrail `AWS Service Event via CloudTrail` event the service itself emitted in its
 * region, carrying `serviceEventDetails`.
 */
function serviceEvent(
  context: EventContext,
  service: { readonly source: string; readonly eventSource: string; readonly region: string },
  eventName: string,
  serviceEventDetails: Record<string, unknown>,
): RawEvent {
  return envelope(
    context,
    service.source,
    'AWS Service Event via CloudTrail',
    {
      eventVersion: '1.08',
      userIdentity: { accountId: context.managementAccountId, invokedBy: 'AWS Internal' },
      eventTime: context.time,
      eventSource: service.eventSource,
      eventName,
      awsRegion: service.region,
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      eventID: context.eventId,
      readOnly: false,
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId: context.managementAccountId,
      eventCategory: 'Management',
      serviceEventDetails,
    },
    { region: service.region },
  );
}

/**
 * A CloudTrail `AWS API Call via CloudTrail` event of Organizations; with `errorCode` it describes
 * a call that failed (and changed nothing).
 *
 * @example
 * ```ts
 * apiCallEvent(context, 'MoveAccount', { accountId, sourceParentId, destinationParentId });
 * ```
 */
export function apiCallEvent(
  context: EventContext,
  eventName: string,
  requestParameters: Record<string, unknown>,
  responseElements: Record<string, unknown> | null = null,
  error?: { readonly errorCode: string; readonly errorMessage: string },
): RawEvent {
  return envelope(context, 'aws.organizations', 'AWS API Call via CloudTrail', {
    eventVersion: '1.10',
    userIdentity: USER_IDENTITY(context.managementAccountId),
    eventTime: context.time,
    eventSource: 'organizations.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.10',
    userAgent: 'aws-cli/2.22.0',
    requestParameters,
    responseElements,
    requestID: context.eventId,
    eventID: context.eventId,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: context.managementAccountId,
    eventCategory: 'Management',
    ...(error === undefined ? {} : error),
  });
}

/** `CreateAccountResult` (a service event): SUCCEEDED with the account, or FAILED with a reason. */
export function createAccountResultEvent(
  context: EventContext,
  status:
    | { readonly state: 'SUCCEEDED'; readonly accountId: string; readonly accountName: string }
    | { readonly state: 'FAILED'; readonly accountName: string; readonly failureReason: string },
): RawEvent {
  return serviceEvent(
    context,
    {
      source: 'aws.organizations',
      eventSource: 'organizations.amazonaws.com',
      region: 'us-east-1',
    },
    'CreateAccountResult',
    { createAccountStatus: { id: `car-${context.eventId.slice(0, 8)}`, ...status } },
  );
}

/** `AcceptHandshake`: the invited account joined (handshake ACCEPTED). */
export function acceptHandshakeEvent(context: EventContext, accountId: string): RawEvent {
  const handshakeId = `h-${context.eventId.replace(/-/g, '').slice(0, 32)}`;
  const orgSuffix = context.organizationId.replace(/^o-/, '');
  return apiCallEvent(
    context,
    'AcceptHandshake',
    { handshakeId },
    {
      handshake: {
        id: handshakeId,
        arn: `arn:aws:organizations::${context.managementAccountId}:handshake/${context.organizationId}/invite/${handshakeId}`,
        parties: [
          { type: 'ORGANIZATION', id: orgSuffix },
          { type: 'ACCOUNT', id: accountId },
        ],
        state: 'ACCEPTED',
        action: 'INVITE',
        resources: [
          { type: 'ORGANIZATION', value: context.organizationId },
          { type: 'ACCOUNT', value: accountId },
        ],
      },
    },
  );
}

/** `Tag Change on Resource` (`aws.tag`): the account's full tag map and the keys that changed. */
export function tagChangeOnResourceEvent(
  context: EventContext,
  accountId: string,
  tags: Readonly<Record<string, string>>,
  changedKeys: readonly string[],
): RawEvent {
  return envelope(
    context,
    'aws.tag',
    'Tag Change on Resource',
    {
      'changed-tag-keys': [...changedKeys],
      service: 'organizations',
      'resource-type': 'account',
      version: 1,
      tags: { ...tags },
    },
    {
      resources: [
        `arn:aws:organizations::${context.managementAccountId}:account/${context.organizationId}/${accountId}`,
      ],
    },
  );
}

/** Control Tower `CreateManagedAccount` / `UpdateManagedAccount` (SUCCEEDED), home region eu-west-1. */
export function managedAccountEvent(
  context: EventContext,
  eventName: 'CreateManagedAccount' | 'UpdateManagedAccount',
  account: { readonly accountId: string; readonly accountName: string },
  ou: { readonly id: string; readonly name: string },
): RawEvent {
  const statusKey =
    eventName === 'CreateManagedAccount'
      ? 'createManagedAccountStatus'
      : 'updateManagedAccountStatus';
  return serviceEvent(
    context,
    { source: 'aws.controltower', eventSource: 'controltower.amazonaws.com', region: 'eu-west-1' },
    eventName,
    {
      [statusKey]: {
        organizationalUnit: { organizationalUnitName: ou.name, organizationalUnitId: ou.id },
        account: { accountName: account.accountName, accountId: account.accountId },
        state: 'SUCCEEDED',
        message: 'AWS Control Tower successfully vended a managed account.',
        requestedTimestamp: context.time,
        completedTimestamp: context.time,
      },
    },
  );
}
