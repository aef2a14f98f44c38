import * as fc from 'fast-check';

/**
 * Strings that break naive code: control characters (NUL, BEL, ESC, DEL, C1 CSI), ANSI escape
 * sequences, CR/LF header injection, lone surrogates, bidi overrides, zero-width characters,
 * HTML/script, quotes, template placeholders, prototype keys and number-like text.
 */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\u0007bell',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  '\u009b31m',
  '\u007f',
  'a\r\nX-Injected: 1',
  'line1\nline2',
  '\r',
  '\t',
  '\ud800',
  '\udfff',
  '😀',
  '\u202egnp.exe',
  'zero\u200bwidth',
  'İstanbul',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE accounts; --",
  '</script><script>alert(1)</script>',
  '{accountId}',
  '{accountName}{{ouId}}',
  '${process.env}',
  '__proto__',
  'constructor',
  'toString',
  '222222222222',
  ' 222222222222',
  '2.22222222222e11',
  'r-ab12',
  'ou-ab12-11111111',
  'p-FullAWSAccess',
  'NaN',
  'null',
  'true',
  '-0',
  '1e309',
];

/** Characters in the C0 and C1 control ranges, plus DEL. */
export const controlCharacter: fc.Arbitrary<string> = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/**
 * A string built to hurt: one of {@link NASTY_STRINGS}, a run of control characters, a full
 * Unicode string (graphemes, lone surrogates via `binary`), or a mix of those.
 *
 * @example
 * ```ts
 * fc.sample(hostileString, 3); // e.g. ['\u001b[31mred\u001b[0m', '\ud800x', 'a\r\nX-Injected: 1']
 * ```
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  {
    arbitrary: fc.array(controlCharacter, { minLength: 1, maxLength: 8 }).map((c) => c.join('')),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 4 })), {
        minLength: 2,
        maxLength: 4,
      })
      .map((parts) => parts.join('')),
    weight: 2,
  },
);

/**
 * A long string: a repeated character or chunk of `minLength`…`maxLength` UTF-16 units, cheap
 * to generate (no per-character randomness).
 */
export function longString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: minLength, max: maxLength }),
      fc.constantFrom('A', 'é', '€', '😀', '\u0000', '<script>'),
    )
    .map(([length, chunk]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));
}
