import { DEFAULT_SNS_SUBJECT, SNS_SUBJECT_MAX_LENGTH, toSnsSubject } from './sns-subject';

const x = (n: number): string => 'x'.repeat(n);
const ESC = String.fromCharCode(0x1b);
const DEL = String.fromCharCode(0x7f);
const NEL = String.fromCharCode(0x85);
const CSI = String.fromCharCode(0x9b);
const NUL = String.fromCharCode(0);
const BEL = String.fromCharCode(7);
const LONE_HIGH = String.fromCharCode(0xd83d);

/** What SNS itself checks: fewer than 100 characters, no control characters, a valid start. */
function acceptedBySns(subject: string): boolean {
  const controls = Array.from(subject).some((c) => {
    const code = c.charCodeAt(0);
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
  return subject.length < 100 && !controls && /^[\p{L}\p{N}\p{P}]/u.test(subject);
}

describe('toSnsSubject', () => {
  describe.each([
    ['plain text', 'New account 222222222222', 'New account 222222222222'],
    ['CR, LF and tabs', 'a\nb\r\n\tc', 'a b c'],
    ['C0 controls (NUL, BEL, ESC)', `a${NUL}b${BEL}c${ESC}[31mred`, 'a b c [31mred'],
    ['DEL and C1 controls (NEL, CSI)', `a${DEL}b${NEL}c${CSI}d`, 'a b c d'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    [
      'bidi overrides and isolates',
      'invoice \u202egpj.exe\u202c \u2066x\u2069',
      'invoice gpj.exe x',
    ],
    ['bidi and zero-width marks, BOM', '\ufeffa\u200bb\u200e\u200fc\u061c', 'abc'],
    ['a lone surrogate', `a${LONE_HIGH}b`, 'ab'],
    ['runs of spaces, NBSP and ideographic space', '  a  \u00a0 b\u3000c  ', 'a b c'],
    ['a leading symbol or emoji', '🚀 ★ Launch', 'Launch'],
    ['a leading punctuation mark', '[ALERT] Launch', '[ALERT] Launch'],
    ['only controls and bidi characters', `${NUL}\u202e\n\t `, DEFAULT_SNS_SUBJECT],
    ['the empty string', '', DEFAULT_SNS_SUBJECT],
    ['exactly 99 characters', x(99), x(99)],
    ['exactly 100 characters', x(100), `${x(96)}...`],
    ['120 characters', x(120), `${x(96)}...`],
    ['a cut that would split an emoji', `${x(95)}😀😀😀`, `${x(95)}...`],
    ['a cut that lands on a space', `${x(95)} ${x(10)}`, `${x(95)}...`],
    ['controls that shrink a long subject', `${x(50)}\n\n\n${x(48)}`, `${x(50)} ${x(48)}`],
  ])('%s', (_name, subject, expected) => {
    it(`becomes ${JSON.stringify(expected)}, which SNS accepts`, () => {
      const result = toSnsSubject(subject);
      expect({ result, accepted: acceptedBySns(result) }).toStrictEqual({
        result: expected,
        accepted: true,
      });
    });
  });

  it('never exceeds the limit for any mix of characters', () => {
    const alphabet = ['a', ' ', '\n', NEL, '\u202e', '😀', 'é', '-', ESC];
    const subjects = Array.from({ length: 500 }, (_, i) =>
      Array.from({ length: 60 + (i % 120) }, (_, j) => alphabet[(i * 7 + j * 13) % 9]).join(''),
    );
    const rejected = subjects.map(toSnsSubject).filter((s) => !acceptedBySns(s));
    expect({ rejected, limit: SNS_SUBJECT_MAX_LENGTH }).toStrictEqual({ rejected: [], limit: 99 });
  });
});
