import type { OperationMessage, OperationQueue } from '../ports/operation-queue';

/**
 * An {@link OperationQueue} that keeps messages in memory in arrival order, for single-process
 * runs: the CLI applies them right away, tests and benchmarks inspect or drain them.
 *
 * @example
 * ```ts
 * const queue = new InMemoryOperationQueue();
 * await reconcile(deps with { queue });
 * for (const message of queue.drain()) await executeOperation(message, workerDeps);
 * ```
 */
export class InMemoryOperationQueue implements OperationQueue {
  private messages: OperationMessage[] = [];

  /** {@inheritDoc OperationQueue.send} */
  async send(messages: readonly OperationMessage[]): Promise<void> {
    this.messages.push(...messages);
  }

  /** The messages waiting, oldest first (not removed). */
  peek(): readonly OperationMessage[] {
    return [...this.messages];
  }

  /** Removes and returns every waiting message, oldest first. */
  drain(): OperationMessage[] {
    const drained = this.messages;
    this.messages = [];
    return drained;
  }
}
