/**
 * `SupportCasePort`: AWS Support cases, at most one per account and notification.
 */
import { CreateCaseCommand, type SupportClient } from '@aws-sdk/client-support';
import type {
  IdempotencyStore,
  NotificationOutcome,
  SupportCaseRequest,
  SupportCasePort,
} from '@org/scope-engine';
import { InvalidRequestError, UnexpectedResponseError } from '../errors';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';

/** Options of {@link SupportCaseNotifier}. */
export interface SupportCaseNotifierOptions {
  /** Case language. @default 'en' */
  readonly language?: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/** The marker key of a case: one per account and notification id. */
export const supportCaseMarker = (accountId: string, notificationId: string): string =>
  `supportCase#${accountId}#${notificationId}`;

/**
 * Opens AWS Support cases (`CreateCase` needs a Business/Enterprise plan and a us-east-1 client).
 * A marker claimed in the idempotency store before the call makes a retried event or a
 * re-vending a `duplicate`; the marker is released when the call fails, so a retry can succeed.
 *
 * @example
 * ```ts
 * const support = new SupportCaseNotifier(new SupportClient(createClientConfig({ region: 'us-east-1' })), markers);
 * await support.openCase({ accountId, notificationId: 'ams-onboarding', subject, body,
 *   serviceCode: 'service-ams-operations-service-request', categoryCode: 'onboarding-or-offboarding',
 *   severityCode: 'low' });
 * ```
 */
export class SupportCaseNotifier implements SupportCasePort {
  private readonly language: string;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: SupportClient,
    private readonly markers: IdempotencyStore,
    options: SupportCaseNotifierOptions = {},
  ) {
    this.language = options.language ?? 'en';
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
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
    if (!(await this.markers.claim(marker))) return { status: 'duplicate' };
    try {
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
      return { status: 'sent', reference: output.caseId };
    } catch (error) {
      await this.markers.release(marker);
      throw error;
    }
  }
}
