/**
 * Errors shaped like the AWS SDK's service exceptions (`name`, `$fault`, `$metadata`), which is
 * all the adapters' retry classification and error translation read.
 */

/** An error as an AWS SDK v3 client throws it for a service error response. */
export interface SdkServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { readonly httpStatusCode: number; readonly requestId: string };
}

let requestCounter = 0;

/**
 * A service error named `name` with HTTP status `status` (4xx is a client fault, 5xx a server
 * fault).
 *
 * @example
 * ```ts
 * throw sdkError('TooManyRequestsException', 400, 'AWS Organizations can not complete your request');
 * ```
 */
export function sdkError(name: string, status: number, message: string): SdkServiceError {
  requestCounter += 1;
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? ('server' as const) : ('client' as const),
    $metadata: { httpStatusCode: status, requestId: `chaos-${requestCounter}` },
  });
}
