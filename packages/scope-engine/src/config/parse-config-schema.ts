/**
 * The configuration schema's parse, safe for documents with hundreds of thousands of problems.
 */
import type * as z from 'zod/mini';
import { type GovernanceConfigDocument, GovernanceConfigSchema } from './config-schema';

/** Rule and notification lists longer than this are parsed on their own. */
const LONG_LIST = 10_000;

/** The lists a document may make long. */
const LIST_SECTIONS = ['scpRules', 'policyRules', 'assignmentRules', 'notifications'] as const;

/** A parse's result: the document, or every issue with its path from the document's root. */
export type ConfigSchemaResult =
  | { readonly success: true; readonly data: GovernanceConfigDocument }
  | {
      readonly success: false;
      readonly issues: readonly z.core.$ZodIssue[];
      /** The first failed parse's error (a cause for messages). */
      readonly error: Error;
    };

/**
 * `GovernanceConfigSchema.safeParse`, except that a rule or notification list longer than
 * {@link LONG_LIST} is parsed on its own and its issues prefixed with its key: zod adds a
 * member's issues to its parent's with one spread call, which overflows the stack for a list
 * with more than about 100,000 problems (a 1 MB `scpRules: [1,1,…]`). Same issues, same data.
 *
 * @example
 * ```ts
 * const result = parseConfigSchema({ scpRules: Array(480_000).fill(1) });
 * if (!result.success) console.log(result.issues.length); // 480000
 * ```
 */
export function parseConfigSchema(value: unknown): ConfigSchemaResult {
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Readonly<Record<string, unknown>>)
      : undefined;
  const long = LIST_SECTIONS.filter((key) => {
    const list = record?.[key];
    return Array.isArray(list) && list.length > LONG_LIST;
  });
  if (record === undefined || long.length === 0)
    return fromZod(GovernanceConfigSchema.safeParse(value));
  const rest = fromZod(
    GovernanceConfigSchema.safeParse({
      ...record,
      ...Object.fromEntries(long.map((k) => [k, []])),
    }),
  );
  const lists = long.map((key) => {
    // Each list's own schema; its data replaces the placeholder in the rest's data.
    const schema: z.ZodMiniType<unknown> = GovernanceConfigSchema.shape[key];
    const parsed = schema.safeParse(record[key]);
    return { key, parsed };
  });
  const failures = [rest, ...lists.map(({ key, parsed }) => prefixed(key, fromZod(parsed)))];
  const issues = failures.flatMap((result) => (result.success ? [] : result.issues));
  const firstError = failures.find((result) => !result.success);
  if (firstError !== undefined && !firstError.success) {
    return { success: false, issues, error: firstError.error };
  }
  if (!rest.success) return rest;
  const data = { ...rest.data };
  for (const { key, parsed } of lists) {
    if (parsed.success) Object.assign(data, { [key]: parsed.data });
  }
  return { success: true, data };
}

/** A zod result in {@link ConfigSchemaResult}'s shape. */
function fromZod<T>(
  result: { success: true; data: T } | { success: false; error: z.core.$ZodError },
): { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[]; error: Error } {
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: result.error.issues, error: result.error };
}

/** The issues of a list's own parse, with the list's key in front of their paths. */
function prefixed<T>(
  key: string,
  result: { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[]; error: Error },
): typeof result {
  if (result.success) return result;
  const issues = result.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
  return { ...result, issues };
}
