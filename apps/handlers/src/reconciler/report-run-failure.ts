import { describeError, type FailureReporter } from '@org/governance-runtime';

/**
 * Reports a reconcile run (or one of its steps) that failed to the failure topic
 * (`ProcessingFailed`, the run id as event id); the caller rethrows.
 *
 * @example
 * ```ts
 * await reportRunFailure(deps.failures, runId, error);
 * ```
 */
export async function reportRunFailure(
  failures: Pick<FailureReporter, 'report'>,
  runId: string,
  error: unknown,
): Promise<void> {
  await failures.report({
    kind: 'ProcessingFailed',
    eventId: runId,
    accountId: null,
    reason: describeError(error),
  });
}
