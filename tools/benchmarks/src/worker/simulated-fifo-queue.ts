import type { Clock, OperationMessage, OperationQueue } from '@org/governance-runtime';
import type { SQSRecord } from 'aws-lambda';

interface QueuedMessage {
  readonly messageId: string;
  readonly groupId: string;
  readonly body: string;
  receiveCount: number;
  visibleAt: number;
}

/** Options of {@link SimulatedFifoQueue}. */
export interface SimulatedFifoQueueOptions {
  /** A failed record becomes visible again after this, in milliseconds. */
  readonly visibilityTimeoutMs: number;
  /** Deduplication window of identical messages, in milliseconds. @default 300000 */
  readonly deduplicationWindowMs?: number;
}

/**
 * An SQS FIFO queue on a virtual clock, with the semantics the worker relies on: messages of one
 * group are delivered in order and never while an earlier one is in flight or waiting out its
 * visibility timeout; batches hold up to 10 records across groups; a failed record comes back
 * after the visibility timeout; identical messages within the deduplication window are sent once.
 *
 * @example
 * ```ts
 * const queue = new SimulatedFifoQueue(clock, { visibilityTimeoutMs: 30_000 });
 * await queue.send([{ eventId: 'e', operation }]);
 * const batch = queue.receive(10);
 * ```
 */
export class SimulatedFifoQueue implements OperationQueue {
  private readonly groups = new Map<string, QueuedMessage[]>();
  private readonly busyGroups = new Set<string>();
  private readonly sentAt = new Map<string, number>();
  private nextId = 0;
  /** Visibility set by `postpone` for in-flight messages (message id → visible at). */
  private readonly postponed = new Map<string, number>();
  /** Messages sent, and sends dropped as duplicates within the window. */
  readonly counters = { sent: 0, deduplicated: 0, redelivered: 0 };

  constructor(
    private readonly clock: Clock,
    private readonly options: SimulatedFifoQueueOptions,
  ) {}

  /** {@inheritDoc OperationQueue.send} (group = account id, deduplication on the body minus eventId). */
  async send(messages: readonly OperationMessage[]): Promise<void> {
    const now = this.clock.now();
    for (const message of messages) {
      const dedupKey = JSON.stringify([message.operation, message.pending ?? null]);
      const previous = this.sentAt.get(dedupKey);
      if (
        previous !== undefined &&
        now - previous < (this.options.deduplicationWindowMs ?? 300_000)
      ) {
        this.counters.deduplicated += 1;
        continue;
      }
      this.sentAt.set(dedupKey, now);
      const groupId = message.operation.accountId;
      const queued = this.groups.get(groupId) ?? [];
      queued.push({
        messageId: `m-${++this.nextId}`,
        groupId,
        body: JSON.stringify(message),
        receiveCount: 0,
        visibleAt: now,
      });
      this.groups.set(groupId, queued);
      this.counters.sent += 1;
    }
  }

  /** Up to `max` records: the head messages of groups that are neither in flight nor waiting. */
  receive(max: number): SQSRecord[] {
    const now = this.clock.now();
    const batch: QueuedMessage[] = [];
    for (const [groupId, queued] of this.groups) {
      if (batch.length >= max) break;
      if (this.busyGroups.has(groupId) || queued.length === 0 || queued[0].visibleAt > now)
        continue;
      this.busyGroups.add(groupId);
      for (const message of queued) {
        if (batch.length >= max) break;
        message.receiveCount += 1;
        batch.push(message);
      }
    }
    return batch.map((message) => toRecord(message, now));
  }

  /**
   * Ends an invocation: records not in `failedIds` are deleted, failed ones wait out the
   * visibility timeout, and their groups are released.
   */
  complete(records: readonly SQSRecord[], failedIds: ReadonlySet<string>): void {
    const visibleAt = this.clock.now() + this.options.visibilityTimeoutMs;
    for (const record of records) {
      const groupId = record.attributes.MessageGroupId ?? '';
      const queued = this.groups.get(groupId) ?? [];
      const index = queued.findIndex((message) => message.messageId === record.messageId);
      if (index < 0) continue;
      if (failedIds.has(record.messageId)) {
        queued[index].visibleAt = this.postponed.get(record.messageId) ?? visibleAt;
        this.counters.redelivered += 1;
      } else {
        queued.splice(index, 1);
      }
      this.postponed.delete(record.messageId);
      this.busyGroups.delete(groupId);
      if (queued.length === 0) this.groups.delete(groupId);
    }
  }

  /** `ChangeMessageVisibility` of an in-flight message: visible again `seconds` from now. */
  async postpone(receiptHandle: string, seconds: number): Promise<void> {
    const [messageId = ''] = receiptHandle.split('#');
    this.postponed.set(messageId, this.clock.now() + seconds * 1000);
  }

  /** Messages waiting or in flight. */
  size(): number {
    let size = 0;
    for (const queued of this.groups.values()) size += queued.length;
    return size;
  }

  /** When the earliest waiting message becomes visible (or `null` when none waits). */
  nextVisibleAt(): number | null {
    let next: number | null = null;
    for (const [groupId, queued] of this.groups) {
      if (this.busyGroups.has(groupId) || queued.length === 0) continue;
      next = next === null ? queued[0].visibleAt : Math.min(next, queued[0].visibleAt);
    }
    return next;
  }
}

/** The SQS record Lambda would deliver for a message. */
function toRecord(message: QueuedMessage, now: number): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: `${message.messageId}#${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(now),
      SenderId: 'simulated',
      ApproximateFirstReceiveTimestamp: String(now),
      MessageGroupId: message.groupId,
      MessageDeduplicationId: message.messageId,
      SequenceNumber: message.messageId.slice(2),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:operations.fifo',
    awsRegion: 'us-east-1',
  };
}
