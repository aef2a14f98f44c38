/**
 * Counts the API calls SDK clients make (per command), for benchmarks and tests.
 */
import type { Client, MetadataBearer } from '@smithy/types';

/**
 * Call counts of the clients it instruments. A command retried by the SDK counts once; a call
 * the adapters retry themselves counts once per attempt.
 *
 * @example
 * ```ts
 * const counter = new ApiCallCounter().instrument(organizationsClient);
 * await adapter.readSnapshotStructure();
 * console.log(counter.total(), Object.fromEntries(counter.byCommand));
 * ```
 */
export class ApiCallCounter {
  private readonly counts = new Map<string, number>();

  /** Calls per command name (e.g. `ListTagsForResourceCommand`). */
  get byCommand(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /** All calls counted so far. */
  total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Forgets the counts. */
  reset(): void {
    this.counts.clear();
  }

  /** Adds a counting middleware to a client's stack; returns the counter. */
  instrument<Input extends object, Output extends MetadataBearer>(
    client: Client<Input, Output, unknown>,
  ): this {
    client.middlewareStack.add(
      (next, context) => (args) => {
        const name = context.commandName ?? 'unknown';
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'orgGovernanceApiCallCounter' },
    );
    return this;
  }
}
