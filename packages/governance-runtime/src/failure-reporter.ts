/**
 * Reports failures that need a human: to the SNS failure topic in the deployed system.
 */
import type { Operation } from '@org/scope-engine';
import type { TopicPort } from './ports/notification-ports';

/** What failed. */
export type FailureKind =
  | 'OperationFailed'
  /** A queued operation no current rule justifies (forged, or its rules are gone): refused. */
  | 'OperationNotJustified'
  /** A reconcile run or rules apply held its detaches and deletes: confirmation needed. */
  | 'DestructiveOperationsHeld'
  /**
   * An `accountTag` rule was skipped: the tag ledger does not show a trusted principal set the
   * account's tag value (`settings.trustedTagPrincipals`).
   */
  | 'UntrustedTag'
  /** A managed policy or assignment was changed by someone else than the product (audited with who). */
  | 'OutOfBandChange'
  | 'EventRejected'
  | 'VendingFailed'
  | 'NotificationFailed'
  | 'ProcessingFailed';

/** One failure, as published on the failure topic (the JSON message body). */
export interface FailureReport {
  readonly kind: FailureKind;
  /** The EventBridge event (or reconcile run) the failure belongs to. */
  readonly eventId: string | null;
  readonly accountId: string | null;
  /** What went wrong, for a human. */
  readonly reason: string;
  /** The operation that failed, when one did. */
  readonly operation?: Operation;
}

/**
 * Where failures go.
 *
 * @example
 * ```ts
 * await failures.report({ kind: 'OperationFailed', eventId, accountId, reason: 'FAILED: ...', operation });
 * ```
 */
export interface FailureReporter {
  report(failure: FailureReport): Promise<void>;
}

/** SNS subjects are at most 100 printable ASCII characters. */
function subjectOf(failure: FailureReport): string {
  const subject = `Org governance: ${failure.kind}${failure.accountId ? ` (account ${failure.accountId})` : ''}`;
  return subject.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}

/**
 * A {@link FailureReporter} publishing JSON messages to an SNS topic, with `kind`, `eventId` and
 * `accountId` as message attributes for subscription filters.
 *
 * @example
 * ```ts
 * const failures = topicFailureReporter(topics, process.env.FAILURE_TOPIC_ARN);
 * ```
 */
export function topicFailureReporter(topics: TopicPort, topicArn: string): FailureReporter {
  return {
    async report(failure) {
      const attributes: Record<string, string> = { kind: failure.kind };
      if (failure.eventId) attributes['eventId'] = failure.eventId;
      if (failure.accountId) attributes['accountId'] = failure.accountId;
      await topics.publish(topicArn, {
        subject: subjectOf(failure),
        message: JSON.stringify(failure),
        attributes,
      });
    },
  };
}
