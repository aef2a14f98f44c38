/**
 * What executing one queued operation did.
 */
import type { Operation } from '@org/scope-engine';

/**
 * - `applied`: the call changed something (attached, detached, created, deleted);
 * - `alreadyInState`: the desired state already held (duplicate delivery, drift repaired by hand);
 * - `pending`: an assignment request is still `IN_PROGRESS`; a status check was re-queued;
 * - `failed`: terminal (Identity Center reported `FAILED`); audited and alerted, never retried.
 *
 * Retryable problems are not results: they throw, so the queue redelivers the message.
 */
export type OperationResult =
  | {
      readonly status: 'applied' | 'alreadyInState';
      readonly operation: Operation;
      /** Why nothing was done, when that is worth auditing (an unmanaged assignment left alone). */
      readonly detail?: string;
    }
  | {
      readonly status: 'pending';
      readonly operation: Operation;
      readonly requestId: string;
      readonly polls: number;
    }
  | { readonly status: 'failed'; readonly operation: Operation; readonly reason: string };

/** Every {@link OperationResult} status. */
export type OperationStatus = OperationResult['status'];
