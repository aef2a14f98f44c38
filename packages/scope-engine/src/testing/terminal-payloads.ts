/**
 * Terminal payloads: control characters and escape sequences that would recolour, clear or
 * retitle a terminal, or forge lines, if printed raw — names for the tests that check nothing
 * from the data reaches a terminal or a notification raw (the CLI's output, notification text).
 *
 * @example
 * ```ts
 * it.each(TERMINAL_PAYLOADS)('an account named %j', (name) => { ... });
 * ```
 */
export const TERMINAL_PAYLOADS: readonly string[] = [
  'red\u001b[31mRED\u001b[0m',
  'clear\u001b[2J\u001b[H',
  'title\u001b]0;pwned\u0007',
  'c1\u009b2J',
  'bell\u0007',
  'line\r\nforged line',
  'nul\u0000byte',
  'bidi\u202egnp.exe',
];
