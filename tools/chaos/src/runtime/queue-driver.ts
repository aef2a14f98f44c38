/**
 * Lambda's SQS event source for the operations FIFO queue, with crashes: several pollers
 * (concurrent worker containers) receive batches, hand them to the real worker handler, delete
 * what it completed and let what it failed back reappear when AWS would make it visible again:
 * at the end of the visibility the worker set on it (`ChangeMessageVisibility`, its retry
 * backoff of 60 s × 4 per receive), or else of the queue's visibility timeout. With probability
 * `crashRate` an invocation's container dies mid-batch — after some records ran, or right after
 * a change took effect — so the whole batch is redelivered, unacknowledged.
 *
 * moto counts visibility in real seconds while the run's clock is sped up, so the driver keeps
 * the time on the run's clock and makes the record visible itself when that time has passed.
 * When nothing else can happen before — no invocation running, every poller found the queue
 * empty — it moves the run's clock ahead to the next record due instead of sleeping through the
 * wait: a worker's backoff of 16 minutes would otherwise take 8 minutes of real time during a
 * rule flip (product time at 2× real time). Product time still passes as on AWS.
 */
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { decodeOperationMessage } from '@org/aws-adapters/sqs';
import type { OperationsWorkerHandler } from '@org/handlers';
import type { Clock } from '@org/governance-runtime';
import type { ChaosClock } from '../clock/chaos-clock';
import type { SQSRecord } from 'aws-lambda';
import type { Deployed } from '../deployment/product-functions';
import { operationKey } from '../edge/operation-key';
import { ChaosSetupError } from '../errors';
import type { SeededRandom } from '../random/seeded-random';
import { chaosLambdaContext } from './lambda-context';
import { receiveOneMessage, toSqsRecord } from '@org/local-stack';

/** Settings of {@link drainQueue}. */
export interface QueueDriverOptions {
  /** A fault-free client of the harness (the event source is AWS's, not the product's). */
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly queueArn: string;
  /** Concurrent worker containers. */
  readonly workers: number;
  /** Records per invocation (the construct's default is 10). @default 10 */
  readonly batchSize?: number;
  /** Probability that an invocation crashes. */
  readonly crashRate: number;
  readonly random: SeededRandom;
  /** The run's clock, moved ahead while every record left waits to become visible. */
  readonly clock: Clock & Pick<ChaosClock, 'advance' | 'realMs'>;
  /** Worker timeout, product milliseconds (the construct's: status wait + 30 s). */
  readonly timeoutMs: number;
  /**
   * The queue's visibility timeout, product milliseconds: how long a crashed record, or a
   * failed-back one whose visibility the worker did not change, stays invisible.
   */
  readonly visibilityTimeoutMs: number;
  /** The visibility the worker set on a receipt handle (product ms), taken once. */
  readonly visibility: { take(receiptHandle: string): number | undefined };
  /** A new worker container (cold start). */
  readonly deploy: () => Deployed<OperationsWorkerHandler>;
  /** Counts each delivery of an operation (by key) to a worker. */
  readonly onDelivery?: (key: string) => void;
  /** Give up after this much real time. @default 600000 */
  readonly maxRealMs?: number;
}

/** What draining did. */
export interface DrainStats {
  invocations: number;
  records: number;
  completed: number;
  failedBack: number;
  crashes: number;
  recordsRedeliveredByCrashes: number;
  /** Records that came back after the visibility the worker set (its backoff). */
  backedOff: number;
  /** The longest such visibility, product milliseconds. */
  longestBackoffMs: number;
  /** Invocations whose handler threw (the whole batch is redelivered). */
  handlerErrors: number;
}

const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ignores the answer to a receipt handle that is no longer current: the worker changed the
 * record's visibility itself (its backoff) and the record was received again, or it is gone.
 * AWS accepts a delete with an old handle without deleting, and Lambda's event source never
 * touches a record it handed back; only the driver's emulation of the timeout can meet this.
 */
function ignoreStaleReceipt(error: unknown): void {
  const name = error instanceof Error ? error.name : '';
  if (name !== 'ReceiptHandleIsInvalid' && name !== 'MessageNotInflight') throw error;
}

/**
 * Runs the workers until the queue is empty and nothing is in flight.
 *
 * @throws {ChaosSetupError} when the queue does not drain within `maxRealMs`.
 * @example
 * ```ts
 * const stats = await drainQueue({ sqs, queueUrl, queueArn, workers: 4, crashRate: 0.05, … });
 * ```
 */
export async function drainQueue(options: QueueDriverOptions): Promise<DrainStats> {
  const { sqs, queueUrl, clock } = options;
  const stats: DrainStats = {
    invocations: 0,
    records: 0,
    completed: 0,
    failedBack: 0,
    crashes: 0,
    recordsRedeliveredByCrashes: 0,
    backedOff: 0,
    longestBackoffMs: 0,
    handlerErrors: 0,
  };
  const started = Date.now();
  const pending = new Set<Promise<unknown>>();
  const releaseErrors: unknown[] = [];
  let active = 0;
  let done = false;
  /** Pollers whose last receive found nothing (since a record was last made visible). */
  const idle = new Set<number>();
  /** Product times at which records are due to become visible. */
  const due: number[] = [];

  /** Waits until product time `dueAt`, moving the clock there when nothing else can happen. */
  const waitUntil = async (dueAt: number): Promise<void> => {
    due.push(dueAt);
    try {
      while (clock.now() < dueAt) {
        if (active === 0 && idle.size >= options.workers) {
          const next = Math.min(...due) - clock.now();
          if (next > 0) clock.advance(next);
        }
        const remaining = dueAt - clock.now();
        if (remaining > 0) await realSleep(Math.min(50, Math.max(1, clock.realMs(remaining))));
      }
    } finally {
      due.splice(due.indexOf(dueAt), 1);
    }
  };

  const release = (records: readonly SQSRecord[]) => {
    const task = Promise.all(
      records.map((record) => {
        const chosen = options.visibility.take(record.receiptHandle);
        if (chosen !== undefined) {
          stats.backedOff += 1;
          stats.longestBackoffMs = Math.max(stats.longestBackoffMs, chosen);
        }
        return waitUntil(clock.now() + (chosen ?? options.visibilityTimeoutMs)).then(() =>
          sqs
            .send(
              new ChangeMessageVisibilityCommand({
                QueueUrl: queueUrl,
                ReceiptHandle: record.receiptHandle,
                VisibilityTimeout: 0,
              }),
            )
            .then(() => idle.clear(), ignoreStaleReceipt),
        );
      }),
    );
    pending.add(task);
    void task.then(
      () => pending.delete(task),
      (error: unknown) => {
        pending.delete(task);
        releaseErrors.push(error);
      },
    );
  };

  const receiveBatch = async (): Promise<Message[]> => {
    const batch: Message[] = [];
    while (batch.length < (options.batchSize ?? 10)) {
      const messages = await receiveOneMessage(sqs, queueUrl);
      if (messages.length === 0) break;
      batch.push(...messages);
    }
    return batch;
  };

  const queueIsEmpty = async (): Promise<boolean> => {
    if (active > 0 || pending.size > 0) return false;
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    return Object.values(Attributes).every((value) => value === '0');
  };

  const poller = async (index: number): Promise<void> => {
    let worker = options.deploy();
    // Idle pollers back off (Lambda long-polls), so waiting on invisible records does not load moto.
    let idleMs = 10;
    while (!done) {
      if (Date.now() - started > (options.maxRealMs ?? 600_000)) {
        const { Attributes = {} } = await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
        );
        throw new ChaosSetupError(
          `the operations queue did not drain in time: ${active} invocations running, ${pending.size} records waiting to reappear, ${Attributes['ApproximateNumberOfMessages'] ?? '?'} visible and ${Attributes['ApproximateNumberOfMessagesNotVisible'] ?? '?'} in flight in the queue, ${JSON.stringify(stats)}`,
        );
      }
      active += 1;
      const messages = await receiveBatch();
      if (messages.length === 0) {
        idle.add(index);
        active -= 1;
        if (await queueIsEmpty()) done = true;
        else await realSleep(idleMs);
        idleMs = Math.min(idleMs * 2, 160);
        continue;
      }
      idleMs = 10;
      idle.delete(index);
      const records = messages.map((m) => toSqsRecord(m, options.queueArn, 'chaos'));
      for (const record of records) {
        try {
          const key = operationKey(decodeOperationMessage(record.body).operation);
          if (key !== null) options.onDelivery?.(key);
        } catch {
          // An undecodable body is the worker's to report.
        }
      }
      stats.invocations += 1;
      stats.records += records.length;
      const crash = options.random.chance(options.crashRate)
        ? {
            afterRecords: options.random.int(1, records.length),
            midRecord: options.random.chance(0.5),
          }
        : null;
      worker.container.plan(crash);
      let response: Awaited<ReturnType<OperationsWorkerHandler>> | null;
      try {
        response = await worker.handler(
          { Records: records },
          chaosLambdaContext('operations-worker', options.timeoutMs, clock, worker.container),
        );
      } catch {
        // A handler that throws fails the whole batch, as Lambda does.
        response = null;
        stats.handlerErrors += 1;
      }
      if (!worker.container.isAlive || response === null) {
        if (!worker.container.isAlive) stats.crashes += 1;
        stats.recordsRedeliveredByCrashes += records.length;
        release(records);
        worker = options.deploy();
      } else {
        worker.container.plan(null);
        const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
        const back = records.filter((r) => failed.has(r.messageId));
        stats.failedBack += back.length;
        stats.completed += records.length - back.length;
        if (back.length > 0) release(back);
        await Promise.all(
          records
            .filter((r) => !failed.has(r.messageId))
            .map((r) =>
              sqs
                .send(
                  new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: r.receiptHandle }),
                )
                .then(() => undefined, ignoreStaleReceipt),
            ),
        );
      }
      active -= 1;
    }
  };

  await Promise.all(Array.from({ length: options.workers }, (_, index) => poller(index)));
  await Promise.all([...pending]);
  if (releaseErrors.length > 0) throw releaseErrors[0];
  return stats;
}
