/**
 * Markup payloads for the HTML report: each would run script, add an element or break out of an
 * attribute or of the embedded JSON if a name were written into the page unescaped.
 */
export const MARKUP_PAYLOADS: readonly string[] = [
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(2)' x='",
  '</script><script>alert(3)</script>',
  '<svg onload=alert(4)>',
  '<iframe srcdoc="<script>alert(5)</script>">',
  '&lt;b&gt;already escaped&lt;/b&gt;',
  '<!-- ]]> --> \u2028\u2029 end',
  'javascript:alert(6)',
];

/**
 * Terminal payloads: control characters and escape sequences that would recolour, clear or retitle
 * a terminal, or forge lines, if printed raw.
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
