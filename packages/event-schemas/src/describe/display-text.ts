/**
 * `true` for a character a terminal or a log viewer acts on instead of showing: C0 controls
 * (including CR, LF, TAB, ESC, BEL), DEL, C1 controls (U+0080–U+009F, among them the 8-bit CSI
 * U+009B), the line and paragraph separators, and the bidirectional overrides and isolates that
 * reorder what is shown.
 */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** `text` with every unsafe character written as a `\uXXXX` escape. */
function escapeUnsafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isUnsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}

/** The longest text {@link displayText} keeps, in code points. */
export const MAX_DISPLAY_LENGTH = 256;

/**
 * Untrusted text (a name, an id, an error message from an event) made safe to show on one line
 * of a terminal or a log: every control, separator and bidi character is written as a `\uXXXX`
 * escape, and text longer than `max` code points is cut with `…`. Printable text, including any
 * Unicode letter or emoji, is unchanged.
 *
 * @example
 * ```ts
 * displayText('prod\u001b[2J\r\nX'); // 'prod\\u001b[2J\\u000d\\u000aX'
 * displayText('x'.repeat(1000), 8); // 'xxxxxxx…'
 * ```
 */
export function displayText(text: string, max = MAX_DISPLAY_LENGTH): string {
  // Code points never outnumber UTF-16 units: only a longer text can need cutting, and the first
  // 2 × (max + 1) units hold at least max + 1 code points when the text has that many.
  if (text.length <= max) return escapeUnsafe(text);
  const points = [...text.slice(0, 2 * (max + 1))];
  return escapeUnsafe(points.length > max ? `${points.slice(0, max - 1).join('')}…` : text);
}

/**
 * A string as a JSON string literal that is also safe to display: `JSON.stringify` escapes C0
 * controls but leaves DEL, C1, U+2028/9 and bidi controls raw; this escapes them too. The
 * result still parses back with `JSON.parse` to the same string.
 *
 * @example
 * ```ts
 * jsonQuote('changed-tag-keys'); // '"changed-tag-keys"'
 * jsonQuote('a\u009b2J'); // '"a\\u009b2J"'
 * ```
 */
export function jsonQuote(text: string): string {
  return escapeUnsafe(JSON.stringify(text));
}
