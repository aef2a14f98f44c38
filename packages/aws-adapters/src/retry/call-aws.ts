/**
 * The one way adapters call AWS: retry per policy, then translate the error.
 */
import type { AdapterErrorContext } from '../errors';
import { type RetryPolicy, withRetries } from './backoff';
import { translateAwsError } from './translate-error';

/**
 * Runs an SDK call with {@link withRetries} and translates a final failure with
 * {@link translateAwsError}.
 *
 * @example
 * ```ts
 * const page = await callAws({ operation: 'ListRoots' }, () => client.send(command), policy);
 * ```
 */
export async function callAws<T>(
  context: AdapterErrorContext,
  call: () => Promise<T>,
  policy?: RetryPolicy,
): Promise<T> {
  try {
    return await withRetries(call, policy);
  } catch (error) {
    throw translateAwsError(error, context);
  }
}
