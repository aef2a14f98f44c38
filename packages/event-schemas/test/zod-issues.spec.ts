import * as z from 'zod';
import { expectationErrorMap, toEventIssues } from '../src/parse/zod-issues';

/** The EventIssues zod reports for `value` against `schema`, with the package's error map. */
function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { error: expectationErrorMap });
  return result.success ? [] : toEventIssues(result.error);
}

describe('zod issue → EventIssue translation', () => {
  it.each([
    ['an object', z.object({}), 'x', 'an object'],
    ['a string', z.string(), 1, 'a string'],
    ['an array', z.array(z.string()), {}, 'an array'],
    ['a number', z.number(), 'one', 'a number'],
    ['a boolean', z.boolean(), 'yes', 'true or false'],
    ['a bigint', z.bigint(), 1, 'a bigint'],
    ['a literal', z.literal('ACCEPTED'), 'OPEN', '"ACCEPTED"'],
    ['an enum', z.enum(['A', 'B']), 'C', 'one of "A", "B"'],
    ['an array too short', z.array(z.string()).min(2), ['a'], 'at least 2 item(s)'],
    ['an empty string', z.string().min(1), '', 'a non-empty string'],
    ['a short string', z.string().min(3), 'ab', 'at least 3'],
    ['a small number', z.number().min(5), 1, 'at least 5'],
    ['an unknown format (zod words)', z.iso.datetime(), 'yesterday', 'Invalid ISO datetime'],
    ['a plain union (zod words)', z.union([z.string(), z.number()]), true, 'Invalid input'],
    [
      'a custom message',
      z.string().refine(() => false, { error: 'an even length' }),
      'abc',
      'an even length',
    ],
  ])('%s', (_label, schema, value, expected) => {
    expect(issuesOf(schema, value)).toStrictEqual([{ path: '$', expected }]);
  });

  it('names the discriminator of a discriminated union', () => {
    const schema = z.discriminatedUnion('k', [
      z.object({ k: z.literal('a') }),
      z.object({ k: z.literal('b') }),
    ]);
    expect(issuesOf(schema, { k: 'c' })).toStrictEqual([
      { path: '$.k', expected: 'one of "a", "b"' },
    ]);
  });
});
