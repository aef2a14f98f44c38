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
