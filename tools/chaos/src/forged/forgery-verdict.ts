/**
 * Sending forged messages the way an intruder would (straight to the queue, past the product),
 * and judging what the worker made of them from its audit log.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { StoredAuditEntry } from '@org/governance-runtime';
import type { FifoDeduplication } from '../edge/fifo-deduplication';
import { outcomeLabel } from '../verify/round-audit';
import { type ForgedMessage, forgedBody } from './forged-messages';

/** What became of the forged messages of a run. */
export interface ForgeryVerdict {
  readonly sent: number;
  /** The forged messages' ids (their audit entries carry them as the event id). */
  readonly ids: readonly string[];
  readonly refused: number;
  /** `<id> (<label>): <outcomes>` of each forged message not refused (`NotJustified`). */
  readonly accepted: readonly string[];
}

/** Outcomes that mean the worker carried the operation out (or started to). */
const CARRIED_OUT: ReadonlySet<string> = new Set(['applied', 'alreadyInState', 'inProgress']);

/** `true` when an audit entry records the refusal of an operation no rule justifies. */
export function isNotJustified(entry: Pick<StoredAuditEntry, 'outcome' | 'detail'>): boolean {
  return outcomeLabel(entry) === 'NotJustified';
}

/**
 * Puts `messages` on the FIFO queue with a fault-free client, each with a fresh deduplication id
 * (recorded in the run's deduplication window, as AWS would).
 *
 * @example
 * ```ts
 * await sendForged(moto.sqs, resources.operationsQueueUrl, fifo, forged);
 * ```
 */
export async function sendForged(
  sqs: SQSClient,
  queueUrl: string,
  fifo: FifoDeduplication,
  messages: readonly ForgedMessage[],
): Promise<void> {
  for (const message of messages) {
    const deduplicationId = `${message.id}-dedup`;
    if (!fifo.admit(queueUrl, deduplicationId)) continue;
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: forgedBody(message),
        MessageGroupId: message.accountId,
        MessageDeduplicationId: deduplicationId,
      }),
    );
  }
}

/**
 * Judges the forged messages: each must have an audit entry refusing it (`NotJustified`) and
 * none carrying it out.
 *
 * @example
 * ```ts
 * const verdict = judgeForgery(forged, (id) => entriesOf(id));
 * verdict.accepted; // []
 * ```
 */
export function judgeForgery(
  messages: readonly ForgedMessage[],
  entriesOf: (id: string) => readonly Pick<StoredAuditEntry, 'type' | 'outcome' | 'detail'>[],
): ForgeryVerdict {
  const accepted: string[] = [];
  for (const message of messages) {
    const entries = entriesOf(message.id).filter((e) => e.type === 'operation');
    const refused = entries.some(isNotJustified);
    const carriedOut = entries.some((e) => CARRIED_OUT.has(e.outcome));
    if (!refused || carriedOut) {
      const outcomes = entries.map((e) => `${e.outcome}${e.detail ? ` ${e.detail}` : ''}`);
      accepted.push(`${message.id} (${message.label}): ${outcomes.join('/') || 'no audit entry'}`);
    }
  }
  return {
    sent: messages.length,
    ids: messages.map((message) => message.id),
    refused: messages.length - accepted.length,
    accepted,
  };
}
