import { decodeUtf8, firstInvalidUtf8 } from '../src/input/decode-utf8';
import { jsonTooDeepAt } from '../src/input/json-depth';
import { run } from './helpers/run';

describe('strict UTF-8 input', () => {
  it.each([
    ['a stray 0xFF', [0x61, 0x0a, 0x62, 0xff], { offset: 3, line: 2, column: 2 }],
    ['an overlong slash (C0 AF)', [0x41, 0xc0, 0xaf], { offset: 1, line: 1, column: 2 }],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80], { offset: 0, line: 1, column: 1 }],
    ['a truncated 3-byte sequence', [0xe2, 0x82], { offset: 0, line: 1, column: 1 }],
    ['valid text with € and 😀', [...Buffer.from('a€\n😀b')], undefined],
  ])('finds %s', (_label, bytes, where) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toStrictEqual(where);
  });

  it('refuses invalid UTF-8 with the file, line, column and byte (never replaced)', () => {
    const bytes = Buffer.concat([Buffer.from('scpRules:\n  - id: a'), Buffer.from([0xfe])]);
    expect(() => decodeUtf8(bytes, 'g.yaml')).toThrow(
      'g.yaml is not valid UTF-8 at line 2, column 10 (byte 0xFE at offset 19): save it as UTF-8 (nothing is replaced silently)',
    );
  });

  it('decodes valid UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(Buffer.from('\ufeffname: é'), 'g.yaml')).toBe('name: é');
  });
});

describe('events nested too deeply are refused before parsing', () => {
  it.each([
    ['101 arrays', `${'['.repeat(101)}${']'.repeat(101)}`, 1],
    ['brackets inside strings do not count', `{"a": "${'['.repeat(500)}"}`, undefined],
    ['100 objects is the limit', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, undefined],
  ])('%s', (_label, text, line) => {
    expect(jsonTooDeepAt(text)).toBe(line);
  });
});

describe('a flood of problems', () => {
  it('prints the first 100 and counts the rest', async () => {
    const text = `scpRules: [${Array(5000).fill('1').join(',')}]\n`;
    const result = await run(['validate', '--config', 'g.yaml'], { files: { 'g.yaml': text } });
    const lines = result.stderr.trimEnd().split('\n');
    expect({
      code: result.code,
      count: lines.length,
      first: lines[0],
      last: lines.at(-1),
    }).toStrictEqual({
      code: 1,
      count: 102,
      first: 'error: g.yaml is not a valid governance configuration: 5,000 problems',
      last: '  … and 4,900 more problems',
    });
  });
});
