/**
 * The one list of AWS error names we retry ourselves, and how an error is classified.
 */

/** Throttling: back off and retry; when retries run out the error is a `ThrottledError`. */
export const THROTTLING_ERROR_NAMES: readonly string[] = [
  'TooManyRequestsException',
  'ConcurrentModificationException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'TransactionConflictException',
  'SlowDown',
];

/** Transient service and network failures: retry; then a `TransientError`. */
export const TRANSIENT_ERROR_NAMES: readonly string[] = [
  'ServiceException',
  'InternalServerException',
  'InternalServerError',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
];

/** How an error should be handled. */
export type ErrorClass = 'throttling' | 'transient' | 'permanent';

/** The fields of an AWS SDK v3 error the classification reads. */
interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly CancellationReasons?: readonly { readonly Code?: unknown }[];
}

/**
 * The error's AWS name (`TooManyRequestsException`, …), or its Node.js `code` for network
 * errors, or `Error`.
 *
 * @example
 * ```ts
 * if (awsErrorName(error) === 'DuplicatePolicyAttachmentException') return 'alreadyInState';
 * ```
 */
export function awsErrorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const shape = error as SdkErrorShape;
  if (typeof shape.code === 'string' && /^E[A-Z]+$/.test(shape.code)) return shape.code;
  return typeof shape.name === 'string' ? shape.name : 'Error';
}

/** The HTTP status of an SDK error, when the service answered. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as SdkErrorShape).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function transactionCancellationClass(error: SdkErrorShape): ErrorClass {
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
  return codes.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError')
    ? 'throttling'
    : 'permanent';
}

/**
 * Classifies an error: throttling and transient errors are retried with backoff, permanent ones
 * are not.
 *
 * @example
 * ```ts
 * classifyError({ name: 'TooManyRequestsException' }); // 'throttling'
 * ```
 */
export function classifyError(error: unknown): ErrorClass {
  const name = awsErrorName(error);
  if (THROTTLING_ERROR_NAMES.includes(name)) return 'throttling';
  if (TRANSIENT_ERROR_NAMES.includes(name)) return 'transient';
  if (name === 'TransactionCanceledException') {
    return transactionCancellationClass(error as SdkErrorShape);
  }
  const status = httpStatusOf(error);
  if (status === 429) return 'throttling';
  if (status !== undefined && status >= 500) return 'transient';
  return 'permanent';
}
