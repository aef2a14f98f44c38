import {
  DEFAULT_DELIVERY_LEASE_MS,
  deliverOnce,
  DeliveryInProgressError,
  type DeliveryMarkers,
  type FailureReport,
  type FailureReporter,
} from '@org/governance-runtime';

/**
 * Reports a failure to the failure topic at most once per `onceKey` (retries of the same
 * invocation would otherwise alert again) when markers are available, otherwise every time.
 * The marker is two-phase: a report interrupted by a crash is made by the next attempt once the
 * lease (`leaseMs`) has run out; a report another attempt is making is left to it.
 *
 * @example
 * ```ts
 * await reportFailure(failures, markers, `rejected#${eventId}`, { kind: 'EventRejected', eventId, accountId: null, reason }, deliveryLeaseMs(context));
 * ```
 */
export async function reportFailure(
  failures: FailureReporter,
  markers: DeliveryMarkers | undefined,
  onceKey: string,
  report: FailureReport,
  leaseMs: number = DEFAULT_DELIVERY_LEASE_MS,
): Promise<void> {
  if (markers === undefined) {
    await failures.report(report);
    return;
  }
  try {
    await deliverOnce(markers, `failure#${onceKey}`, leaseMs, async () => {
      await failures.report(report);
      return report.kind;
    });
  } catch (error) {
    if (!(error instanceof DeliveryInProgressError)) throw error;
  }
}
