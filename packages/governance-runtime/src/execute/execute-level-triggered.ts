import type { Operation } from '@org/scope-engine';
import type { OperationMessage } from '../ports/operation-queue';
import { AccountReads } from './account-reads';
import type { ExecuteOperationDependencies, ExecuteOptions } from './execute-dependencies';
import { executeOperation } from './execute-operation';
import { judgeOperation, type LevelCheckDependencies } from './level-check';
import type { OperationResult } from './operation-result';

/** The ports of {@link executeLevelTriggered}: the executor's and the level check's. */
export type LevelTriggeredDependencies = ExecuteOperationDependencies & LevelCheckDependencies;

/**
 * What the worker did with one message: an {@link OperationResult} when it executed it, or
 * - `stale`: not executed, the current desired state no longer asks for it, or only rules
 *   superseded within the retention period justify it (audited `stale`, not alerted);
 * - `notJustified`: refused, no current or recently superseded rule could have asked for it
 *   (audited `notJustified`, reported to the failure topic as `OperationNotJustified`).
 * Either way the message is done: nothing is retried.
 */
export type LevelTriggeredResult =
  | OperationResult
  | {
      readonly status: 'stale' | 'notJustified';
      readonly operation: Operation;
      readonly reason: string;
    };

/** Per-call options of {@link executeLevelTriggered}. */
export interface LevelTriggeredOptions extends ExecuteOptions {
  /** The batch's account reads (one read per account per batch). @default a new one */
  readonly reads?: AccountReads;
}

/**
 * The operations worker's use-case: re-read what the operation depends on and execute it only
 * if the current desired state still asks for exactly it ({@link judgeOperation}); otherwise
 * audit it as `stale`, or refuse it as `notJustified` (audited and alerted), and do nothing.
 * An executed operation carries the rule ids that justify it now.
 *
 * @example
 * ```ts
 * const reads = new AccountReads(deps.organizations); // one per batch
 * const result = await executeLevelTriggered(message, deps, { reads, deadlineMs });
 * if (result.status === 'notJustified') console.warn(result.reason);
 * ```
 */
export async function executeLevelTriggered(
  message: OperationMessage,
  deps: LevelTriggeredDependencies,
  options: LevelTriggeredOptions = {},
): Promise<LevelTriggeredResult> {
  const reads = options.reads ?? new AccountReads(deps.organizations);
  const { operation } = message;
  const verdict = await judgeOperation(message, deps, reads);
  if (verdict.kind === 'desired') {
    try {
      const result = await executeOperation({ ...message, operation: verdict.operation }, deps, {
        ...options,
        liveChecked: message.pending === undefined,
      });
      if (result.status === 'applied' || result.status === 'alreadyInState') {
        reads.executed(verdict.operation);
      }
      return result;
    } catch (error) {
      reads.forget(operation.accountId);
      throw error;
    }
  }
  if (verdict.absent === true && 'ruleIds' in operation) {
    // A removal that already happened (its record outlived a crash), or an attach's intent whose
    // request never went out: the record goes too.
    await deps.provisionedState.recordRemoved(
      operation.accountId,
      'policyId' in operation
        ? { kind: 'attachment', policyId: operation.policyId }
        : {
            kind: 'assignment',
            permissionSetArn: operation.permissionSetArn,
            principalType: operation.principalType,
            principalId: operation.principalId,
          },
    );
  }
  const status = verdict.kind === 'stale' ? 'stale' : 'notJustified';
  await deps.audit.append({
    eventId: message.eventId ?? 'unattributed',
    type: 'operation',
    at: new Date(deps.clock.now()).toISOString(),
    accountId: operation.accountId,
    outcome: status,
    ruleIds: 'ruleIds' in operation ? [...operation.ruleIds].sort() : [],
    operation,
    detail: verdict.reason,
  });
  if (status === 'notJustified') {
    await deps.failures.report({
      kind: 'OperationNotJustified',
      eventId: message.eventId,
      accountId: operation.accountId,
      reason: `refused ${operation.type}: ${verdict.reason}`,
      operation,
    });
  }
  return { status, operation, reason: verdict.reason };
}
