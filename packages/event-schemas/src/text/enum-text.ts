import * as z from 'zod/mini';

/** `"A"`, or `one of "A", "B"` (the words every enum issue uses). */
export function oneOfText(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length === 1 ? `${quoted[0]}` : `one of ${quoted.join(', ')}`;
}

/**
 * An enum AWS may write in any case (`INVITE`, `invite`, `Invited`), where every casing of one of
 * `values` validates, and the output is the value as listed. Anything else — another word, a
 * number, `null` — reports `one of "A", "B"`.
 *
 * @example
 * ```ts
 * caseInsensitiveEnum(['INVITE', 'ENABLE_ALL_FEATURES']).parse('invite'); // 'INVITE'
 * ```
 */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const expected = oneOfText(values);
  return z.pipe(
    z
      .string({ error: expected })
      .check(z.refine((v) => canonicalEnum(values, v) !== undefined, { error: expected })),
    z.transform((v: string) => canonicalEnum(values, v) as T[number]),
  );
}

/**
 * The listed spelling of `value` in `values`, compared without case, or `undefined`.
 *
 * @example
 * ```ts
 * canonicalEnum(['Created', 'Invited'], 'INVITED'); // 'Invited'
 * ```
 */
export function canonicalEnum<const T extends readonly string[]>(
  values: T,
  value: unknown,
): T[number] | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return values.find((v) => v.toUpperCase() === upper);
}
