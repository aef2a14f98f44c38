/**
 * Values CloudTrail writes in place of data it will not log: `****` (account names and e-mail
 * addresses of `CreateAccount` / `CreateAccountResult`) and `HIDDEN_DUE_TO_SECURITY_REASONS`
 * (Identity Store display and user names). Such a value is never a name.
 */
export const HIDDEN_VALUE = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Only asterisks: how CloudTrail masks a string. */
const MASKED_PATTERN = /^\*+$/;

/**
 * `true` when `value` is what CloudTrail writes instead of a value it hides.
 *
 * @example
 * ```ts
 * isMaskedValue('****'); // true
 * isMaskedValue('payments-dev'); // false
 * ```
 */
export function isMaskedValue(value: string): boolean {
  return MASKED_PATTERN.test(value) || value.toUpperCase() === HIDDEN_VALUE;
}

/**
 * A name read from an event, or `null` when it is absent, empty or masked (the deployed path
 * then reads the real name, e.g. with `DescribeAccount` or `DescribeGroup`).
 *
 * @example
 * ```ts
 * nameOrNull('****'); // null
 * nameOrNull('payments-dev'); // 'payments-dev'
 * ```
 */
export function nameOrNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '' || isMaskedValue(value)) return null;
  return value;
}
