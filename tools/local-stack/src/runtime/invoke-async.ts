import type { Context } from 'aws-lambda';
import { localLambdaContext } from './lambda-context';

/** What an asynchronous invocation ended with. */
export type AsyncInvocation<T> =
  | { readonly ok: true; readonly result: T; readonly attempts: number }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number };

/**
 * Invokes a handler as Lambda does for EventBridge targets: on an error, retried up to
 * `retries` times (Lambda's default is 2), then handed to the failure destination — here,
 * returned as `ok: false`.
 *
 * @example
 * ```ts
 * const outcome = await invokeAsync(handlers.processor, 'org-events-processor', event);
 * ```
 */
export async function invokeAsync<T>(
  handler: (event: unknown, context: Context) => Promise<T>,
  functionName: string,
  event: unknown,
  retries = 2,
): Promise<AsyncInvocation<T>> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
    try {
      return {
        ok: true,
        result: await handler(event, localLambdaContext(functionName, 60_000)),
        attempts: attempt,
      };
    } catch (error) {
      lastError = error;
    }
  }
  return { ok: false, error: lastError, attempts: retries + 1 };
}
