/**
 * Translation of AWS SDK errors into the package's typed errors, at the adapter edge.
 */
import {
  AccessDeniedError,
  type AdapterErrorContext,
  AdapterError,
  AwsServiceError,
  InvalidRequestError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
} from '../errors';
import { awsErrorName, classifyError, httpStatusOf } from './retryable-errors';

const ACCESS_DENIED = ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'];
const NOT_FOUND = [
  'NotFound',
  'NoSuchEntity',
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
];
const INVALID = [
  'ValidationException',
  'InvalidInputException',
  'ConstraintViolationException',
  'InvalidParameterException',
  'InvalidParameterValue',
  'ConflictException',
  'ConditionalCheckFailedException',
];

function describe(name: string, error: unknown, context: AdapterErrorContext): string {
  const message = error instanceof Error ? error.message : String(error);
  const where = Object.entries(context)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return `${name}: ${message}${where ? ` (${where})` : ''}`;
}

/**
 * Wraps any error thrown by an SDK call into an {@link AdapterError} that keeps the original as
 * `cause`. Adapter errors pass through unchanged.
 *
 * @example
 * ```ts
 * try { await client.send(command); }
 * catch (error) { throw translateAwsError(error, { operation: 'AttachPolicy', policyId }); }
 * ```
 */
export function translateAwsError(error: unknown, context: AdapterErrorContext): AdapterError {
  if (error instanceof AdapterError) return error;
  const name = awsErrorName(error);
  const message = describe(name, error, context);
  const options = { cause: error, context };
  const errorClass = classifyError(error);
  if (errorClass === 'throttling') return new ThrottledError(message, options);
  if (errorClass === 'transient') return new TransientError(message, options);
  const status = httpStatusOf(error);
  if (ACCESS_DENIED.includes(name) || status === 403)
    return new AccessDeniedError(message, options);
  if (name.endsWith('NotFoundException') || NOT_FOUND.includes(name)) {
    return new ResourceNotFoundError(message, options);
  }
  if (INVALID.includes(name) || status === 400) return new InvalidRequestError(message, options);
  return new AwsServiceError(message, options);
}
