import type { AuditOutcome } from '../ports/audit-log';
import type { OperationMessage } from '../ports/operation-queue';
import { UnsupportedOperationError } from '../errors';
import { executeAssignmentOperation } from './assignment-operations';
import type { ExecuteOperationDependencies, ExecuteOptions } from './execute-dependencies';
import type { OperationResult, OperationStatus } from './operation-result';
import { executePolicyOperation } from './policy-operations';

const AUDIT_OUTCOME: Record<OperationStatus, AuditOutcome> = {
  applied: 'applied',
  alreadyInState: 'alreadyInState',
  pending: 'inProgress',
  failed: 'failed',
};

/** The audit detail of a result: the request id of a pending one, the reason of a failure. */
function auditDetail(result: OperationResult): string | undefined {
  if (result.status === 'pending') return `request ${result.requestId} after ${result.polls} polls`;
  if (result.status === 'failed') return result.reason;
  return result.detail;
}

/**
 * Executes one operation from the operations queue (the worker's use-case) and appends its
 * audit entry. Safe on duplicate delivery: every step is idempotent (a policy already attached, an
 * assignment that exists, a provisioned-state record merged).
 *
 * Throws when the operation must be retried (an error with `retryable: true`, e.g. throttling)
 * or cannot be executed at all; the worker then fails the queue record, keeping per-account
 * order, and SQS redelivers it (then the DLQ).
 *
 * @example
 * ```ts
 * const result = await executeOperation(
 *   { eventId: 'e-1', operation: { type: 'attachPolicy', policyType: 'SERVICE_CONTROL_POLICY', accountId: '222222222222', policyId: 'p-aaaa1111', ruleIds: ['baseline'] } },
 *   deps,
 * );
 * // { status: 'applied', operation: { type: 'attachPolicy', ... } }
 * ```
 */
export async function executeOperation(
  message: OperationMessage,
  deps: ExecuteOperationDependencies,
  options: ExecuteOptions = {},
): Promise<OperationResult> {
  const { operation } = message;
  let result: OperationResult;
  switch (operation.type) {
    case 'attachPolicy':
    case 'detachPolicy':
      result = await executePolicyOperation(operation, deps);
      break;
    case 'createAssignment':
    case 'deleteAssignment':
      result = await executeAssignmentOperation(operation, message, deps, options);
      break;
    case 'notify':
      throw new UnsupportedOperationError(operation.type, 'the operations worker');
  }
  const detail = auditDetail(result);
  await deps.audit.append({
    eventId: message.eventId ?? 'unattributed',
    type: 'operation',
    at: new Date(deps.clock.now()).toISOString(),
    accountId: operation.accountId,
    outcome: AUDIT_OUTCOME[result.status],
    ruleIds: 'ruleIds' in operation ? [...operation.ruleIds].sort() : [],
    operation,
    ...(detail === undefined ? {} : { detail }),
  });
  return result;
}
