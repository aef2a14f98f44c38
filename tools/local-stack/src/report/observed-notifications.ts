import { DescribeCasesCommand } from '@aws-sdk/client-support';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { LocalDeployment } from '../deployment/local-deployment';

/** What the outside world received. */
export interface ObservedNotifications {
  /** Support cases in moto: subject lines. */
  readonly supportCases: readonly string[];
  /** Webhook deliveries: account id and whether the signature verified. */
  readonly webhooks: readonly { readonly accountId: string; readonly signatureValid: boolean }[];
  /** Failure-topic messages: kind and reason. */
  readonly failures: readonly { readonly kind: string; readonly reason: string }[];
}

/** Reads every message of the failure-topic capture queue. */
async function drainFailures(
  deployment: LocalDeployment,
): Promise<{ kind: string; reason: string }[]> {
  const failures: { kind: string; reason: string }[] = [];
  for (;;) {
    const { Messages = [] } = await deployment.moto.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deployment.resources.failureCaptureQueueUrl,
        MaxNumberOfMessages: 10,
      }),
    );
    if (Messages.length === 0) return failures;
    for (const message of Messages) {
      const body = JSON.parse(message.Body ?? '{}') as { kind?: string; reason?: string };
      failures.push({ kind: body.kind ?? 'unknown', reason: body.reason ?? '' });
      await deployment.moto.sqs.send(
        new DeleteMessageCommand({
          QueueUrl: deployment.resources.failureCaptureQueueUrl,
          ReceiptHandle: message.ReceiptHandle,
        }),
      );
    }
  }
}

/**
 * Collects what the notifications produced: Support cases opened in moto, deliveries to the
 * local webhook receiver, and alerts on the failure topic.
 *
 * @example
 * ```ts
 * const observed = await observeNotifications(deployment);
 * ```
 */
export async function observeNotifications(
  deployment: LocalDeployment,
): Promise<ObservedNotifications> {
  const { cases = [] } = await deployment.moto.support.send(
    new DescribeCasesCommand({ includeResolvedCases: true }),
  );
  return {
    supportCases: cases.map((c) => c.subject ?? ''),
    webhooks: deployment.webhook.received().map((hook) => ({
      accountId: String(hook.body['accountId'] ?? ''),
      signatureValid: hook.signatureValid,
    })),
    failures: await drainFailures(deployment),
  };
}
