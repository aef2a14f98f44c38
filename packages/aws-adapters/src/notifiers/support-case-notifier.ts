/**
 * `SupportCasePort`: AWS Support cases, exactly one per account and notification.
 */
import { CreateCaseCommand, type SupportClient } from '@aws-sdk/client-support';
import type {
  NotificationOutcome,
  SupportCaseRequest,
  SupportCasePort,
} from '@org/governance-runtime';
import {
  AdapterError,
  InvalidRequestError,
  MarkerInProgressError,
  ThrottledError,
  UnexpectedResponseError,
} from '../errors';
import type { TwoPhaseMarkerStore } from '../markers';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';

/** Options of {@link SupportCaseNotifier}. */
export interface SupportCaseNotifierOptions {
  /** Case language. @default 'en' */
  readonly language?: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /**
   * How long a claim protects a case being opened; after it, a retry takes the claim over.
   * Keep it above the Lambda timeout. @default 900000 (15 minutes, the longest Lambda timeout)
   */
  readonly claimLeaseMs?: number;
}

/** The marker key of a case: one per account and notification id. */
export const supportCaseMarker = (accountId: string, notificationId: string): string =>
  `supportCase#${accountId}#${notificationId}`;

/** What a completed marker records: the case id, and the event it was opened for (JSON). */
function markerResult(caseId: string, eventId: string | undefined): string {
  return eventId === undefined ? caseId : JSON.stringify({ caseId, eventId });
}

/** The outcome of a repeat, from a completed marker's result (a bare case id from before). */
function duplicateOf(result: string | undefined): NotificationOutcome {
  if (result === undefined) return { status: 'duplicate' };
  if (result.startsWith('{')) {
    try {
      const { caseId, eventId } = JSON.parse(result) as { caseId?: unknown; eventId?: unknown };
      if (typeof caseId === 'string') {
        return typeof eventId === 'string'
          ? { status: 'duplicate', reference: caseId, sentForEventId: eventId }
          : { status: 'duplicate', reference: caseId };
      }
    } catch {
      // Not ours: reported as recorded.
    }
  }
  return { status: 'duplicate', reference: result };
}

/**
 * `true` when AWS certainly did not open the case: it rejected the request (not retryable) or
 * throttled it. After a timeout or a 5xx the case may exist, so the claim is kept until its lease.
 */
const caseCertainlyNotOpened = (error: unknown): boolean =>
  error instanceof ThrottledError || !(error instanceof AdapterError && error.retryable);

/**
 * Opens AWS Support cases (`CreateCase` needs a Business/Enterprise plan and a us-east-1 client),
 * guarded by a two-phase marker per account and notification:
 * - `claimed` → `CreateCase`, then the case id is recorded (`COMPLETED`) → `sent`;
 * - `completed` → `duplicate` with the recorded case id, without calling `CreateCase`;
 * - `inProgress` (another invocation's lease runs) → {@link MarkerInProgressError} (retryable);
 *   a crashed invocation's claim is taken over once its lease has expired, so no case is lost.
 *
 * When AWS rejects or throttles `CreateCase`, the claim is abandoned so a retry can try again.
 * When recording the case id fails, the case is still reported `sent` (it exists; failing would
 * make the platform retry and open a second case once the lease expires).
 *
 * @example
 * ```ts
 * const markers = new DynamoDbIdempotencyStore(documentClient, { tableName: 'idempotency' });
 * const support = new SupportCaseNotifier(new SupportClient(createClientConfig({ region: 'us-east-1' })), markers);
 * await support.openCase({ accountId, notificationId: 'ams-onboarding', subject, body,
 *   serviceCode: 'service-ams-operations-service-request', categoryCode: 'onboarding-or-offboarding',
 *   severityCode: 'low' });
 * ```
 */
export class SupportCaseNotifier implements SupportCasePort {
  private readonly language: string;
  private readonly retryPolicy: RetryPolicy;
  private readonly claimLeaseMs: number;

  constructor(
    private readonly client: SupportClient,
    private readonly markers: TwoPhaseMarkerStore,
    options: SupportCaseNotifierOptions = {},
  ) {
    this.language = options.language ?? 'en';
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.claimLeaseMs = options.claimLeaseMs ?? 900_000;
  }

  /** @inheritdoc */
  async openCase(request: SupportCaseRequest): Promise<NotificationOutcome> {
    const context = { operation: 'CreateCase', accountId: request.accountId };
    const region = await this.client.config.region();
    if (region !== 'us-east-1') {
      throw new InvalidRequestError(`The Support client must use us-east-1 (it uses ${region})`, {
        context,
      });
    }
    const marker = supportCaseMarker(request.accountId, request.notificationId);
    const claim = await this.markers.begin(marker, this.claimLeaseMs);
    if (claim.status === 'completed') return duplicateOf(claim.result);
    if (claim.status === 'inProgress') {
      throw new MarkerInProgressError(
        `The Support case for account ${request.accountId} (notification ${request.notificationId}) is being opened by another invocation until ${new Date(claim.leaseExpiresAt).toISOString()}; retry later`,
        claim.leaseExpiresAt,
        { context },
      );
    }
    let caseId: string;
    try {
      caseId = await this.createCase(request, context);
    } catch (error) {
      if (caseCertainlyNotOpened(error)) await this.markers.abandon(marker, claim.token);
      throw error;
    }
    await this.markers
      .complete(marker, claim.token, markerResult(caseId, request.eventId))
      .catch(() => false);
    return { status: 'sent', reference: caseId };
  }

  private async createCase(
    request: SupportCaseRequest,
    context: { readonly operation: string; readonly accountId: string },
  ): Promise<string> {
    const output = await callAws(
      context,
      () =>
        this.client.send(
          new CreateCaseCommand({
            subject: request.subject,
            communicationBody: request.body,
            serviceCode: request.serviceCode,
            categoryCode: request.categoryCode,
            severityCode: request.severityCode,
            language: this.language,
          }),
        ),
      this.retryPolicy,
    );
    if (!output.caseId) {
      throw new UnexpectedResponseError('CreateCase returned no caseId', { context });
    }
    return output.caseId;
  }
}
