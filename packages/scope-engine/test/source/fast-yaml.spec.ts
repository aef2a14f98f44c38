/**
 * The fast YAML path must answer exactly what the `yaml` package answers, or not answer at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parseDocument, stringify, type ToStringOptions } from 'yaml';
import { loadYamlFast } from '../../src/source/fast-yaml';

/** What the careful path makes of `text`: its value, or `undefined` when it reports an error. */
function careful(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  return { value: doc.toJS({ maxAliasCount: 100 }) ?? null };
}

/** Runs of each property. */
const RUNS = 2_000;
/**
 * How often the fast path must answer (not decline), so that "agrees when it answers" is not
 * vacuous: it answers 150 of the 153 tricky-scalar documents, about 55% of the generated
 * documents and about 22% of the mutated ones (the minimums leave room for the seed).
 */
const MIN_TRICKY_ANSWERED = 150;
const MIN_GENERATED_ANSWERED = 900;
const MIN_MUTATED_ANSWERED = 300;

type CollectionStyle = NonNullable<ToStringOptions['collectionStyle']>;
type StringType = NonNullable<ToStringOptions['defaultStringType']>;

const TRICKY_SCALARS = [
  '1_000',
  '0b101',
  '0o17',
  '0x1F',
  '0X1F',
  '017',
  '+1',
  '-0',
  '1e3',
  '1E-3',
  '.5',
  '5.',
  '+.5',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  'inf',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2026-01-01',
  '2026-01-01T00:00:00Z',
  '1:20',
  '12:30:00',
  '0.1.2',
  '1,000',
  '$100',
  '<<',
  '=',
  '!',
  'ou-ab12-11111111',
  '222222222222',
  '00222222222222',
  'p-FullAWSAccess',
  'a b',
  'café',
];

/** The three places a tricky scalar is tried in: a mapping value, a list item, a flow list. */
const placements = (scalar: string): string[] => [
  `v: ${scalar}\n`,
  `- ${scalar}\n`,
  `{ k: [${scalar}] }\n`,
];

/** What {@link bothPaths} reports for both paths when the fast path declines. */
const DECLINED = 'declined (left to the careful path)';

/**
 * Loads `text` on the fast path and returns what it answered next to what the careful path
 * reads (only read when the fast path answered: some texts it declines make `yaml` throw), so
 * that one `toStrictEqual` checks "the same answer, or no answer".
 */
function bothPaths(text: string): { actual: unknown; expected: unknown; answered: boolean } {
  const fast = loadYamlFast(text);
  if (fast === undefined) return { actual: DECLINED, expected: DECLINED, answered: false };
  return { actual: fast, expected: careful(text), answered: true };
}

describe('loadYamlFast', () => {
  it.each(TRICKY_SCALARS)('resolves the plain scalar %s as the yaml package does', (scalar) => {
    const results = placements(scalar).map((text) => ({ text, ...bothPaths(text) }));
    expect(results.map(({ text, actual }) => [text, actual])).toStrictEqual(
      results.map(({ text, expected }) => [text, expected]),
    );
  });

  it('answers most tricky-scalar documents itself (the agreement above is not vacuous)', () => {
    const texts = TRICKY_SCALARS.flatMap(placements);
    const answered = texts.filter((text) => bothPaths(text).answered).length;
    expect(answered).toBeGreaterThanOrEqual(MIN_TRICKY_ANSWERED);
  });

  it.each([
    ['anchors and aliases', 'a: &x [1]\nb: *x\n'],
    ['a %YAML directive', '%YAML 1.1\n---\na: yes\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a custom tag', 'a: !Ref x\n'],
    ['bad indentation', 'a:\n  - 1\n - 2\n'],
  ])('leaves %s to the careful path', (_what, text) => {
    expect(loadYamlFast(text)).toBeUndefined();
  });

  it('loads the example governance.yaml as the yaml package does', () => {
    const text = readFileSync(
      join(__dirname, '..', '..', '..', '..', 'examples', 'governance.yaml'),
      'utf8',
    );
    expect(loadYamlFast(text)).toStrictEqual(careful(text));
  });

  it('agrees with the yaml package on generated documents in every style', () => {
    const scalar = fc.oneof(
      fc.constantFrom(...TRICKY_SCALARS),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...TRICKY_SCALARS)), tie('node'), {
        maxKeys: 4,
      }),
    })).node;
    // Both collection styles of the yaml package's stringify (its default is block for plain data).
    const options = fc.record({
      collectionStyle: fc.constantFrom<CollectionStyle>('block', 'flow'),
      defaultStringType: fc.constantFrom<StringType>(
        'PLAIN',
        'QUOTE_DOUBLE',
        'QUOTE_SINGLE',
        'BLOCK_LITERAL',
        'BLOCK_FOLDED',
      ),
      indent: fc.integer({ min: 1, max: 4 }),
    });
    let answered = 0;
    fc.assert(
      fc.property(value, options, (data, style) => {
        const { actual, expected, answered: fastAnswered } = bothPaths(stringify(data, style));
        answered += fastAnswered ? 1 : 0;
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBeGreaterThanOrEqual(MIN_GENERATED_ANSWERED);
  });

  it('never accepts a mutated document the yaml package refuses, nor reads it differently', () => {
    const base = readFileSync(
      join(__dirname, '..', '..', '..', '..', 'examples', 'governance.yaml'),
      'utf8',
    );
    const mutation = fc.record({
      at: fc.nat({ max: base.length }),
      cut: fc.nat({ max: 8 }),
      insert: fc.oneof(
        fc.constantFrom(
          ' ',
          '  ',
          '\n',
          '\t',
          '-',
          ':',
          '#',
          '"',
          "'",
          '[',
          ']',
          '{',
          '}',
          ',',
          '&a',
          '*a',
          '!',
          '|',
          '>',
          '? ',
          '%',
        ),
        fc.string({ maxLength: 4 }),
      ),
    });
    let answered = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = base;
        for (const m of mutations) {
          const at = Math.min(m.at, text.length);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const { actual, expected, answered: fastAnswered } = bothPaths(text);
        answered += fastAnswered ? 1 : 0;
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBeGreaterThanOrEqual(MIN_MUTATED_ANSWERED);
  });
});
