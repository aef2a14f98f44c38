import type * as z from 'zod/mini';
import type { EventIssue } from '../domain/parse-result';
import { toJsonPath } from './json-path';

/** Human words for zod's `expected` type names. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'an object',
  record: 'an object',
  string: 'a string',
  array: 'an array',
  tuple: 'an array',
  number: 'a number',
  boolean: 'true or false',
};

/** `"A"`, or `one of "A", "B"`. */
function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length === 1 ? `${quoted[0]}` : `one of ${quoted.join(', ')}`;
}

/** What a raw zod issue expected, in human words; `undefined` keeps zod's own message. */
function expectation(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) ? oneOf(issue.options) : undefined;
    case 'too_small':
      if (issue.origin === 'array') return `at least ${String(issue.minimum)} item(s)`;
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'a non-empty string'
        : `at least ${String(issue.minimum)}`;
    default:
      return undefined;
  }
}

/**
 * Error map for `safeParse(raw, { error: expectationErrorMap })`: every issue's message
 * becomes what was expected. Messages set on a schema (`{ error: 'a 12-digit AWS account id' }`)
 * take precedence, as zod applies schema-level errors first. Every issue this package's schemas
 * can raise has words here or on its schema; any other keeps zod's own message (`zod/mini` loads
 * no locale: "Invalid input" — the English locale's text for the one other issue these schemas
 * could raise, a union without options — unless the host configured one, as classic `zod` does).
 *
 * @example
 * ```ts
 * MoveAccountSchema.safeParse(raw, { error: expectationErrorMap });
 * ```
 */
export const expectationErrorMap: z.core.$ZodErrorMap = (issue) => expectation(issue);

/**
 * Translates a zod error into {@link EventIssue}s: one per problem, JSON path and expectation.
 *
 * @example
 * ```ts
 * toEventIssues(result.error); // [{ path: '$.detail.requestParameters.accountId', expected: 'a 12-digit AWS account id' }]
 * ```
 */
export function toEventIssues(error: z.core.$ZodError): EventIssue[] {
  return error.issues.map((issue) => ({ path: toJsonPath(issue.path), expected: issue.message }));
}
