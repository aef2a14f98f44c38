/**
 * What actually happened outside the product, read back from the emulators with fault-free
 * clients after the run: Support cases in moto, messages published to the notification and
 * failure topics (through their capture queues), operations left in the dead-letter queue.
 */
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { DescribeCasesCommand, type SupportClient } from '@aws-sdk/client-support';
import { decodeOperationMessage } from '@org/aws-adapters/sqs';
import type { FailureReport, OperationMessage } from '@org/governance-runtime';

/** A message published to the notification topic. */
export interface PublishedNotification {
  readonly eventId: string;
  readonly notificationId: string;
  readonly accountId: string;
}

/** Everything read back. */
export interface ObservedEffects {
  /** Subjects of the Support cases opened, one entry per case. */
  readonly supportCaseSubjects: readonly string[];
  readonly notifications: readonly PublishedNotification[];
  readonly failureReports: readonly FailureReport[];
  readonly deadLetters: readonly OperationMessage[];
}

/** Receives (and deletes) every message of a queue. */
export async function drainCapture(sqs: SQSClient, queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let empty = 0; empty < 2;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 600,
      }),
    );
    if (Messages.length === 0) {
      empty += 1;
      continue;
    }
    bodies.push(...Messages.map((m) => m.Body ?? ''));
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
      }),
    );
  }
  return bodies;
}

/** The `Message` and string attributes of an SNS envelope delivered to SQS. */
function unwrap(body: string): { message: string; attributes: Record<string, string> } {
  const envelope = JSON.parse(body) as {
    readonly Message?: string;
    readonly MessageAttributes?: Record<string, { readonly Value?: string }>;
  };
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(envelope.MessageAttributes ?? {})) {
    attributes[name] = value.Value ?? '';
  }
  return { message: envelope.Message ?? '', attributes };
}

async function supportCaseSubjects(support: SupportClient): Promise<string[]> {
  const subjects: string[] = [];
  let token: string | undefined;
  do {
    const page = await support.send(
      new DescribeCasesCommand({ includeResolvedCases: true, nextToken: token }),
    );
    subjects.push(...(page.cases ?? []).map((c) => c.subject ?? ''));
    token = page.nextToken;
  } while (token);
  return subjects;
}

/**
 * Reads everything back.
 *
 * @example
 * ```ts
 * const observed = await observeEffects(world.sqs, world.support, resources);
 * ```
 */
export async function observeEffects(
  sqs: SQSClient,
  support: SupportClient,
  queues: {
    readonly notificationCaptureUrl: string;
    readonly failureCaptureUrl: string;
    readonly deadLetterQueueUrl: string;
  },
): Promise<ObservedEffects> {
  const notifications = (await drainCapture(sqs, queues.notificationCaptureUrl)).map((body) => {
    const { attributes } = unwrap(body);
    return {
      eventId: attributes['eventId'] ?? '',
      notificationId: attributes['notificationId'] ?? '',
      accountId: attributes['accountId'] ?? '',
    };
  });
  const failureReports = (await drainCapture(sqs, queues.failureCaptureUrl)).map(
    (body) => JSON.parse(unwrap(body).message) as FailureReport,
  );
  const deadLetters = (await drainCapture(sqs, queues.deadLetterQueueUrl)).map((body) =>
    decodeOperationMessage(body),
  );
  return {
    supportCaseSubjects: await supportCaseSubjects(support),
    notifications,
    failureReports,
    deadLetters,
  };
}
