/**
 * Where notifications go: AWS Support cases, signed webhooks, SNS topics.
 */

/** A Support case to open once per account and notification. */
export interface SupportCaseRequest {
  /** The event the case is opened for: recorded with it, reported back on a duplicate. */
  readonly eventId?: string;
  readonly accountId: string;
  readonly notificationId: string;
  readonly subject: string;
  readonly body: string;
  readonly serviceCode: string;
  readonly categoryCode: string;
  readonly severityCode: string;
}

/**
 * What happened to a notification: sent (with a reference) or already sent before (with the
 * first send's reference when it was recorded, e.g. the Support case id).
 */
export type NotificationOutcome =
  | { readonly status: 'sent'; readonly reference: string }
  | {
      readonly status: 'duplicate';
      readonly reference?: string;
      /** The event the first send was for, when it was recorded. */
      readonly sentForEventId?: string;
    };

/**
 * Opens AWS Support cases, at most once per account + notification id.
 *
 * @example
 * ```ts
 * const outcome = await support.openCase({ accountId, notificationId: 'ams-onboarding', ... });
 * ```
 */
export interface SupportCasePort {
  openCase(request: SupportCaseRequest): Promise<NotificationOutcome>;
}

/** A JSON body to POST, signed with the secret stored at `secretArn`. */
export interface WebhookRequest {
  readonly url: string;
  readonly secretArn: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The target may resolve to private addresses (10/8, 172.16/12, 192.168/16, fc00::/7). @default false */
  readonly allowPrivateNetwork?: boolean;
}

/**
 * Delivers signed webhooks (`X-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">`) to
 * checked destinations only.
 *
 * @example
 * ```ts
 * await webhook.deliver({ url, secretArn, payload: { accountId, subject, body } });
 * ```
 */
export interface WebhookPort {
  /** Resolves with the HTTP status of the accepted delivery; throws when it failed. */
  deliver(request: WebhookRequest): Promise<{ readonly statusCode: number }>;
}

/** A message to publish on a topic. */
export interface TopicMessage {
  readonly subject: string;
  readonly message: string;
  /** String message attributes (e.g. `accountId`, `eventId`). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/**
 * Publishes to SNS topics (notification topics and the failure topic).
 *
 * @example
 * ```ts
 * await topics.publish(failureTopicArn, { subject: 'Operation failed', message: JSON.stringify(op) });
 * ```
 */
export interface TopicPort {
  /** Resolves with the message id. */
  publish(topicArn: string, message: TopicMessage): Promise<{ readonly messageId: string }>;
}
