import type { AssignmentRequestState } from '../ports/identity-center-port';
import { isRetryable } from '../errors';
import type { ExecuteOperationDependencies, ExecuteOptions } from './execute-dependencies';
import { pollDelayMs } from './execution-settings';

/** Where polling stopped: the last state seen and how many polls were made in total. */
export interface PollOutcome {
  readonly state: AssignmentRequestState;
  readonly polls: number;
}

/**
 * Polls an asynchronous assignment request until it settles or the invocation's polling budget
 * (or the invocation's deadline) is spent, on the schedule of {@link pollDelayMs} (continued from
 * `pollsSoFar` for a re-queued status check). Every poll takes a request token from the quota. A
 * throttled poll ends polling early (the caller re-queues a status check) instead of failing the
 * whole operation, so an accepted request is never sent twice.
 *
 * @example
 * ```ts
 * const { state, polls } = await pollRequest(requestId, 0, (id) => ic.getCreationStatus(id), deps);
 * ```
 */
export async function pollRequest(
  requestId: string,
  pollsSoFar: number,
  fetchStatus: (requestId: string) => Promise<AssignmentRequestState>,
  deps: Pick<ExecuteOperationDependencies, 'clock' | 'quota' | 'polling'>,
  options: ExecuteOptions = {},
): Promise<PollOutcome> {
  const { clock, quota, polling } = deps;
  const deadline = Math.min(
    clock.now() + polling.pollBudgetMs,
    options.deadlineMs ?? Number.POSITIVE_INFINITY,
  );
  let polls = pollsSoFar;
  let delay = pollDelayMs(polls + 1, polling);
  while (clock.now() + delay <= deadline) {
    await clock.sleep(delay);
    let state: AssignmentRequestState;
    try {
      await quota.beforeRequest();
      state = await fetchStatus(requestId);
    } catch (error) {
      if (isRetryable(error)) {
        break;
      }
      throw error;
    }
    polls += 1;
    if (state.status !== 'IN_PROGRESS') {
      return { state, polls };
    }
    delay = pollDelayMs(polls + 1, polling);
  }
  return { state: { requestId, status: 'IN_PROGRESS' }, polls };
}
