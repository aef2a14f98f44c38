import { MAX_DISPLAY_LENGTH, displayText, jsonQuote } from '../src';

describe('displayText', () => {
  it.each([
    ['plain text', 'payments-prod', 'payments-prod'],
    ['Unicode letters and emoji', 'Zürich 😀 東京', 'Zürich 😀 東京'],
    ['an ANSI colour', 'red\u001b[31mRED', 'red\\u001b[31mRED'],
    ['an OSC title and BEL', '\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
    ['CR/LF header injection', 'a\r\nX-Injected: 1', 'a\\u000d\\u000aX-Injected: 1'],
    ['TAB and NUL', '\t\u0000', '\\u0009\\u0000'],
    ['DEL and the 8-bit CSI', '\u007f\u009b2J', '\\u007f\\u009b2J'],
    ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['bidi override and isolate', '\u202egnp.exe\u2066', '\\u202egnp.exe\\u2066'],
  ])('%s', (_label, text, shown) => {
    expect(displayText(text)).toStrictEqual(shown);
  });

  it.each([
    [
      'kept at the limit',
      'x'.repeat(MAX_DISPLAY_LENGTH),
      undefined,
      'x'.repeat(MAX_DISPLAY_LENGTH),
    ],
    ['cut above it', 'x'.repeat(10_000), undefined, `${'x'.repeat(MAX_DISPLAY_LENGTH - 1)}…`],
    ['counted in code points, at the limit', '😀'.repeat(5), 5, '😀'.repeat(5)],
    ['counted in code points, above it', '😀'.repeat(6), 5, `${'😀'.repeat(4)}…`],
  ])('length: %s', (_label, text, max, shown) => {
    expect(displayText(text, max)).toStrictEqual(shown);
  });

  it('cuts before escaping, so a long run of controls stays bounded', () => {
    expect(displayText('\u001b'.repeat(100), 3)).toStrictEqual('\\u001b\\u001b…');
  });
});

describe('jsonQuote', () => {
  it.each([
    ['detail-type', '"detail-type"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\u001b[2J', '"a\\u001b[2J"'],
    ['c1\u009b2J del\u007f', '"c1\\u009b2J del\\u007f"'],
    ['\u2028\u202e', '"\\u2028\\u202e"'],
  ])('%j → %s, which parses back', (text, quoted) => {
    expect([jsonQuote(text), JSON.parse(jsonQuote(text))]).toStrictEqual([quoted, text]);
  });
});
