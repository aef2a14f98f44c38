import type { CreateAssignmentOperation, DeleteAssignmentOperation } from '@org/scope-engine';
import type { AssignmentKey, AssignmentRequestState } from '../ports/identity-center-port';
import type { OperationMessage } from '../ports/operation-queue';
import { callPort } from './call-port';
import { claimCreation, provisionedAssignmentItem, sameAssignment } from './creation-claim';
import type { ExecuteOperationDependencies, ExecuteOptions } from './execute-dependencies';
import type { OperationResult } from './operation-result';
import { pollRequest } from './poll-request';

type AssignmentOperation = CreateAssignmentOperation | DeleteAssignmentOperation;

/** The assignment an operation is about. */
export function assignmentKeyOf(operation: AssignmentOperation): AssignmentKey {
  const { accountId, permissionSetArn, principalType, principalId } = operation;
  return { accountId, permissionSetArn, principalType, principalId };
}

/** Audit detail of a creation skipped because the assignment exists and is not the product's. */
export const UNMANAGED_DETAIL =
  'the assignment exists and was not created by the product: left unmanaged';

/** Name of the outstanding-creation slot of one assignment (stable across re-queues). */
export function creationSlotId(key: AssignmentKey): string {
  return `create#${key.accountId}#${key.permissionSetArn}#${key.principalType}#${key.principalId}`;
}

/** Sends the create/delete request, holding a creation slot for creates. */
async function sendRequest(
  operation: AssignmentOperation,
  key: AssignmentKey,
  deps: ExecuteOperationDependencies,
  options: ExecuteOptions,
): Promise<AssignmentRequestState> {
  if (operation.type === 'deleteAssignment') {
    await deps.quota.beforeRequest();
    return callPort(operation.type, () => deps.identityCenter.deleteAssignment(key));
  }
  const slot = creationSlotId(key);
  await deps.quota.acquireCreateSlot(slot, options.deadlineMs);
  try {
    await deps.quota.beforeRequest();
    return await callPort(operation.type, () => deps.identityCenter.createAssignment(key));
  } catch (error) {
    await deps.quota.releaseCreateSlot(slot);
    throw error;
  }
}

/**
 * `true` when a deletion that settled in a later status check finds its assignment there again:
 * while it ran, a creation of the same assignment (a change reverted) found the record, recorded
 * it again and made it — the record is that creation's now. One Identity Center read per
 * deletion settled after a re-queue; a deletion settled in its own invocation needs none (the
 * account's FIFO group ran nothing else meanwhile).
 */
async function recreatedMeanwhile(
  key: AssignmentKey,
  message: OperationMessage,
  deps: ExecuteOperationDependencies,
): Promise<boolean> {
  if (message.pending === undefined) return false;
  const live = await callPort('deleteAssignment', () =>
    deps.identityCenter.listAssignments(key.accountId, [key.permissionSetArn]),
  );
  return live.some((assignment) => sameAssignment(assignment, key));
}

/** Records a settled request in the provisioned state and frees the creation slot. */
async function settle(
  operation: AssignmentOperation,
  key: AssignmentKey,
  state: AssignmentRequestState,
  message: OperationMessage,
  deps: ExecuteOperationDependencies,
): Promise<OperationResult> {
  if (operation.type === 'createAssignment') {
    await deps.quota.releaseCreateSlot(creationSlotId(key));
  }
  const { permissionSetArn, principalType, principalId } = key;
  const removeFromState = () =>
    deps.provisionedState.recordRemoved(operation.accountId, {
      kind: 'assignment',
      permissionSetArn,
      principalType,
      principalId,
    });
  if (state.status === 'FAILED') {
    // A creation that failed created nothing: its intent (see claimCreation) goes.
    if (operation.type === 'createAssignment') await removeFromState();
    const reason = `${operation.type} request ${state.requestId ?? '(none)'} FAILED: ${state.failureReason ?? 'no reason given'}`;
    await deps.failures.report({
      kind: 'OperationFailed',
      eventId: message.eventId,
      accountId: operation.accountId,
      reason,
      operation,
    });
    return { status: 'failed', operation, reason };
  }
  if (operation.type === 'createAssignment') {
    const item = await provisionedAssignmentItem(operation, deps);
    await deps.provisionedState.recordApplied(operation.accountId, item);
  } else if (!(await recreatedMeanwhile(key, message, deps))) {
    await removeFromState();
  }
  return { status: state.requestId === null ? 'alreadyInState' : 'applied', operation };
}

/**
 * Creates or deletes one account assignment. The request is polled within the polling budget;
 * still `IN_PROGRESS` after it → a status check carrying the request id is re-queued (the
 * creation slot stays held); `FAILED` → terminal: reported to the failure topic, not retried.
 * A message that already carries a request id (`pending`) only polls.
 *
 * @example
 * ```ts
 * const result = await executeAssignmentOperation(operation, message, deps);
 * if (result.status === 'pending') console.log(`re-queued ${result.requestId}`);
 * ```
 */
export async function executeAssignmentOperation(
  operation: AssignmentOperation,
  message: OperationMessage,
  deps: ExecuteOperationDependencies,
  options: ExecuteOptions = {},
): Promise<OperationResult> {
  const key = assignmentKeyOf(operation);
  if (
    operation.type === 'createAssignment' &&
    !message.pending &&
    (await claimCreation(operation, key, deps, options.liveChecked)) === 'unmanaged'
  ) {
    return { status: 'alreadyInState', operation, detail: UNMANAGED_DETAIL };
  }
  const fetchStatus =
    operation.type === 'createAssignment'
      ? (id: string) => deps.identityCenter.getCreationStatus(id)
      : (id: string) => deps.identityCenter.getDeletionStatus(id);
  let state: AssignmentRequestState = message.pending
    ? { requestId: message.pending.requestId, status: 'IN_PROGRESS' }
    : await sendRequest(operation, key, deps, options);
  let polls = message.pending?.polls ?? 0;
  if (state.status === 'IN_PROGRESS' && state.requestId !== null) {
    ({ state, polls } = await pollRequest(state.requestId, polls, fetchStatus, deps, options));
  }
  if (state.status !== 'IN_PROGRESS' || state.requestId === null) {
    return settle(operation, key, state, message, deps);
  }
  if (operation.type === 'createAssignment') {
    await deps.quota.renewCreateSlot(creationSlotId(key));
  }
  const checks = message.pending === undefined ? 1 : (message.pending.checks ?? 1) + 1;
  const pending = { requestId: state.requestId, polls, checks };
  await deps.queue.send([{ eventId: message.eventId, operation, pending }]);
  return { status: 'pending', operation, requestId: state.requestId, polls };
}
