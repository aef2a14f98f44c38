/**
 * Points a product client at the emulators: moto clients act as the management account
 * (`x-moto-account-id`), DynamoDB calls go to DynamoDB Local instead of moto (the functions have
 * one `AWS_ENDPOINT_URL`).
 */
import { actAsMotoAccount } from '@org/emulators';
import type { Client, MetadataBearer } from '@smithy/types';
import type { EmulatorTarget } from './product-clients';

/** The parts of a Smithy HTTP request the redirect changes. */
interface MutableRequest {
  hostname: string;
  port?: number;
  headers: Record<string, string>;
}

const isRequest = (value: unknown): value is MutableRequest =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { hostname?: unknown }).hostname === 'string' &&
  typeof (value as { headers?: unknown }).headers === 'object';

/**
 * Adds the account header, and for DynamoDB the redirect to DynamoDB Local.
 *
 * @example
 * ```ts
 * routeToEmulators(new DynamoDBClient(config), target);
 * ```
 */
export function routeToEmulators<Input extends object, Output extends MetadataBearer>(
  client: Client<Input, Output, unknown>,
  target: EmulatorTarget,
): void {
  actAsMotoAccount(client, target.managementAccountId);
  const dynamodb = new URL(target.dynamodbEndpoint);
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.clientName === 'DynamoDBClient' && isRequest(args.request)) {
        args.request.hostname = dynamodb.hostname;
        args.request.port = Number(dynamodb.port);
        args.request.headers['host'] = dynamodb.host;
      }
      return next(args);
    },
    { step: 'build', name: 'chaosDynamoDbLocal', priority: 'low' },
  );
}
