import { formatPath, MAX_JSON_LOCATE_CHARS, readDocument } from '../../src';

describe('readDocument', () => {
  it('locates paths in JSON text (lazily, through the YAML parser)', () => {
    const text = '{\n  "scpRules": [\n    { "id": "a" },\n    { "id": "b" }\n  ]\n}\n';
    const result = readDocument(text, 'governance.json');
    if (!result.ok) throw new Error('expected a document');
    expect([
      result.document.value,
      result.document.lineOf(['scpRules', 1, 'id']),
      result.document.lineOf(['scpRules', 7]),
      result.document.lineOf(['nope']),
    ]).toStrictEqual([{ scpRules: [{ id: 'a' }, { id: 'b' }] }, 4, 2, 1]);
  });

  it('has no lines for JSON the YAML parser refuses (duplicate keys), nor for parsed data', () => {
    const duplicated = readDocument('{"a": 1, "a": 2}', 'x.json');
    const data = readDocument({ a: 1 }, 'data');
    if (!duplicated.ok || !data.ok) throw new Error('expected documents');
    expect([duplicated.document.value, duplicated.document.lineOf(['a'])]).toStrictEqual([
      { a: 2 },
      undefined,
    ]);
    expect([data.document.value, data.document.lineOf(['a'])]).toStrictEqual([{ a: 1 }, undefined]);
  });

  it('locates keys and items in YAML, and the nearest ancestor of a missing path', () => {
    const result = readDocument('a:\n  b:\n    - x\n    - y\n', 'doc.yaml');
    if (!result.ok) throw new Error('expected a document');
    expect([
      result.document.lineOf(['a', 'b', 1]),
      result.document.lineOf(['a', 'b', 1, 'deeper']),
      result.document.lineOf(['a', 'c']),
      result.document.lineOf([]),
    ]).toStrictEqual([4, 4, 1, 1]);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const result = readDocument(bomb, 'bomb.yaml');
    expect(result.ok).toBe(false);
    expect(result.ok ? 'read' : result.problems[0]?.message).toMatch(/^invalid YAML: /);
  });

  it('treats text starting with { as JSON whatever the name', () => {
    const result = readDocument('  {"a": [1, 2]}', 'stdin');
    expect(result.ok && result.document.value).toStrictEqual({ a: [1, 2] });
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['a', 0, 'b'], 'a[0].b'],
    [[0, 'x'], '[0].x'],
    [['tags', 'cost center'], 'tags["cost center"]'],
  ])('formats %j as %s', (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });
});

describe('readDocument on very large JSON', () => {
  it('keeps paths but gives no lines beyond MAX_JSON_LOCATE_CHARS (no giant YAML tree)', () => {
    const text = JSON.stringify({
      items: Array.from({ length: 1 }, () => 'x'.repeat(MAX_JSON_LOCATE_CHARS)),
    });
    const result = readDocument(text, 'big.json');
    if (!result.ok) throw new Error('expected a document');
    expect(result.document.lineOf(['items', 0])).toBeUndefined();
  });
});
