/**
 * Which of the product's functions may send to the operations queue: those whose row of
 * FUNCTION_ACCESS enqueues operations. The queue policy denies every other principal.
 */
import type { HandlerFunctionName } from '@org/contracts';
import type { GovernanceFunction } from '../functions/governance-function';
import type { OperationsQueue } from '../queue/operations-queue';
import { FUNCTION_ACCESS } from './function-access';

/**
 * Admits the role of every function that enqueues operations (processor, worker, reconciler)
 * to the operations queue.
 *
 * @example
 * ```ts
 * admitOperationSenders(operations, fns);
 * ```
 */
export function admitOperationSenders(
  operations: OperationsQueue,
  functions: Readonly<Record<HandlerFunctionName, GovernanceFunction>>,
): void {
  for (const [name, fn] of Object.entries(functions) as [
    HandlerFunctionName,
    GovernanceFunction,
  ][]) {
    if (FUNCTION_ACCESS[name].sendOperations) operations.admitSender(fn.role);
  }
}
