/**
 * Where a sharded reconcile run keeps its checkpoints between invocations: what the preparation
 * read so far, each shard's inputs and progress, each shard's summary.
 */

/**
 * JSON documents of a run, by name (S3 objects or table items in AWS, memory locally).
 *
 * @example
 * ```ts
 * await runs.put(runId, 'shard/3', shard);
 * const shard = await runs.get<ShardInput>(runId, 'shard/3');
 * ```
 */
export interface ReconcileRunStore {
  /** The document, or `undefined` when none was stored. */
  get<T>(runId: string, name: string): Promise<T | undefined>;
  /** Stores (replaces) a document. */
  put(runId: string, name: string, value: unknown): Promise<void>;
}

/**
 * A {@link ReconcileRunStore} in process memory (the local pipeline, tests, the scale bench).
 * Values are kept as given: callers never mutate what they stored.
 *
 * @example
 * ```ts
 * const runs = new InMemoryRunStore();
 * ```
 */
export class InMemoryRunStore implements ReconcileRunStore {
  private readonly documents = new Map<string, unknown>();

  /** {@inheritDoc ReconcileRunStore.get} */
  async get<T>(runId: string, name: string): Promise<T | undefined> {
    return this.documents.get(`${runId}/${name}`) as T | undefined;
  }

  /** {@inheritDoc ReconcileRunStore.put} */
  async put(runId: string, name: string, value: unknown): Promise<void> {
    this.documents.set(`${runId}/${name}`, value);
  }

  /** Forgets a run's documents (after its summary). */
  forget(runId: string): void {
    for (const key of [...this.documents.keys()]) {
      if (key.startsWith(`${runId}/`)) this.documents.delete(key);
    }
  }
}
