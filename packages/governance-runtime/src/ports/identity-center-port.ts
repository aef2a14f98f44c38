/**
 * What the product needs from IAM Identity Center (SSO Admin).
 */
import type { Assignment, PermissionSet } from '@org/scope-engine';

/** Identifies an account assignment (an {@link Assignment} without bookkeeping). */
export type AssignmentKey = Omit<Assignment, 'managedBy'>;

/** Status of an asynchronous assignment request. `FAILED` is terminal. */
export type AssignmentRequestStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

/** Result of a create/delete request or of a status check. */
export interface AssignmentRequestState {
  /** The request id to poll; `null` when nothing was requested (already in that state). */
  readonly requestId: string | null;
  readonly status: AssignmentRequestStatus;
  /** Why the request failed (only with `FAILED`). */
  readonly failureReason?: string;
}

/**
 * Manages account assignments. Creation and deletion are asynchronous: poll
 * {@link IdentityCenterPort.getCreationStatus} until `SUCCEEDED` or `FAILED`.
 *
 * @example
 * ```ts
 * const request = await identityCenter.createAssignment(key);
 * const state = request.requestId
 *   ? await identityCenter.getCreationStatus(request.requestId)
 *   : request;
 * ```
 */
export interface IdentityCenterPort {
  /** Every permission set of the instance (name + ARN). */
  listPermissionSets(): Promise<readonly PermissionSet[]>;

  /** Requests an assignment; an assignment that already exists is `SUCCEEDED` with no request id. */
  createAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState>;

  /** Requests deletion; an assignment that does not exist is `SUCCEEDED` with no request id. */
  deleteAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState>;

  /** Status of a creation request. */
  getCreationStatus(requestId: string): Promise<AssignmentRequestState>;

  /** Status of a deletion request. */
  getDeletionStatus(requestId: string): Promise<AssignmentRequestState>;

  /**
   * Assignments that exist on an account, for the given permission sets (default: every
   * permission set provisioned to the account). `managedBy` is not set.
   */
  listAssignments(
    accountId: string,
    permissionSetArns?: readonly string[],
  ): Promise<readonly AssignmentKey[]>;
}
