/**
 * What the exactly-once checks (changes of the organization, notifications) report alike.
 */

/**
 * The findings of an exactly-once check: what was expected but did not happen, what happened
 * more than once, and what happened that nobody expected. The report counts and lists them the
 * same way for changes and for notifications.
 *
 * @example
 * ```ts
 * const clean: ExactlyOnceVerdict = { expected: 3, lost: [], duplicated: 0, duplicates: [], unexpected: [] };
 * ```
 */
export interface ExactlyOnceVerdict {
  /** How many the model expected. */
  readonly expected: number;
  /** `<key> (<why>)` of each expected one that did not happen. */
  readonly lost: readonly string[];
  /** Extra effects: each time beyond the first counts once. */
  readonly duplicated: number;
  /** `<key> … <k>×` for each that happened more than once. */
  readonly duplicates: readonly string[];
  /** Effects the model did not expect. */
  readonly unexpected: readonly string[];
}
