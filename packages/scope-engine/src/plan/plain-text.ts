/** `true` for a bidirectional formatting character (marks, embeddings, overrides, isolates). */
function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** `true` for a character that breaks or drives a line: C0 controls, DEL, C1, U+2028/U+2029. */
function isLineControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/**
 * Untrusted text (an account or OU name from an event or a snapshot) made safe to put into a
 * notification subject or body: every control character — C0 (CR, LF, TAB, ESC, BEL, …), DEL, C1
 * and the line/paragraph separators — becomes a space, so a subject stays one line and no
 * terminal or mail client acts on an escape sequence; bidirectional marks, overrides and isolates
 * are dropped, so what is shown is what is stored. Everything else, any Unicode letter or emoji
 * included, is unchanged.
 *
 * @example
 * ```ts
 * plainText('prod\r\nBcc: x\u001b[2J'); // 'prod  Bcc: x [2J'
 * plainText('invoice\u202Egpj.exe'); // 'invoicegpj.exe'
 * ```
 */
export function plainText(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const line = isLineControl(code);
    if (!line && !isBidiControl(code)) continue;
    out += text.slice(start, i) + (line ? ' ' : '');
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
