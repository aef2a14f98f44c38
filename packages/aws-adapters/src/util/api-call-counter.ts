/**
 * Counts the API calls an SDK client makes (per command), for benchmarks and tests.
 */

/** A middleware as the SDK's stack accepts it, reduced to what the counter needs. */
type CountingMiddleware = (
  next: (args: unknown) => Promise<unknown>,
  context: { readonly commandName?: string },
) => (args: unknown) => Promise<unknown>;

/** Any AWS SDK v3 client (its middleware stack accepts initialize-step middleware). */
export interface InstrumentableClient {
  readonly middlewareStack: {
    add(middleware: CountingMiddleware, options: { step: 'initialize'; name: string }): void;
  };
}

/** Call counts collected so far. */
export interface ApiCallCounter {
  /** Calls per command name (e.g. `ListTagsForResourceCommand`). */
  readonly byCommand: ReadonlyMap<string, number>;
  /** All calls. */
  total(): number;
}

/**
 * Adds a middleware that counts every command sent through `clients` (SDK retries of one
 * command count once).
 *
 * @example
 * ```ts
 * const counter = countApiCalls([organizationsClient]);
 * await adapter.readSnapshotStructure();
 * console.log(counter.total());
 * ```
 */
export function countApiCalls(clients: readonly InstrumentableClient[]): ApiCallCounter {
  const byCommand = new Map<string, number>();
  const middleware: CountingMiddleware = (next, context) => (args) => {
    const name = context.commandName ?? 'unknown';
    byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
    return next(args);
  };
  for (const client of clients) {
    client.middlewareStack.add(middleware, {
      step: 'initialize',
      name: 'orgGovernanceCallCounter',
    });
  }
  return {
    byCommand,
    total: () => [...byCommand.values()].reduce((sum, count) => sum + count, 0),
  };
}
