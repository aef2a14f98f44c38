/**
 * Mapping of SSO Admin's asynchronous request status to the port's.
 */
import type { AccountAssignmentOperationStatus } from '@aws-sdk/client-sso-admin';
import type { AssignmentRequestState } from '@org/governance-runtime';
import { UnexpectedResponseError } from '../errors';

/**
 * Converts an `AccountAssignmentCreationStatus` / `DeletionStatus` to the port's state. `FAILED`
 * keeps its reason and is terminal.
 *
 * @example
 * ```ts
 * toRequestState({ RequestId: 'r-1', Status: 'FAILED', FailureReason: 'x' }, 'DescribeAccountAssignmentCreationStatus');
 * // { requestId: 'r-1', status: 'FAILED', failureReason: 'x' }
 * ```
 */
export function toRequestState(
  status: AccountAssignmentOperationStatus | undefined,
  operation: string,
): AssignmentRequestState {
  const value = status?.Status;
  const requestId = status?.RequestId;
  if (
    requestId === undefined ||
    (value !== 'IN_PROGRESS' && value !== 'SUCCEEDED' && value !== 'FAILED')
  ) {
    throw new UnexpectedResponseError(`${operation} returned no request id or status`, {
      context: { operation, ...(requestId === undefined ? {} : { requestId }) },
    });
  }
  if (value === 'FAILED') {
    return { requestId, status: value, failureReason: status?.FailureReason ?? 'unknown' };
  }
  return { requestId, status: value };
}
