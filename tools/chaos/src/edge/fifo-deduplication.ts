/**
 * SQS FIFO deduplication as AWS does it, restored at the edge over moto: a message whose
 * deduplication id was *sent* to the queue in the last 5 minutes is accepted and never
 * delivered — even when the first copy was already received and deleted. moto only compares
 * with messages still in the queue, so without this layer a run could not see an operation
 * swallowed by an earlier one with the same id. The window runs on the run's clock. This is
 * AWS's published behaviour and deliberately not configurable.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '@org/governance-runtime';
import { type CallData, textField } from './call-data';

/** AWS's deduplication interval: 5 minutes from the first successful send of an id. */
export const FIFO_DEDUPLICATION_WINDOW_MS = 5 * 60_000;

/** The line a run prints to say which queue semantics it ran on. */
export const FIFO_SEMANTICS_LINE = 'queue: AWS FIFO semantics (5-minute deduplication of sent ids)';

/** Sends a (possibly reduced) input on to moto and returns its output. */
export type ForwardCall = (input: CallData) => Promise<CallData>;

interface BatchEntry extends CallData {
  readonly Id?: string;
}

/**
 * The deduplication id of a FIFO send: the explicit `MessageDeduplicationId`, or — content-based
 * deduplication — the SHA-256 of the body.
 *
 * @example
 * ```ts
 * deduplicationIdOfSend({ MessageBody: 'x', MessageDeduplicationId: 'd-1' }); // 'd-1'
 * ```
 */
export function deduplicationIdOfSend(entry: CallData): string {
  const explicit = textField(entry, 'MessageDeduplicationId');
  if (explicit !== '') return explicit;
  return createHash('sha256').update(textField(entry, 'MessageBody')).digest('hex');
}

/**
 * The 5-minute record of sent deduplication ids, per queue.
 *
 * @example
 * ```ts
 * const fifo = new FifoDeduplication(clock);
 * const output = await fifo.send('SendMessageBatch', input, (reduced) => forward(reduced));
 * fifo.dropped; // entries accepted but never delivered
 * ```
 */
export class FifoDeduplication {
  private readonly sentAt = new Map<string, number>();
  /** Sends accepted without delivery because their id was sent in the last 5 minutes. */
  dropped = 0;
  /** Sends delivered to the queue. */
  delivered = 0;

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  /**
   * Records a send of `deduplicationId` to `queueUrl` now; `false` (nothing recorded) when the
   * id was sent in the last 5 minutes, so the message must be dropped.
   */
  admit(queueUrl: string, deduplicationId: string): boolean {
    const key = `${queueUrl}\n${deduplicationId}`;
    const now = this.clock.now();
    const first = this.sentAt.get(key);
    if (first !== undefined && now - first < FIFO_DEDUPLICATION_WINDOW_MS) {
      this.dropped += 1;
      return false;
    }
    this.sentAt.set(key, now);
    this.delivered += 1;
    return true;
  }

  /** Forgets a send that did not reach the queue (the call failed). */
  private revoke(queueUrl: string, deduplicationId: string): void {
    this.sentAt.delete(`${queueUrl}\n${deduplicationId}`);
    this.delivered -= 1;
  }

  /**
   * `SendMessage` / `SendMessageBatch` with AWS's deduplication: dropped entries are answered as
   * successful without reaching moto; the others are forwarded. Non-FIFO queues pass through.
   */
  async send(
    command: 'SendMessage' | 'SendMessageBatch',
    input: CallData,
    forward: ForwardCall,
  ): Promise<CallData> {
    const queueUrl = textField(input, 'QueueUrl');
    if (!queueUrl.endsWith('.fifo')) return forward(input);
    return command === 'SendMessage'
      ? this.sendOne(queueUrl, input, forward)
      : this.sendBatch(queueUrl, input, forward);
  }

  private async sendOne(queueUrl: string, input: CallData, forward: ForwardCall) {
    const id = deduplicationIdOfSend(input);
    if (!this.admit(queueUrl, id)) return { $metadata: {}, MessageId: randomUUID() };
    try {
      return await forward(input);
    } catch (error) {
      this.revoke(queueUrl, id);
      throw error;
    }
  }

  private async sendBatch(queueUrl: string, input: CallData, forward: ForwardCall) {
    const entries = (Array.isArray(input['Entries']) ? input['Entries'] : []) as BatchEntry[];
    const admitted: BatchEntry[] = [];
    const swallowed: CallData[] = [];
    for (const entry of entries) {
      if (this.admit(queueUrl, deduplicationIdOfSend(entry))) admitted.push(entry);
      else swallowed.push({ Id: entry.Id, MessageId: randomUUID() });
    }
    if (admitted.length === 0) return { $metadata: {}, Successful: swallowed, Failed: [] };
    let output: CallData;
    try {
      output = await forward({ ...input, Entries: admitted });
    } catch (error) {
      for (const entry of admitted) this.revoke(queueUrl, deduplicationIdOfSend(entry));
      throw error;
    }
    const failed = (Array.isArray(output['Failed']) ? output['Failed'] : []) as BatchEntry[];
    for (const failure of failed) {
      const entry = admitted.find((candidate) => candidate.Id === failure.Id);
      if (entry !== undefined) this.revoke(queueUrl, deduplicationIdOfSend(entry));
    }
    const successful = Array.isArray(output['Successful']) ? output['Successful'] : [];
    return { ...output, Successful: [...successful, ...swallowed], Failed: failed };
  }
}
