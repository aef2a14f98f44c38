/**
 * A promise's outcome as a value, so one unconditional assertion covers "resolves to X" and
 * "rejects with Y" in the same table test.
 */

/** How a promise settled. */
export type Settled = { readonly value: unknown } | { readonly error: unknown };

/**
 * Waits for `promise` and reports how it settled.
 *
 * @example
 * ```ts
 * expect(await settle(adapter.attachPolicy(p, t))).toStrictEqual({ value: 'changed' });
 * ```
 */
export function settle(promise: Promise<unknown>): Promise<Settled> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
