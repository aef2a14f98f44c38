import * as z from 'zod/mini';

/** C0 and C1 control characters (NUL, ESC, DEL, CSI…) and lone surrogates (not encodable as UTF-8). */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
/**
 * Control characters, lone surrogates and characters that render as nothing: format characters
 * (zero-width space and joiners, bidi controls, BOM, soft hyphen…), the combining grapheme joiner,
 * Hangul fillers and the braille blank. A tag key holding one looks like another and never matches.
 */
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cs}\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Control characters other than tab, line feed and carriage return (allowed in message bodies). */
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** Which characters a text field refuses. */
export type ForbiddenCharacters = 'control' | 'controlOrInvisible' | 'controlExceptLineBreaks';

const PATTERNS: Readonly<Record<ForbiddenCharacters, RegExp>> = {
  control: CONTROL,
  controlOrInvisible: CONTROL_OR_INVISIBLE,
  controlExceptLineBreaks: CONTROL_EXCEPT_LINE_BREAKS,
};

/** `U+200B` for a character (or a lone surrogate). */
function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` is refused for holding a forbidden character, or `undefined` when it holds none:
 * names the character (`U+200B`, "invisible" or "control") and its 1-based position.
 *
 * @example
 * ```ts
 * forbiddenCharacter('env\u200b', 'controlOrInvisible'); // 'contains the invisible character U+200B at character 4'
 * forbiddenCharacter('prod', 'control'); // undefined
 * ```
 */
export function forbiddenCharacter(value: string, refuse: ForbiddenCharacters): string | undefined {
  const match = PATTERNS[refuse].exec(value);
  if (match === null) return undefined;
  const char = match[0];
  const kind = CONTROL.test(char) ? 'control character' : 'invisible character';
  const position = [...value.slice(0, match.index)].length + 1;
  return `contains the ${kind} ${codePointOf(char)} at character ${position}`;
}

/**
 * A string of `min`…`max` characters (UTF-16 units) without forbidden characters: names, tag keys
 * and values, AWS identifiers. Every failure is reported (too long and a control character too).
 *
 * @example
 * ```ts
 * const AccountNameSchema = textSchema({ max: 50 }); // AWS: account names are at most 50 characters
 * AccountNameSchema.safeParse('a\u0000b').success; // false
 * ```
 */
export function textSchema(options: {
  readonly max: number;
  readonly min?: number;
  readonly refuse?: ForbiddenCharacters;
}) {
  const min = options.min ?? 1;
  const refuse = options.refuse ?? 'control';
  const lengths = [
    z.maxLength(options.max),
    ...(min > 0 ? [z.minLength(min, { error: 'must not be empty' })] : []),
  ];
  return z.string().check(
    ...lengths,
    z.superRefine((value: string, ctx) => {
      const problem = forbiddenCharacter(value, refuse);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );
}

/** `true` when `value` fits `max` and holds no character `refuse` forbids (the fast-path twin of {@link textSchema}). */
export function isCleanText(
  value: unknown,
  max: number,
  refuse: ForbiddenCharacters = 'control',
  min = 1,
): boolean {
  return (
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    !PATTERNS[refuse].test(value)
  );
}

/**
 * AWS limits on names, in characters: what AWS accepts, so that a longer name in a document is an
 * error here rather than a name that can never exist (or a 900 KB string carried through a plan).
 */
export const NAME_LIMITS = {
  /** Organizations account name. */
  accountName: 50,
  /** Organizations account email. */
  accountEmail: 64,
  /** Organizations OU name. */
  ouName: 128,
  /** Organizations policy name. */
  policyName: 128,
  /** A policy id (`p-` and up to 128 characters). */
  policyId: 130,
  /** Identity Center permission set name. */
  permissionSetName: 32,
  /** Identity Store group display name. */
  groupName: 1024,
  /** Identity Store user name. */
  userName: 128,
  /** Identity Store user or group id. */
  principalId: 47,
  /** Tag key. */
  tagKey: 128,
  /** Tag value. */
  tagValue: 256,
  /** An ARN. */
  arn: 2048,
} as const;
