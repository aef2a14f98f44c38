// zod's core is imported directly: reaching it through `z.core` would bundle every zod locale.
import * as core from 'zod/v4/core';

/**
 * The validation error an {@link EventError} keeps as its `cause`: zod's issues in an `Error`
 * (with a stack) named `ZodError`, as classic zod names it — `zod/mini`'s own is `$ZodError` —
 * without classic zod's formatting helpers.
 *
 * @example
 * ```ts
 * const result = safeParse(MoveAccountSchema, raw);
 * if (!result.success) result.error.name; // 'ZodError'
 * ```
 */
export const ZodValidationError: core.$ZodErrorClass = core.$constructor(
  'ZodError',
  (inst: core.$ZodError, issues: core.$ZodIssue[]) => {
    core.$ZodError.init(inst, issues);
    inst.name = 'ZodError';
  },
  undefined,
  { Parent: Error },
);

/**
 * `schema.safeParse(value, context)` whose failures are {@link ZodValidationError}s.
 *
 * @example
 * ```ts
 * const result = safeParse(MoveAccountSchema, raw, { error: expectationErrorMap });
 * ```
 */
export const safeParse: core.$SafeParse = core._safeParse(ZodValidationError);
