import type { FailureReport, FailureReporter, IdempotencyStore } from '@org/scope-engine';

/**
 * Reports a failure to the failure topic at most once per `onceKey` (retries of the same
 * invocation would otherwise alert again), when markers are available; otherwise every time.
 *
 * @example
 * ```ts
 * await reportFailure(failures, markers, `rejected#${eventId}`, { kind: 'EventRejected', eventId, accountId: null, reason });
 * ```
 */
export async function reportFailure(
  failures: FailureReporter,
  markers: IdempotencyStore | undefined,
  onceKey: string,
  report: FailureReport,
): Promise<void> {
  if (markers !== undefined && !(await markers.claim(`failure#${onceKey}`))) {
    return;
  }
  try {
    await failures.report(report);
  } catch (error) {
    if (markers !== undefined) await markers.release(`failure#${onceKey}`);
    throw error;
  }
}
