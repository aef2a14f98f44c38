import { OperationRetryableError, isRetryable } from '../errors';

/**
 * Runs one port call for an operation; a retryable failure (throttling, concurrent
 * modification) becomes an {@link OperationRetryableError} naming the operation, anything
 * else propagates unchanged.
 *
 * @example
 * ```ts
 * const outcome = await callPort('attachPolicy', () => organizations.attachPolicy(policyId, accountId));
 * ```
 */
export async function callPort<T>(operationType: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isRetryable(error) && !(error instanceof OperationRetryableError)) {
      throw new OperationRetryableError(operationType, error);
    }
    throw error;
  }
}
