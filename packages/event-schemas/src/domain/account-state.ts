/**
 * Account states. Organizations retired the account `Status` field on 2026-09-09: `State` is
 * read instead, and has more values.
 */

/** Every value of the Organizations account `State` field. */
export const ACCOUNT_STATES = [
  'ACTIVE',
  'SUSPENDED',
  'PENDING_ACTIVATION',
  'PENDING_CLOSURE',
  'CLOSED',
] as const;

/** An Organizations account `State`. */
export type AccountState = (typeof ACCOUNT_STATES)[number];

/**
 * The {@link AccountState} written in `value` (any case), or `null` for anything else. The
 * retired `Status` values (`ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`) are `State` values too.
 *
 * @example
 * ```ts
 * accountStateOf('pending_activation'); // 'PENDING_ACTIVATION'
 * accountStateOf('DELETED'); // null
 * ```
 */
export function accountStateOf(value: unknown): AccountState | null {
  if (typeof value !== 'string') return null;
  const upper = value.toUpperCase();
  return ACCOUNT_STATES.find((state) => state === upper) ?? null;
}
