/**
 * moto and DynamoDB Local on 127.0.0.1 for one chaos run (both, or neither: a half-started pair
 * is stopped again).
 */
import {
  type DynamoDbLocalServer,
  type MotoServer,
  startDynamoDbLocal,
  startMoto,
} from '@org/emulators';
import { ChaosSetupError } from '../errors';

/**
 * Starts both emulators.
 *
 * @throws {ChaosSetupError} naming why one did not start.
 * @example
 * ```ts
 * const { moto, dynamodb } = await startEmulators();
 * ```
 */
export async function startEmulators(): Promise<{
  moto: MotoServer;
  dynamodb: DynamoDbLocalServer;
}> {
  const [moto, dynamodb] = await Promise.allSettled([startMoto(), startDynamoDbLocal()]);
  if (moto.status === 'fulfilled' && dynamodb.status === 'fulfilled') {
    return { moto: moto.value, dynamodb: dynamodb.value };
  }
  if (moto.status === 'fulfilled') await moto.value.stop();
  if (dynamodb.status === 'fulfilled') await dynamodb.value.stop();
  const reason =
    moto.status === 'rejected' ? moto.reason : (dynamodb as PromiseRejectedResult).reason;
  throw new ChaosSetupError(
    `could not start the emulators: ${reason instanceof Error ? reason.message : String(reason)}`,
    { cause: reason },
  );
}
