import type { OperationMessage, OperationQueue } from '@org/governance-runtime';

/** FNV-1a of a string from a seed, 32 bits. */
function fnv(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 53-bit hash (two FNV-1a runs): no collision is to be expected among millions of ids. */
function hash(text: string): number {
  return fnv(text, 0x811c9dc5) * 0x200000 + (fnv(text, 0x01000193) & 0x1fffff);
}

/**
 * The operations FIFO queue of a scale run, counting instead of keeping a million message bodies:
 * messages sent per operation type, and sends AWS would drop as duplicates (the same
 * deduplication id — cause and operation — sent twice within a run).
 *
 * @example
 * ```ts
 * const queue = new CountingFifoQueue();
 * await queue.send(messages);
 * queue.sent; // messages accepted
 * ```
 */
export class CountingFifoQueue implements OperationQueue {
  sent = 0;
  deduplicated = 0;
  /** Accepted messages per operation type. */
  readonly byType: Record<string, number> = {};
  private readonly ids = new Set<number>();

  /** {@inheritDoc OperationQueue.send} */
  async send(messages: readonly OperationMessage[]): Promise<void> {
    for (const { eventId, operation } of messages) {
      const target =
        'policyId' in operation
          ? operation.policyId
          : 'permissionSetArn' in operation
            ? `${operation.permissionSetArn}#${operation.principalId}`
            : operation.type;
      const id = hash(`${eventId}#${operation.type}#${operation.accountId}#${target}`);
      if (this.ids.has(id)) {
        this.deduplicated += 1;
        continue;
      }
      this.ids.add(id);
      this.sent += 1;
      this.byType[operation.type] = (this.byType[operation.type] ?? 0) + 1;
    }
  }
}
