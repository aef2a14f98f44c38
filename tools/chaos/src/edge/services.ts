/**
 * The AWS services the product calls, and what their throttling and server errors look like.
 */

/** A service the chaos edge sits in front of. */
export type ServiceName =
  | 'organizations'
  | 'sso-admin'
  | 'identitystore'
  | 'dynamodb'
  | 'sqs'
  | 'sns'
  | 'support'
  | 'secretsmanager';

/** Every service name. */
export const SERVICE_NAMES: readonly ServiceName[] = [
  'organizations',
  'sso-admin',
  'identitystore',
  'dynamodb',
  'sqs',
  'sns',
  'support',
  'secretsmanager',
];

/** One injectable error: its name and HTTP status. */
export interface ErrorShape {
  readonly name: string;
  readonly status: number;
}

/** The throttling errors each service answers with (Organizations throttles on reads too). */
export const THROTTLING: Readonly<Record<ServiceName, readonly ErrorShape[]>> = {
  organizations: [
    { name: 'TooManyRequestsException', status: 400 },
    { name: 'ConcurrentModificationException', status: 400 },
  ],
  'sso-admin': [{ name: 'ThrottlingException', status: 400 }],
  identitystore: [{ name: 'ThrottlingException', status: 400 }],
  dynamodb: [
    { name: 'ProvisionedThroughputExceededException', status: 400 },
    { name: 'ThrottlingException', status: 400 },
  ],
  sqs: [{ name: 'RequestThrottled', status: 403 }],
  sns: [{ name: 'Throttling', status: 400 }],
  support: [{ name: 'ThrottlingException', status: 400 }],
  secretsmanager: [{ name: 'ThrottlingException', status: 400 }],
};

/** The 5xx errors each service answers with. */
export const SERVER_ERRORS: Readonly<Record<ServiceName, readonly ErrorShape[]>> = {
  organizations: [
    { name: 'ServiceException', status: 500 },
    { name: 'ServiceUnavailable', status: 503 },
  ],
  'sso-admin': [{ name: 'InternalServerException', status: 500 }],
  identitystore: [{ name: 'InternalServerException', status: 500 }],
  dynamodb: [{ name: 'InternalServerError', status: 500 }],
  sqs: [{ name: 'ServiceUnavailable', status: 503 }],
  sns: [{ name: 'InternalError', status: 500 }],
  support: [{ name: 'InternalServerError', status: 500 }],
  secretsmanager: [{ name: 'InternalServiceError', status: 500 }],
};

/**
 * Calls whose effect may have happened when a 5xx comes back (the response was lost) and whose
 * retry is safe by the service's own semantics: SCP attach/detach (Duplicate…/PolicyNotAttached),
 * assignment create/delete (ConflictException / ResourceNotFound), DynamoDB writes, FIFO sends
 * (deduplication id). Not Support `CreateCase` nor SNS `Publish`: AWS offers no way to make those
 * exactly-once, so a lost response there is only injected before the call reaches the service.
 */
export const LOST_RESPONSE_COMMANDS: ReadonlySet<string> = new Set([
  'AttachPolicy',
  'DetachPolicy',
  'CreateAccountAssignment',
  'DeleteAccountAssignment',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
  'Put',
  'Update',
  'Delete',
  'TransactWrite',
  'BatchWrite',
  'SendMessageBatch',
  'SendMessage',
]);

/** The product's mutating calls on the organization the safety guards inspect. */
export const GUARDED_COMMANDS: ReadonlySet<string> = new Set([
  'AttachPolicy',
  'DetachPolicy',
  'CreateAccountAssignment',
  'DeleteAccountAssignment',
]);

const CLIENT_SERVICES: Readonly<Record<string, ServiceName>> = {
  OrganizationsClient: 'organizations',
  SSOAdminClient: 'sso-admin',
  IdentitystoreClient: 'identitystore',
  DynamoDBClient: 'dynamodb',
  SQSClient: 'sqs',
  SNSClient: 'sns',
  SupportClient: 'support',
  SecretsManagerClient: 'secretsmanager',
};

/**
 * The service of an SDK client, from the middleware context's `clientName` (`null` for a client
 * the chaos does not model).
 *
 * @example
 * ```ts
 * serviceOfClient('OrganizationsClient'); // 'organizations'
 * ```
 */
export function serviceOfClient(clientName: string | undefined): ServiceName | null {
  return (clientName === undefined ? undefined : CLIENT_SERVICES[clientName]) ?? null;
}
